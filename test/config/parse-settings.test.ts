import { DEFAULT_SETTINGS, formatProblem, parseSettings } from "../../src/config/index.js";

const lines = (text: string) => {
  const r = parseSettings(text, "handoff.yml");
  if (r.ok) throw new Error("expected problems");
  return r.problems.map(formatProblem);
};

describe("parseSettings", () => {
  test("an empty file gives the defaults", () => {
    const r = parseSettings("", "handoff.yml");
    expect(r).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(DEFAULT_SETTINGS.sections.required).toEqual(["context", "scope", "contract", "acceptance", "done"]);
    expect(DEFAULT_SETTINGS.labels.scoped).toEqual({ name: "scoped-deliverable", color: "0e8a16", description: "Bounded work with a finish line" });
  });

  test("the example from the design validates", () => {
    const r = parseSettings(
      [
        "_extends: .github",
        "sections:",
        "  required: [context, scope, contract, acceptance, done, security-review]",
        "  recommended: [dependencies, constraints]",
        "  aliases:",
        '    acceptance: ["Success criteria", "Done when"]',
        "  custom:",
        "    - id: security-review",
        "      title: Security review",
        '      headings: ["Security", "Threat model"]',
        "classify:",
        "  threshold: 0.6",
        '  owner_phrases: ["platform team"]',
        "labels:",
        '  scoped: { name: contractable, color: "#0E8A16" }',
        "comment:",
        "  on_ready: delete",
        "ignore:",
        "  labels: [question]",
        '  authors: ["dependabot[bot]"]',
        "commands:",
        "  permissions:",
        "    hire: triage",
      ].join("\n"),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.labels.scoped).toEqual({ name: "contractable", color: "0e8a16", description: "Bounded work with a finish line" });
    expect(r.settings.labels.owner.name).toBe("needs-owner");
    expect(r.settings.sections.custom[0]?.headings).toEqual(["Security", "Threat model"]);
    expect(r.settings.comment.on_ready).toBe("delete");
  });

  test("a wrong type, an unknown section id and a 60-character label name: one line each, with its position", () => {
    const name = "x".repeat(60);
    const text = ["sections:", "  required: [context, scope, api]", "classify:", '  threshold: "high"', "labels:", "  owner:", `    name: ${name}`, ""].join("\n");
    expect(lines(text)).toEqual([
      'handoff.yml:2:30 sections.required[2]: unknown section "api" (known: context, scope, contract, acceptance, done, dependencies, constraints)',
      "handoff.yml:4:14 classify.threshold: Invalid input: expected number, received string",
      "handoff.yml:7:11 labels.owner.name: must be at most 50 characters (GitHub's limit)",
    ]);
  });

  test("a threshold on the old score scale is an error that says what the setting is now", () => {
    expect(lines("classify:\n  threshold: 2\n")).toEqual([
      "handoff.yml:2:14 classify.threshold: must be a probability between 0.34 and 1 (the old score scale, e.g. 2, is gone: 0.4 is the default)",
    ]);
    expect(lines("classify:\n  threshold: 0.2\n")).toEqual(["handoff.yml:2:14 classify.threshold: must be at least 0.34: with three classes the likeliest one is never below 1/3"]);
  });

  test("an unknown key points at the key", () => {
    expect(lines("comment:\n  on_redy: delete\n")).toEqual(['handoff.yml:2:3 comment.on_redy: unknown key "on_redy" (did you mean "on_ready"?)']);
  });

  test.each([
    ["sectons: {}\n", 'handoff.yml:1:1 sectons: unknown key "sectons" (did you mean "sections"?)'],
    ["classify:\n  treshold: 3\n", 'handoff.yml:2:3 classify.treshold: unknown key "treshold" (did you mean "threshold"?)'],
    ["labels:\n  ready:\n    colour: red\n", 'handoff.yml:3:5 labels.ready.colour: unknown key "colour" (did you mean "color"?)'],
    ["commands:\n  permissions:\n    hier: triage\n", 'handoff.yml:3:5 commands.permissions.hier: unknown key "hier" (did you mean "hire"?)'],
    ["sections:\n  custom:\n    - id: sec\n      title: Security\n      heading: [x]\n", 'handoff.yml:5:7 sections.custom[0].heading: unknown key "heading" (did you mean "headings"?)'],
    ["comment:\n  colour: red\n", 'handoff.yml:2:3 comment.colour: unknown key "colour" (known here: on_ready)'],
  ])("an unknown key near a known one: did you mean (%j)", (text, line) => {
    expect(lines(text)).toEqual([line]);
  });

  test.each([
    ["a duplicate key", "sections:\n  required: [scope]\nsections: {}\n", ['handoff.yml:3:1 (yaml): duplicate key "sections" (map keys must be unique)']],
    ["an unclosed quote", 'comment:\n  on_ready: update\n_extends: "acme/.github\npull_requests: true\n', ['handoff.yml:3:11 (yaml): Missing closing "quote']],
    ["an unclosed bracket", "classify:\n  threshold: 2\n  owner_phrases: [platform team, on-call\nbackfill: true\n", ["handoff.yml:3:18 (yaml): Flow sequence in block collection must be sufficiently indented and end with a ]"]],
    [
      "a bracket left open inside a mapping",
      "classify:\n  threshold: 2\nignore: { labels: [question, wontfix }\nbackfill: true\n",
      ["handoff.yml:3:19 (yaml): Flow sequence in block collection must be sufficiently indented and end with a ]", "handoff.yml:3:9 (yaml): Flow map in block collection must be sufficiently indented and end with a }"],
    ],
  ])("%s on line 3 is reported on line 3, where it opens", (_, text, expected) => {
    expect(lines(text)).toEqual(expected);
  });

  test.each([
    ["[]: 1\n", "handoff.yml:1:1 (key): a key must be a plain name, not a list, a mapping or an alias"],
    ["classify:\n  {a: 1}: 2\n", "handoff.yml:2:3 classify.(key): a key must be a plain name, not a list, a mapping or an alias"],
    ["comment:\n  on_ready: update\n? [a, b]\n: 1\n", "handoff.yml:3:3 (key): a key must be a plain name, not a list, a mapping or an alias"],
    ["comment:\n  on_ready: update\n: 1\n", "handoff.yml:3:1 (key): a key is empty or null: write the setting's name before the colon"],
    ["comment:\n  on_ready: update\n~: 1\n", "handoff.yml:3:1 (key): a key is empty or null: write the setting's name before the colon"],
    ["sections:\n  aliases:\n    \"\": [Goal]\n", "handoff.yml:3:5 sections.aliases.(key): a key is empty or null: write the setting's name before the colon"],
  ])("a key that is not a name is a problem at the key (%j)", (text, line) => {
    expect(lines(text)).toEqual([line]);
  });

  test("bad YAML is reported with its line, not thrown", () => {
    const out = lines("sections:\n  required: [context\nlabels: {\n");
    expect(out.length).toBeGreaterThan(0);
    expect(out[0]).toMatch(/^handoff\.yml:\d+:\d+ \(yaml\): /);
  });

  test("a file that is not a mapping", () => {
    expect(lines("- a\n- b\n")).toEqual(["handoff.yml:1:1 (file): must be a mapping of settings (key: value)"]);
  });

  test("label colours must be six hex digits", () => {
    expect(lines("labels:\n  ready:\n    color: red\n")).toEqual(['handoff.yml:3:12 labels.ready.color: must be 6 hexadecimal digits, like "0e8a16"']);
  });

  test("a custom section may not reuse a built-in id, and two labels may not share a name", () => {
    expect(lines("sections:\n  custom:\n    - id: scope\n      title: Scope again\nlabels:\n  ready: { name: needs-spec }\n")).toEqual([
      'handoff.yml:3:11 sections.custom[0].id: "scope" is a built-in section: pick another id',
      'handoff.yml:6:18 labels.ready.name: "needs-spec" is also the name of labels.incomplete',
    ]);
  });

  test("brackets nested thousands deep are a problem, not the end of the process", () => {
    expect(lines(`ignore:\n  labels: ${"[".repeat(3000)}\n`)).toEqual(["handoff.yml:2:511 (file): has more than 500 brackets ([ or {), more than a settings file ever needs"]);
    const authors = Array.from({ length: 200 }, (_, i) => `"bot-${i}[bot]"`).join(", ");
    expect(parseSettings(`ignore:\n  authors: [${authors}]\n`, "handoff.yml").ok).toBe(true);
  });

  test("alias bombs are refused, not expanded", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join("\n");
    const r = parseSettings(bomb, "handoff.yml");
    expect(r.ok).toBe(false);
  });
});
