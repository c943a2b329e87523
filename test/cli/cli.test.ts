import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";
import { EXIT_CODES } from "../../src/cli/usage.js";

const bin = fileURLToPath(new URL("../../bin/handoff.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "handoff-cli-"));

/** Runs the built command in a real process (`npm test` builds lib/ first). */
function run(args: string[], stdin: string | Buffer = "", cwd = dir, env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

/** Runs the CLI in-process, with a given standard input, in a folder outside any repository. */
async function inProcess(args: string[], stdin: string | Buffer = "", tty = false, cwd = dir) {
  const out: string[] = [];
  const err: string[] = [];
  const input = Object.assign(Readable.from([stdin]), { isTTY: tty });
  const code = await main(args, { stdin: input, stdout: (l) => out.push(l), stderr: (l) => err.push(l), cwd });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("handoff check", () => {
  test("a one-liner on standard input: JSON with the design's field names, scoped, every required section missing", async () => {
    const r = await run(["check", "--json"], "Add a Stripe webhook endpoint");
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(a)).toEqual(["classification", "score", "probabilities", "kind", "signals", "sections", "missing", "labels", "ready"]);
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

describe("the command line's edges", () => {
  test.each([
    [["check", "--help"], "Usage: handoff check "],
    [["check", "-h"], "Usage: handoff check "],
    [["config", "--help"], "Usage: handoff config validate "],
    [["config", "validate", "--help"], "Usage: handoff config validate "],
    [["backlog", "--help"], "Usage: handoff backlog OWNER/REPO "],
    [["help", "backlog"], "Usage: handoff backlog OWNER/REPO "],
    [["--help"], "handoff: is this issue"],
  ])("%j prints its usage, exit 0", async (args, start) => {
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(start)).toBe(true);
    expect(r.stderr).toBe("");
  });

  test("every option the help of check names is one check accepts", async () => {
    const r = await inProcess(["check", "--help"]);
    const flags = [...new Set(r.stdout.match(/--[a-z-]+/g))];
    expect(flags.sort()).toEqual(["--comment", "--config", "--help", "--json", "--title"]);
    for (const flag of flags.filter((f) => f !== "--help")) {
      const args = ["check", "-", flag, ...(flag === "--title" || flag === "--config" ? [join(dir, "valid.yml")] : [])];
      writeFileSync(join(dir, "valid.yml"), "comment:\n  on_ready: update\n");
      expect({ flag, code: (await inProcess(args, "Add an export endpoint")).code }).toEqual({ flag, code: 0 });
    }
  });

  test("--version prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  test("a binary file is refused with one line, exit 2", async () => {
    const file = join(dir, "image.png");
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    expect(await run(["check", file])).toEqual({ code: 2, stdout: "", stderr: `handoff: ${file} is a binary file, not text: give the issue body as UTF-8 text\n` });
  });

  test("standard input that is not UTF-8 is refused, exit 2", async () => {
    const r = await inProcess(["check", "-"], Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6d, 0x65, 0x6e, 0x75]));
    expect(r).toEqual({ code: 2, stdout: "", stderr: "handoff: standard input is not UTF-8 text: convert it to UTF-8 first" });
  });

  test.each([
    ["control characters in one of every two", "controls.txt", `Add an endpoint ${"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11".repeat(3)}\n`, 36],
    ["DEL and control characters in more than one of a hundred", "dels.txt", `${"x".repeat(290)}\x7f\x7f\x1f\n`, 3],
  ])("UTF-8 with %s is refused as binary, exit 2", async (_, name, text, count) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    expect(await run(["check", file])).toEqual({ code: 2, stdout: "", stderr: `handoff: ${file} is a binary file, not text (${count} control characters): give the issue body as UTF-8 text\n` });
  });

  test("a stray control character or two, tabs, CRLF and terminal colours are text", async () => {
    const text = "Add a refunds endpoint\r\n\r\n\tThe log says \x1b[31mERROR\x1b[0m and \x08\x07 here.\r\n";
    expect((await inProcess(["check", "-"], text)).code).toBe(0);
    expect((await inProcess(["check", "-"], `${"x".repeat(300)}\x01\x02\x03\n`)).code).toBe(0);
  });

  test("backlog with GitHub out of reach: one line with the address and the reason after the retries, exit 70", async () => {
    const server = createServer();
    const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
    await new Promise((resolve) => server.close(resolve));
    const r = await run(["backlog", "acme/api", "--api-url", `http://127.0.0.1:${port}`], "", dir, { ...process.env, GITHUB_TOKEN: "t", HANDOFF_THROTTLE: "off" });
    expect(r).toEqual({ code: 70, stdout: "", stderr: `handoff: cannot reach GitHub at http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}\n` });
  }, 60_000);

  test.each([
    ["an empty file", "empty.md", ""],
    ["a file of blank lines", "blank.md", "\n  \n\t\n"],
  ])("%s: a clear message, exit 2", async (_, name, text) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    expect(await run(["check", file])).toEqual({ code: 2, stdout: "", stderr: `handoff: ${file} is empty: nothing to check (give the issue's body, or its title with --title)\n` });
  });

  test("empty standard input: a clear message, exit 2; with --title it is an issue with no body", async () => {
    expect(await inProcess(["check"])).toEqual({ code: 2, stdout: "", stderr: "handoff: standard input is empty: nothing to check (give the issue's body, or its title with --title)" });
    expect((await inProcess(["check", "--title", "Add an export endpoint"])).code).toBe(0);
  });

  test("every exit code is in the README's command-line section and in handoff help", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## The command-line tool"), readme.indexOf("### The Analysis JSON"));
    const help = (await inProcess(["help"])).stdout;
    for (const line of EXIT_CODES.split("\n").slice(1)) {
      expect(section).toContain(line);
      expect(help).toContain(line);
    }
    // The four codes main can return: done, invalid settings, usage, and anything unexpected.
    expect(EXIT_CODES.match(/^ {2}\d+/gm)?.map(Number)).toEqual([0, 1, 2, 70]);
    const failingOut = await main(["--version"], { stdin: Readable.from([""]), stdout: () => { throw new Error("EPIPE"); }, stderr: () => undefined });
    expect(failingOut).toBe(70);
  });

  describe("the repository's settings file", () => {
    const repo = join(dir, "repo");
    const sub = join(repo, "docs", "specs");
    mkdirSync(join(repo, ".git"), { recursive: true });
    mkdirSync(join(repo, ".github"), { recursive: true });
    mkdirSync(sub, { recursive: true });
    const settings = join(repo, ".github", "handoff.yml");

    test("check uses it from any folder of the repository, and says so on stderr", async () => {
      writeFileSync(settings, "sections:\n  required: [scope]\n");
      const r = await run(["check", "--json"], "Add an export endpoint", sub);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).missing).toEqual(["scope"]);
      expect(r.stderr).toBe(`handoff: using the settings in ${settings} (--config FILE to use another)\n`);
      const atRoot = await inProcess(["check", "--json"], "Add an export endpoint", false, repo);
      expect(atRoot.stderr).toBe("handoff: using the settings in .github/handoff.yml (--config FILE to use another)");
    });

    test("--config wins over it, silently", async () => {
      writeFileSync(settings, "sections:\n  required: [scope]\n");
      const other = join(dir, "other.yml");
      writeFileSync(other, "sections:\n  required: [contract]\n");
      const r = await inProcess(["check", "--json", "--config", other], "Add an export endpoint", false, sub);
      expect(JSON.parse(r.stdout).missing).toEqual(["contract"]);
      expect(r.stderr).toBe("");
    });

    test("an invalid one stops check with its problems, exit 1", async () => {
      writeFileSync(settings, "sectons:\n  required: [scope]\n");
      const r = await inProcess(["check"], "Add an export endpoint", false, repo);
      expect(r).toEqual({
        code: 1,
        stdout: "",
        stderr: [
          "handoff: using the settings in .github/handoff.yml (--config FILE to use another)",
          '.github/handoff.yml:1:1 sectons: unknown key "sectons" (did you mean "sections"?)',
          "handoff: .github/handoff.yml is not valid: 1 problem",
        ].join("\n"),
      });
    });

    test("outside a repository, a folder without the file: the defaults, nothing on stderr", async () => {
      const r = await inProcess(["check", "--json"], "Add an export endpoint");
      expect(JSON.parse(r.stdout).missing).toEqual(["context", "scope", "contract", "acceptance", "done"]);
      expect(r.stderr).toBe("");
    });
  });

  test("evidence lines are the input's lines when the title comes from a `# Title` line", async () => {
    const text = "\n# Add a refunds endpoint\n\n## API\n\n`POST /v1/refunds` returns `201 Created`.\n";
    const report = await inProcess(["check", "-"], text);
    expect(report.stdout).toContain("        line 6: `POST /v1/refunds` returns `201 Created`.");
    const json = JSON.parse((await inProcess(["check", "-", "--json"], text)).stdout) as { sections: Record<string, { evidence: Array<{ line: number; text: string }> }> };
    expect(json.sections.contract?.evidence).toContainEqual({ line: 6, text: "`POST /v1/refunds` returns `201 Created`." });
    const titled = JSON.parse((await inProcess(["check", "-", "--json", "--title", "Add a refunds endpoint"], text)).stdout) as typeof json;
    expect(titled.sections.contract?.evidence).toContainEqual({ line: 6, text: "`POST /v1/refunds` returns `201 Created`." });
  });

  test.each([
    ["needs an owner", "# Define SLOs for checkout\n\nAvailability and latency targets, with error budgets, and the on-call rotation that defends them.\n", "classification: needs an owner"],
    ["unclear", "Why do you use Redis instead of Postgres for the queue?\n\nJust curious, is this expected?\n", "classification: unclear"],
  ])("a report on work that %s leaves the sections out", async (_, text, verdict) => {
    const r = await inProcess(["check", "-"], text);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(new RegExp(`^${verdict} `));
    expect(r.stdout).toContain("\nsections: not checked (the spec checklist is for scoped deliverables)\n");
    expect(r.stdout).not.toMatch(/\[[ x]\] /);
    expect(r.stdout).not.toContain("missing");
  });

  test("--json and --comment together are a usage error", async () => {
    expect(await inProcess(["check", "--json", "--comment"], "x")).toEqual({ code: 2, stdout: "", stderr: "handoff: choose one of --json, --comment" });
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
