import { readFileSync } from "node:fs";

/**
 * An expected comment or reply, written out in `test/fixtures/checklists/NAME.md` and reviewed by
 * hand: never produced by the renderer under test. The file's last newline is not part of the text.
 */
/** The app's reply to the comment `commentId`, as posted: its hidden marker line, then the text. */
export function reply(commentId: number, text: string): string {
  return `<!-- handoff:reply ${commentId} -->\n${text}`;
}

export function expected(name: string): string {
  return readFileSync(new URL(`../fixtures/checklists/${name}.md`, import.meta.url), "utf8").replace(/\n$/, "");
}
