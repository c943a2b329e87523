/**
 * Finds the evidence for every spec section in an issue's blocks. The detectors live in
 * `detectors/`: headings, line tests, scope cues, the evidence kept and the walk over the blocks.
 */

import type { Block, TextLine } from "./markdown.js";
import type { SectionDef } from "./section-defs.js";
import type { SectionsFound } from "./detectors/evidence.js";
import type { HeadingIndex } from "./detectors/headings.js";
import { SectionScan } from "./detectors/section-scan.js";

export type { Criterion, SectionsFound } from "./detectors/evidence.js";
export { buildHeadingIndex, headingSections, type HeadingIndex } from "./detectors/headings.js";

/** Evidence kept per section: enough to show the author, bounded so the comment stays small. */
const MAX_EVIDENCE = 3;

export interface DetectOptions {
  /** Evidence kept per section (default 3: what the comment shows). */
  maxEvidence?: number;
  /** Longest excerpt per line (default 100). */
  excerptLength?: number;
  /** The body's prose lines that are placeholders, when already known (see `placeholderLines`). */
  placeholders?: ReadonlySet<TextLine>;
}

/**
 * Finds the evidence for every section. A heading declares what its content should be; the content
 * still has to be real (not a placeholder, not the title again) and is judged for what it is: a
 * "Definition of done" that lists deliverables counts as scope, acceptance criteria that only say
 * "docs updated" count as done.
 */
export function detectSections(blocks: Block[], title: string, defs: SectionDef[], index: HeadingIndex, options: DetectOptions = {}): SectionsFound {
  const scan = new SectionScan(title, defs, index, options.maxEvidence ?? MAX_EVIDENCE, options.excerptLength ?? 100, options.placeholders);
  for (let b = 0; b < blocks.length; b++) scan.block(blocks[b]!, blocks[b + 1]);
  return scan.finish();
}
