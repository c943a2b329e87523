import { jest } from "@jest/globals";
import fc from "fast-check";
import { EMPTY_STATE, type ChecklistState } from "../../src/plan/checklist-state.js";
import { renderConfigIssue } from "../../src/plan/config-issue-body.js";
import { decideIssue } from "../../src/plan/decide-issue.js";
import { renderDashboard } from "../../src/backlog/dashboard.js";
import { renderReadiness } from "../../src/backlog/readiness.js";
import { buildReport, renderMarkdown, type BacklogEntry } from "../../src/backlog/report.js";
import { parseCommands } from "../../src/commands/parse-commands.js";
import { COMMAND_NAMES } from "../../src/plan/commands.js";
import { permissionFor } from "../../src/commands/permissions.js";
import { briefReply, configReply, deniedReply, explainReply, helpReply, problemsReply, templateReply } from "../../src/commands/replies.js";
import { parseSettings } from "../../src/config/parse-settings.js";
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from "../../src/config/schema.js";
import { acceptanceCriteria, analyze, sectionDefs, sectionText } from "../../src/engine/index.js";
import type { Analysis } from "../../src/engine/types.js";
import { acceptanceOutput } from "../../src/github/acceptance-check-run.js";
import { settingsCheckSummary } from "../../src/github/settings-check-run.js";
import { liveMentions } from "../helpers/live-mentions.js";

/** Runs of the property: enough to reach the rare shapes of hostile input. */
const RUNS = 10_000;

jest.setTimeout(300_000);

/** What an outsider types: mentions and references in every disguise, Markdown, HTML, controls. */
const FRAGMENTS = [
  "@admin-ada", "@e2e-org/platform", "@a", "@", "#1", "#12", "o/r#3", "GH-4", "gh-5",
  "`", "``", "```", "````", "`````", "~~~",
  "\u0000", "\u0007", "\u202e", "\u2066", "\u200f", "\u061c", "…",
  "\\", "*", "**", "_", "~", "|", "[", "]", "(", ")", "!", "{", "}", "#", "-", "/", ".", ":", "=",
  "&#64;", "&#35;", "&amp;", "&", "<", ">", "<!--", "-->", "<b>", "</b>", "<code>", "</code>", "<details>",
  "https://github.com/o/r/issues/1", "[x](https://x.y)", "<https://a.b>",
  "\n", "\n\n", " ", "    ", "\t", "\r", "- ", "- [ ] ", "> ", "## ", "1. ",
  "a", "x", "z9", "1", "9", "must", "returns 400",
];

const userText = (max: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: max }).map((a) => a.join("")) },
    { weight: 1, arbitrary: fc.string({ maxLength: max, unit: "binary" }) },
  );

/** A GitHub login, as decisions record them: GitHub vouches for its shape. */
const login = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/);

/** A body laid out like a spec, so that every section echoes some of the outsider's text. */
const body = fc.array(userText(12), { minLength: 8, maxLength: 8 }).map((t) =>
  [
    `## Context\n${t[0]} the service today ${t[1]}`,
    `## Scope\n- deliver ${t[2]}\n- out of scope: ${t[3]}`,
    `## API contract\nPOST /v1/${t[4]} returns 201`,
    `## Acceptance criteria\n- [ ] it must ${t[5]}\n- [x] ${t[6]}`,
    `## Definition of done\nTests pass, docs updated ${t[7]}`,
    "## Security review\nThreat model reviewed",
  ].join("\n\n"),
);

/** Settings a repository may write: its own section titles and hints, its label names. */
const settings = fc.record({ title: userText(8), hint: userText(10), label: userText(6), required: fc.boolean() }).map(({ title, hint, label, required }): Settings => {
  const parsed = settingsSchema.safeParse({
    sections: {
      custom: [{ id: "security-review", title: title.trim() || "Security", headings: ["Security review"], hint }],
      ...(required ? { required: ["context", "scope", "security-review"] } : {}),
    },
    labels: { ready: { name: label.trim().slice(0, 50) || "handoff-ready" } },
  });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
});

const state = fc.record({ by: login, na: fc.boolean() }).map(({ by, na }): ChecklistState => ({
  ...EMPTY_STATE,
  classification: { value: "scoped-deliverable", by, via: "command" },
  readiness: { ready: { present: false, by } },
  ...(na ? { na: { contract: by } } : {}),
}));

/** Every text the app writes from what it was given. */
const KINDS = ["analysed", "unclear", "owner", "ready"] as const;
type Kind = (typeof KINDS)[number];

