import { readFileSync } from "node:fs";

/**
 * An expected comment or reply, written out in `test/fixtures/checklists/NAME.md` and reviewed by
 * hand: never produced by the renderer under test. The file's last newline is not part of the text.
 */
export function expected(name: string): string {
  return readFileSync(new URL(`../fixtures/checklists/${name}.md`, import.meta.url), "utf8").replace(/\n$/, "");
}
