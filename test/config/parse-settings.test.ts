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
        "  threshold: 3",
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

  test("an unknown key points at the key", () => {
    expect(lines("comment:\n  on_redy: delete\n")).toEqual(['handoff.yml:2:3 comment.on_redy: unknown key "on_redy"']);
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

  test("alias bombs are refused, not expanded", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join("\n");
    const r = parseSettings(bomb, "handoff.yml");
    expect(r.ok).toBe(false);
  });
});
