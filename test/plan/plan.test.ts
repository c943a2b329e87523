import { DEFAULT_SETTINGS, type Settings } from "../../src/config/schema.js";
import { CHECKLIST_MARKER } from "../../src/engine/index.js";
import { rolesNeeded } from "../../src/plan/plan-commands.js";
import { describePlan, plan, type Plan } from "../../src/plan/plan.js";
import type { AppComment, IssueFacts, IssueJob, IssueSnapshot, ValidSettings } from "../../src/plan/snapshot.js";
import { COMPLETE_SPEC } from "../helpers/specs.js";

/** The pure decision layer, one row per rule: no HTTP, no renderer output compared. */

const NOW = "2024-03-01T12:00:00.000Z";
const STRIPE = { title: "Add a Stripe webhook endpoint", body: "" };
const SLOS = { title: "Define SLOs and the on-call rotation for checkout", body: "" };
const QUESTION = { title: "Why do you use Redis for sessions?", body: "" };

function facts(issue: { title: string; body: string }, extra: Partial<IssueFacts> = {}): IssueFacts {
  return { number: 7, title: issue.title, body: issue.body, open: true, locked: false, hasComments: false, author: "author", labels: [], createdAt: NOW, updatedAt: NOW, ...extra };
}

function loaded(settings: Partial<Settings> = {}): ValidSettings {
  return { ok: true, settings: { ...DEFAULT_SETTINGS, ...settings }, files: [] };
}

function snapshot(issue: IssueFacts, more: Partial<Omit<IssueSnapshot, "issue">> = {}): IssueSnapshot {
  return { issue, pullRequest: false, comments: [], jobs: [], roles: {}, now: NOW, ...more };
}

const appComment = (id: number, state = ""): AppComment => ({ id, body: `${CHECKLIST_MARKER}${state}\nan older text` });
const command = (body: string, author = "author"): IssueJob => ({ commentId: 90, author, body });

/** The plan's writes in short: labels added and removed, what happens to the comment, the answers. */
function writes(p: Plan) {
  return {
    skipped: p.skipped,
    add: p.labels.add.map((l) => l.name),
    remove: p.labels.remove.map((l) => l.name),
    comment: p.comment.action,
    duplicates: p.duplicates,
    reactions: p.replies.map((r) => r.reaction),
  };
}

const none = { skipped: null, add: [], remove: [], comment: "unchanged", duplicates: [], reactions: [] };

