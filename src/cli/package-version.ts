import { readFileSync } from "node:fs";

/** The version in package.json: read at run time, so the built CLI and the sources always agree with it. */
export function packageVersion(): string {
  // src/cli/ and lib/cli/ are both two folders below package.json.
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === "string" ? version : "unknown";
}