function everything(input: { title: string; body: string; comment: string; yaml: string; file: string; kind: Kind }, s: Settings, st: ChecklistState): Record<string, string> {
  const issue = { title: input.title, body: input.body };
  const analysis = analyze(issue, s);
  // Each run renders the checklist as one of its four kinds, whatever the analysis said.
  const as: Record<Kind, Analysis> = {
    analysed: analysis,
    unclear: { ...analysis, classification: "unclear" },
    owner: { ...analysis, classification: "needs-owner" },
    ready: { ...analysis, classification: "scoped-deliverable", missing: [], ready: true },
  };
  const parsed = parseSettings(input.yaml, input.file);
  const problems = parsed.ok ? [{ file: input.file, line: 1, column: 1, path: input.title, message: input.comment }] : parsed.problems;
  const entry = (number: number, classification: "scoped-deliverable" | "needs-owner"): BacklogEntry => ({
    number,
    title: input.title,
    url: `https://github.com/o/r/issues/${number}`,
    analysis: { ...analysis, classification, ready: number === 3 },
  });
  const report = buildReport(input.file, [entry(2, "scoped-deliverable"), entry(3, "scoped-deliverable"), entry(4, "needs-owner")], s);
  const all = COMMAND_NAMES.map((name) => ({ name, permission: permissionFor(s, name) }));
  return {
    checklist: decideIssue(as[input.kind], s, input.kind === "ready" ? EMPTY_STATE : st, { hasComment: true, force: true }).comment ?? "",
    explain: explainReply(analysis, s),
    template: templateReply(sectionDefs(s).map((d) => d.id), s),
    brief: briefReply(input.title, 7, sectionText(issue, s), analysis, s, st.na ?? {}),
    config: configReply(s, [input.file], { [input.title]: input.file }),
    help: helpReply(all.slice(0, 3), all),
    denied: deniedReply("hire", permissionFor(s, "hire")),
    problems: problemsReply(parseCommands(input.comment, sectionDefs(s).map((d) => d.id)).problems),
    configIssue: renderConfigIssue(problems, [input.file]),
    settingsCheck: settingsCheckSummary(problems),
    dashboard: renderDashboard(renderMarkdown(report, s), renderReadiness({ tracked: 3, readyWhenOpened: 0.5, medianHoursToReady: 2 })),
    acceptance: acceptanceOutput({ issue: "#7", title: input.title, criteria: acceptanceCriteria(issue, s) }).summary,
    acceptanceEmpty: acceptanceOutput({ issue: input.file, title: input.title, criteria: [] }).summary,
  };
}

describe("no mention or reference from anyone's text is live in anything the app writes", () => {
  test("the attack's inputs", () => {
    const title = "Add `@admin-ada` `@e2e-org/platform` lookup, blocked by `#1` " + "x".repeat(60) + " @admin-ada";
    const out = { title, body: "## Dependencies\nBlocked by `#1`", comment: "/handoff `@admin-ada`", yaml: "labels: `@admin-ada`", file: "o/r:.github/handoff.yml" };
    for (const kind of KINDS) {
      for (const [what, text] of Object.entries(everything({ ...out, kind }, DEFAULT_SETTINGS, EMPTY_STATE))) expect([what, liveMentions(text)]).toEqual([what, []]);
    }
  });

  test("property: none survives outside code spans, in any text the app writes", () => {
    const input = fc.record({
      title: userText(30),
      body,
      comment: userText(10).map((t) => `/handoff ${t}\n/handoff n/a ${t}`),
      yaml: userText(20).map((t) => `sections:\n  required: [${t}]\nlabels: ${t}\n${t}: 1`),
      file: userText(6).map((t) => `o/r:.github/${t}.yml`),
      kind: fc.constantFrom(...KINDS),
    });
    fc.assert(
      fc.property(input, settings, state, (i, s, st) => {
        for (const [what, text] of Object.entries(everything(i, s, st))) expect([what, liveMentions(text)]).toEqual([what, []]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the checker itself", () => {
  test.each([
    ["@alice", ["@alice"]],
    ["see #12", ["#12"]],
    ["x \\`@bob\\`", ["@bob"]],
    ["`@bob` <!-- @carol --> `#1`", []],
    ["```\n@bob #1\n```", []],
    ["a@b.com", []],
    ["&#64;bob", ["@bob"]],
    ["`#1`@bob", ["@bob"]],
    ["| a | b |\n|---|---|\n| `x|@bob` | c |", ["@bob"]],
    ["[#14](https://github.com/o/r/issues/14)", []],
    ["[#15](https://github.com/o/r/issues/14)", ["#15"]],
    ["a\u202eb", ['invisible character "\u202e"']],
  ])("%j", (markdown, live) => {
    expect(liveMentions(markdown)).toEqual(live);
  });
});
