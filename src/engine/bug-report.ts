/**
 * The parts of a bug report, by their labels: the steps to reproduce and the actual behaviour tell
 * what happens today (context); the expected behaviour is what the fix must make true (acceptance).
 * A label is a heading ("## Expected behaviour") or a line that starts with it ("Expected: 200",
 * "**Steps to reproduce**"); a label alone on its line covers the lines after it, up to the next label
 * or heading.
 */

import { anyOf } from "./learned/alternation.js";
import type { Block } from "./markdown.js";
import { isPlaceholder } from "./text.js";
import type { Evidence } from "./types.js";

const EXPECTED = [
  "expected", "expected behavior", "expected behaviour", "expected result", "expected outcome",
  "what you expected", "what should happen", "what you expected to happen",
];
const TODAY = [
  "actual", "actual behavior", "actual behaviour", "actual result", "current behavior", "current behaviour",
  "what happens", "what happened", "what actually happened", "observed", "observed behavior",
  "observed behaviour", "steps to reproduce", "to reproduce", "reproduction", "reproduction steps",
  "how to reproduce", "repro steps", "repro",
];

/** A label at the start of a line, with emphasis or a list marker around it, then a colon or the line's end. */
const label = (words: string[]) => new RegExp(`^[\\s>*_#-]*${anyOf(words)}[\\s*_]*(?::|$)\\s*[*_]*\\s*(.*)$`, "i");
const EXPECTED_LABEL = label(EXPECTED);
const TODAY_LABEL = label(TODAY);

export interface BugReportParts {
  context: Evidence[];
  acceptance: Evidence[];
}

type Part = keyof BugReportParts | null;

function labelOf(text: string): { part: Part; rest: string } | null {
  const expected = EXPECTED_LABEL.exec(text);
  if (expected) return { part: "acceptance", rest: expected[1]!.trim() };
  const today = TODAY_LABEL.exec(text);
  if (today) return { part: "context", rest: today[1]!.trim() };
  return null;
}

export function bugReportParts(blocks: Block[]): BugReportParts {
  const out: BugReportParts = { context: [], acceptance: [] };
  let current: Part = null;
  for (const block of blocks) {
    if (block.type === "code") {
      if (current) out[current].push({ line: block.line, text: block.lines[0]?.text ?? block.text });
      continue;
    }
    for (const l of block.lines) {
      const found = labelOf(l.text);
      if (found) {
        current = found.part;
        if (current && found.rest && block.type !== "heading" && !isPlaceholder(found.rest)) out[current].push({ line: l.line, text: l.text });
        continue;
      }
      if (block.type === "heading") current = null;
      else if (current && !isPlaceholder(l.text)) out[current].push({ line: l.line, text: l.text });
    }
  }
  return out;
}
