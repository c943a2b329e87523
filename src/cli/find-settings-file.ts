import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { SETTINGS_PATH } from "../config/load-settings.js";

/**
 * The repository's settings file as the app would read it: `.github/handoff.yml` at the root of the
 * git repository that holds `cwd` (outside a repository, in `cwd` itself), or null when there is none.
 */
export function findSettingsFile(cwd: string): string | null {
  let root: string | null = null;
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) {
      root = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  const file = join(root ?? cwd, SETTINGS_PATH);
  return existsSync(file) && statSync(file).isFile() ? file : null;
}