describe("plan", () => {
  test.each<[string, IssueSnapshot, ValidSettings, Partial<ReturnType<typeof writes>>]>([
    ["a closed issue is left alone", snapshot(facts(STRIPE, { open: false })), loaded(), { skipped: "issue is closed" }],
    ["an ignored author is left alone", snapshot(facts(STRIPE, { author: "Dependabot[bot]" })), loaded({ ignore: { authors: ["dependabot[bot]"], labels: [] } }), { skipped: "author is ignored" }],
    ["an ignored label leaves the issue alone", snapshot(facts(STRIPE, { labels: ["WontFix"] })), loaded({ ignore: { authors: [], labels: ["wontfix"] } }), { skipped: "issue has an ignored label" }],
    ["a command is answered on a closed issue", snapshot(facts(STRIPE, { open: false }), { jobs: [command("/handoff explain")] }), loaded(), { add: ["scoped-deliverable", "needs-spec"], comment: "create", reactions: ["+1"] }],
    ["a new scoped deliverable: both labels and a checklist", snapshot(facts(STRIPE)), loaded(), { add: ["scoped-deliverable", "needs-spec"], comment: "create" }],
    ["a new ownership issue: its label and a comment", snapshot(facts(SLOS)), loaded(), { add: ["needs-owner"], comment: "create" }],
    ["a question: no label, no comment", snapshot(facts(QUESTION)), loaded(), {}],
    ["a question with /handoff check from its author: the comment, asked for", snapshot(facts(QUESTION), { jobs: [command("/handoff check")] }), loaded(), { comment: "create", reactions: ["+1"] }],
    ["a question that has the app's comment keeps it", snapshot(facts(QUESTION, { hasComments: true }), { comments: [appComment(5)] }), loaded(), { comment: "update" }],
    [
      "a spec completed: handoff-ready on, needs-spec off, the comment edited; other labels untouched",
      snapshot(facts(COMPLETE_SPEC, { labels: ["scoped-deliverable", "needs-spec", "bug"] }), { comments: [appComment(5)] }),
      loaded(),
      { add: ["handoff-ready"], remove: ["needs-spec"], comment: "update" },
    ],
    ["comment.on_ready: delete removes the checklist of a ready issue", snapshot(facts(COMPLETE_SPEC, { labels: ["scoped-deliverable", "handoff-ready"] }), { comments: [appComment(5)] }), loaded({ comment: { on_ready: "delete" } }), { comment: "delete" }],
    ["duplicates of an earlier race: the oldest kept, the others deleted", snapshot(facts(STRIPE, { labels: ["scoped-deliverable", "needs-spec"] }), { comments: [appComment(5), appComment(6)] }), loaded(), { comment: "update", duplicates: [6] }],
    ["set aside with /handoff ignore: left alone", snapshot(facts(STRIPE), { comments: [appComment(5, '<!-- {"v":1,"ignored":{"by":"lead"}} -->')] }), loaded(), { skipped: "ignored with /handoff ignore" }],
    ["set aside, then a label edit: the comment records it, the labels stay", snapshot(facts(STRIPE), { comments: [appComment(5, '<!-- {"v":1,"ignored":{"by":"lead"}} -->')], jobs: [{ label: "needs-owner", added: true, by: "lead" }] }), loaded(), { comment: "update" }],
    ["a person adds needs-owner: it is kept over the analysis", snapshot(facts(STRIPE, { labels: ["needs-owner", "scoped-deliverable", "needs-spec"] }), { jobs: [{ label: "needs-owner", added: true, by: "lead" }] }), loaded(), { remove: ["scoped-deliverable", "needs-spec"], comment: "create" }],
    ["a person adds handoff-ready to an incomplete spec: ready it is", snapshot(facts(STRIPE, { labels: ["scoped-deliverable", "needs-spec", "handoff-ready"] }), { jobs: [{ label: "handoff-ready", added: true, by: "lead" }] }), loaded(), { remove: ["needs-spec"], comment: "create" }],
    ["/handoff hire by someone who may only read: denied, nothing changes", snapshot(facts(STRIPE, { labels: ["scoped-deliverable", "needs-spec"] }), { jobs: [command("/handoff hire", "bob")], roles: { bob: "read" } }), loaded(), { comment: "create", reactions: ["-1"] }],
    ["/handoff hire by triage: needs-owner", snapshot(facts(STRIPE, { labels: ["scoped-deliverable", "needs-spec"] }), { jobs: [command("/handoff hire", "Bob")], roles: { bob: "triage" } }), loaded(), { add: ["needs-owner"], remove: ["scoped-deliverable", "needs-spec"], comment: "create", reactions: ["+1"] }],
    ["a pull request: commands are answered, no label, no checklist", snapshot(facts(STRIPE), { pullRequest: true, jobs: [command("/handoff hire")] }), loaded(), { comment: "skipped", reactions: ["confused"] }],
  ])("%s", (_, s, settings, expected) => {
    expect(writes(plan(s, settings))).toEqual({ ...none, ...expected });
  });

  test("an issue that becomes ready records when, from the issue's own time, else the run's", () => {
    const at = (issue: IssueFacts) => {
      const p = plan(snapshot(issue), loaded());
      return p.comment.action === "create" ? /"readyAt":"([^"]+)"/.exec(p.comment.body)?.[1]?.replace(/\\u002d/g, "-") : undefined;
    };
    expect(at(facts(COMPLETE_SPEC, { updatedAt: "2024-01-02T03:04:05Z" }))).toBe("2024-01-02T03:04:05Z");
    expect(at(facts(COMPLETE_SPEC, { updatedAt: null }))).toBe(NOW);
    expect(at(facts(STRIPE))).toBeUndefined();
  });

  test("replies are rationed per person: one claim key per answer, and a repeated answer is dropped at once", () => {
    const p = plan(snapshot(facts(STRIPE), { jobs: [command("/handoff explain\n/handoff explain\n/handoff hire", "Bob")], roles: { bob: "read" } }), loaded());
    const [reply] = p.replies;
    expect(reply?.parts.map((part) => part.ration?.key.replace(/answer:.*/, "answer:…"))).toEqual(["bob:answer:…", "bob:denied"]);
    expect(reply?.suppressed).toBe(1);
    const unrationed = plan(snapshot(facts(STRIPE), { jobs: [command("/handoff explain")] }), loaded({ commands: { ...DEFAULT_SETTINGS.commands, answer_minutes: 0 } }));
    expect(unrationed.replies[0]?.parts.map((part) => part.ration)).toEqual([null]);
  });

  test("/handoff backlog is left to the dashboard's job", () => {
    const p = plan(snapshot(facts(STRIPE), { jobs: [command("/handoff backlog", "lead")], roles: { lead: "triage" } }), loaded());
    expect(p.replies.map((r) => ({ dashboard: r.dashboard, parts: r.parts.length }))).toEqual([{ dashboard: true, parts: 0 }]);
  });

  test("the dry run: comments not read, so the checklist is one to create or update", () => {
    const dry = (issue: IssueFacts) => describePlan(plan(snapshot(issue, { comments: null }), loaded()));
    expect(dry(facts(STRIPE))).toEqual(["add label scoped-deliverable", "add label needs-spec", "create or update the checklist comment"]);
    expect(dry(facts(SLOS, { labels: ["scoped-deliverable", "needs-spec"] }))).toEqual(["add label needs-owner", "remove label scoped-deliverable", "remove label needs-spec", "create or update the checklist comment"]);
    expect(dry(facts(STRIPE, { labels: ["question"] }))).toEqual(["add label scoped-deliverable", "add label needs-spec", "create or update the checklist comment"]);
  });
});

describe("rolesNeeded", () => {
  test.each<[string, IssueJob[], boolean, string[]]>([
    ["the author running a command open to authors needs no role", [command("/handoff n/a contract")], false, []],
    ["someone else running it does", [command("/handoff n/a contract", "Bob")], false, ["Bob"]],
    ["a command anyone may run needs none", [command("/handoff explain", "bob")], false, []],
    ["help needs the role when some command does", [command("/handoff help", "bob")], false, ["bob"]],
    ["on a pull request, commands that do not apply there need none", [command("/handoff hire", "bob")], true, []],
    ["one lookup per person", [command("/handoff hire", "bob"), command("/handoff reset", "BOB")], false, ["bob"]],
    ["label edits need none", [{ label: "needs-owner", added: true, by: "bob" }], false, []],
  ])("%s", (_, jobs, pullRequest, expected) => {
    expect(rolesNeeded(jobs, { author: "author", pullRequest }, DEFAULT_SETTINGS)).toEqual(expected);
  });
});
