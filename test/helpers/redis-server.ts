import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** Whether an executable named `name` is on PATH (what spawn will find). */
export function onPath(name: string, path = process.env.PATH ?? ""): boolean {
  return path.split(delimiter).some((dir) => {
    try {
      accessSync(join(dir || ".", name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The `describe` for tests that need a real redis-server. Without one on PATH they are skipped, with
 * one line saying which and how to run them, so `npm test` passes on a fresh machine; under CI=true
 * they run (and fail, saying why), so CI never passes without proving them.
 */
export function describeWithRedisServer(title: string, file: string): typeof describe | typeof describe.skip {
  if (onPath("redis-server") || process.env.CI === "true") return describe;
  // Written straight to stderr: jest's console output would add a stack frame and a header around it.
  process.stderr.write(`\nskipped: the replica tests "${title}" (${file}) need redis-server on PATH: install it (apt-get install redis-server) to run them; CI=true runs them and fails without it\n`);
  return describe.skip;
}
