import { formatProblem, parseSettings } from "../config/parse-settings.js";
import { readInput } from "./read-input.js";
import type { Io } from "./io.js";

/** `handoff config validate [FILE]`: one `FILE:LINE:COL path: message` line per problem, exit 1; exit 0 when valid. */
export async function configValidateCommand(file: string | undefined, io: Io): Promise<number> {
  const path = file ?? ".github/handoff.yml";
  const text = await readInput(path, io.stdin);
  const result = parseSettings(text, path === "-" ? "(stdin)" : path);
  if (result.ok) {
    io.stdout(`${path === "-" ? "(stdin)" : path}: valid`);
    return 0;
  }
  for (const p of result.problems) io.stdout(formatProblem(p));
  return 1;
}
