import { jest } from "@jest/globals";
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

jest.setTimeout(120_000);

const root = fileURLToPath(new URL("../..", import.meta.url));
const jestBin = join(root, "node_modules", "jest", "bin", "jest.js");
/** A PATH with nothing on it, so redis-server cannot be found (jest is started by its full path). */
const emptyPath = mkdtempSync(join(tmpdir(), "handoff-no-redis-"));

/** Runs the replica tests in their own jest, as `npm test` does, on a machine without redis-server. */
function runReplicaTests(env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  const { CI: _ci, ...rest } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [jestBin, "--ci", "--colors=false", "test/e2e/replicas.test.ts"],
      { cwd: root, env: { ...rest, PATH: emptyPath, NODE_OPTIONS: "--experimental-vm-modules --disable-warning=ExperimentalWarning", ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

describe("the replica tests on a machine without redis-server", () => {
  test("skipped, with one line naming them and how to run them; the run passes", async () => {
    const r = await runReplicaTests({});
    expect(r.code).toBe(0);
    const lines = r.output.split("\n").filter((l) => l.includes("redis-server"));
    expect(lines).toEqual([
      'skipped: the replica tests "two replicas sharing one Redis" (test/e2e/replicas.test.ts) need redis-server on PATH: install it (apt-get install redis-server) to run them; CI=true runs them and fails without it',
    ]);
    expect(r.output).toMatch(/Tests: +10 skipped, 10 total/);
    expect(r.output).not.toContain("ExperimentalWarning");
  });

  test("under CI=true they fail, saying why, with no second error from the teardown", async () => {
    const r = await runReplicaTests({ CI: "true" });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/Tests: +10 failed, 10 total/);
    expect(r.output).toContain("redis-server could not start (spawn redis-server ENOENT): install it with apt-get install redis-server (CI=true requires these tests)");
    expect(r.output).not.toContain("TypeError");
  });
});
