import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";

const bin = fileURLToPath(new URL("../../bin/handoff.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "handoff-cli-"));

/** Runs the built command in a real process (`npm test` builds lib/ first). */
function run(args: string[], stdin = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd: dir }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

/** Runs the CLI in-process, with a given standard input. */
async function inProcess(args: string[], stdin = "", tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const input = Object.assign(Readable.from([stdin]), { isTTY: tty });
  const code = await main(args, { stdin: input, stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("handoff check", () => {
  test("a one-liner on standard input: JSON with the design's field names, scoped, five sections missing", async () => {
    const r = await run(["check", "--json"], "Add a Stripe webhook endpoint");
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(a)).toEqual(["classification", "score", "signals", "sections", "missing", "labels", "ready"]);
    expect(a.classification).toBe("scoped-deliverable");
    expect(a.missing).toEqual(["context", "scope", "contract", "acceptance", "done"]);
  });

  test("a file with --title prints the readable report", async () => {
    const file = join(dir, "issue.md");
    writeFileSync(file, "## API\n\n`POST /v1/refunds` returns `201 Created`.\n");
    const r = await inProcess(["check", file, "--title", "Add a refunds endpoint"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("classification: scoped deliverable");
    expect(r.stdout).toContain("[x] contract (required)");
    expect(r.stdout).toContain("line 3: `POST /v1/refunds` returns `201 Created`.");
  });

  test("a first-line `# Title` is the title", async () => {
    const r = await inProcess(["check", "-", "--json"], "# Define SLOs for checkout\n\nAvailability and latency targets, with error budgets.\n");
    expect(JSON.parse(r.stdout).classification).toBe("needs-owner");
  });

  test("--config applies a settings file; an invalid one is reported with its lines", async () => {
    const good = join(dir, "good.yml");
    writeFileSync(good, "sections:\n  required: [scope]\n");
    const ok = await inProcess(["check", "-", "--json", "--config", good], "Add an export endpoint");
    expect(JSON.parse(ok.stdout).missing).toEqual(["scope"]);
    const bad = join(dir, "bad.yml");
    writeFileSync(bad, "classify:\n  threshold: high\n");
    const r = await inProcess(["check", "-", "--config", bad], "Add an export endpoint");
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")).toEqual([`${bad}:2:14 classify.threshold: Invalid input: expected number, received string`, `handoff: ${bad} is not valid: 1 problem`]);
  });

  test.each([
    [["check", "--bogus"], "handoff: Unknown option '--bogus'"],
    [["check", join(dir, "missing.md")], `handoff: cannot read ${join(dir, "missing.md")}: no such file`],
    [["check", dir], `handoff: cannot read ${dir}: is a directory`],
    [["check", "a.md", "b.md"], "handoff: unexpected argument: b.md"],
    [["frobnicate"], "handoff: unknown command: frobnicate (try: handoff help)"],
    [["config", "check"], "handoff: unknown config command: check (try: handoff config validate [FILE])"],
  ])("%j: one line, exit 2", async (args, message) => {
    const r = await inProcess(args);
    expect(r).toEqual({ code: 2, stdout: "", stderr: message });
  });

  test("no input on a terminal is an error, not a hang", async () => {
    const r = await inProcess(["check"], "", true);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^handoff: no input/);
  });
});

describe("handoff config validate", () => {
  test("a wrong type, an unknown section id and a 60-character label: one FILE:LINE:COL line each, exit 1", async () => {
    const file = join(dir, "handoff.yml");
    writeFileSync(file, ["sections:", "  required: [context, scope, api]", "classify:", "  threshold: [2]", "labels:", "  ready:", `    name: ${"n".repeat(60)}`, ""].join("\n"));
    const r = await run(["config", "validate", file]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split("\n")).toEqual([
      `${file}:2:30 sections.required[2]: unknown section "api" (known: context, scope, contract, acceptance, done, dependencies, constraints)`,
      `${file}:4:14 classify.threshold: Invalid input: expected number, received array`,
      `${file}:7:11 labels.ready.name: must be at most 50 characters (GitHub's limit)`,
    ]);
    expect(r.stderr).toBe("");
  });

  test("invalid YAML: one line with its position, exit 1, no stack trace", async () => {
    const file = join(dir, "broken.yml");
    writeFileSync(file, "sections:\n  required: [context\n");
    const r = await run(["config", "validate", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+ \\(yaml\\): `));
    expect(r.stderr).toBe("");
  });

  test.each([
    ["duplicate-key.yml", "sections:\n  required: [scope]\nsections: {}\n", ':3:1 (yaml): duplicate key "sections" (map keys must be unique)'],
    ["unclosed-quote.yml", 'comment:\n  on_ready: update\n_extends: "acme/.github\npull_requests: true\n', ':3:11 (yaml): Missing closing "quote'],
    ["unclosed-bracket.yml", "classify:\n  threshold: 2\n  owner_phrases: [platform team, on-call\nbackfill: true\n", ":3:18 (yaml): Flow sequence in block collection must be sufficiently indented and end with a ]"],
  ])("%s, broken on line 3: reported on line 3, exit 1", async (name, text, where) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const r = await run(["config", "validate", file]);
    expect(r).toEqual({ code: 1, stdout: `${file}${where}\n`, stderr: "" });
  });

  test("unknown keys, top-level and nested: did you mean", async () => {
    const file = join(dir, "typos.yml");
    writeFileSync(file, "sectons:\n  required: [scope]\nclassify:\n  treshold: 3\n");
    const r = await run(["config", "validate", file]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split("\n")).toEqual([`${file}:1:1 sectons: unknown key "sectons" (did you mean "sections"?)`, `${file}:4:3 classify.treshold: unknown key "treshold" (did you mean "threshold"?)`]);
  });

  test("a key that is a list: a problem at its line, and no Node warning on stderr", async () => {
    const file = join(dir, "odd-key.yml");
    writeFileSync(file, "comment:\n  on_ready: update\n[]: 1\n");
    const r = await run(["config", "validate", file]);
    expect(r).toEqual({ code: 1, stdout: `${file}:3:1 (key): a key must be a plain name, not a list, a mapping or an alias\n`, stderr: "" });
  });

  test("a valid file exits 0", async () => {
    const file = join(dir, "valid.yml");
    writeFileSync(file, "comment:\n  on_ready: delete\n");
    const r = await run(["config", "validate", file]);
    expect(r).toEqual({ code: 0, stdout: `${file}: valid\n`, stderr: "" });
  });

  test("the default path, missing: one line, exit 2", async () => {
    const r = await run(["config", "validate"]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: "handoff: cannot read .github/handoff.yml: no such file\n" });
  });
});
