/**
 * Everything the learned models read from one issue, computed once: the Markdown blocks, the rule
 * detectors' sections and class signals, and the line units.
 */

import { classify, type ClassifyResult } from "../classify.js";
import { detectSections, type HeadingIndex } from "../detect-sections.js";
import { ISSUE_REF_LEAD } from "../lexicon.js";
import { toBlocks, type Block, type TextLine } from "../markdown.js";
import type { SectionDef } from "../section-defs.js";
import { excerpt, isPlaceholder } from "../text.js";
import type { Evidence } from "../types.js";
import { headedSections, unitsOf, type Unit } from "./units.js";

export interface Extracted {
  title: string;
  blocks: Block[];
  units: Unit[];
  /** Sections some unit sits under a heading of (it has the feature `under:<id>`). */
  headed: Set<string>;
  /** What the rule detectors found, per section id, all lines. */
  ruleEvidence: Map<string, Evidence[]>;
  rule: ClassifyResult;
}

/** The rule detectors' own threshold: their verdict is one feature among many. */
const RULE_THRESHOLD = 2;
const ALL_LINES = 10_000;

/** Three or more list items that are only references to other issues: a tracking list. */
export function issueRefList(blocks: Block[]): Evidence | null {
  let count = 0;
  let first: Evidence | null = null;
  for (const b of blocks) {
    if (b.type !== "item") continue;
    const l = b.lines[0];
    if (l && ISSUE_REF_LEAD.test(l.text)) {
      count++;
      first ??= { line: l.line, text: excerpt(l.text) };
    }
  }
  return count >= 3 ? first : null;
}

/**
 * The lines outside code and headings that are placeholders, found once for every pass that skips
 * them: the rule detectors, the classifier and the line units.
 */
export function placeholderLines(blocks: Block[]): Set<TextLine> {
  const out = new Set<TextLine>();
  for (const b of blocks) {
    if (b.type === "code" || b.type === "heading") continue;
    for (const l of b.lines) if (isPlaceholder(l.text)) out.add(l);
  }
  return out;
}

/** A template whose fields were all left empty. */
export function isEmptyTemplate(blocks: Block[]): boolean {
  let headings = 0;
  for (const b of blocks) {
    if (b.type === "heading") headings++;
    else if (b.type !== "code" && b.lines.some((l) => !isPlaceholder(l.text))) return false;
  }
  return headings > 0;
}

export interface ExtractOptions {
  defs: SectionDef[];
  index: HeadingIndex;
  ownerPhrases?: string[];
  scopedPhrases?: string[];
}

export function extract(title: string, body: string, options: ExtractOptions): Extracted {
  const blocks = toBlocks(body);
  const placeholders = placeholderLines(blocks);
  const found = detectSections(blocks, title, options.defs, options.index, { maxEvidence: ALL_LINES, placeholders });
  const ruleLines = new Map<number, string[]>();
  for (const [id, list] of found.evidence) {
    for (const e of list) {
      const ids = ruleLines.get(e.line);
      if (ids) ids.push(id);
      else ruleLines.set(e.line, [id]);
    }
  }
  const present = new Set([...found.evidence].filter(([, e]) => e.length > 0).map(([id]) => id));
  const emptyTemplate = isEmptyTemplate(blocks);
  const rule = classify(title, blocks, { present, headed: found.headed.size, emptyTemplate, issueRefList: issueRefList(blocks), placeholders }, {
    threshold: RULE_THRESHOLD,
    ownerPhrases: options.ownerPhrases ?? [],
    scopedPhrases: options.scopedPhrases ?? [],
  });
  const units = unitsOf(blocks, options.index, ruleLines, { placeholders, headings: found.declared });
  for (const u of units) u.features.push("bias");
  return { title, blocks, units, headed: headedSections(units), ruleEvidence: found.evidence, rule };
}
