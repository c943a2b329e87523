/**
 * The body as line units, the grain at which sections are learned: every line of prose, list item,
 * table row or code, with what it says (its words), where it sits (the heading above it, the kind of
 * block, the lead-in sentence of its list), what it looks like (its shape) and what the rule
 * detectors said about it and its neighbours.
 */

import { headingSections, type HeadingIndex } from "../detect-sections.js";
import type { Block, TextLine } from "../markdown.js";
import { normaliseHeading } from "../section-defs.js";
import { isPlaceholderLine } from "../text.js";
import { addCues } from "./cues.js";
import { addShape } from "./shape.js";
import { firstTokens, tokenSet } from "./tokens.js";

export interface Unit {
  /** 1-based line of the body. */
  line: number;
  text: string;
  features: string[];
}

interface Place {
  /** Sections the innermost heading declares. */
  sections: string[];
  /** Words of the innermost heading. */
  words: string[];
  level: number;
}

/** Most words of one line the model looks at: enough for a sentence, bounded for hostile lines. */
const MAX_WORDS = 40;

function blockFeatures(block: Block): string[] {
  const out = [`block:${block.type}`];
  if (block.task) out.push(block.task.checked ? "block:task-done" : "block:task");
  if (block.ordered) out.push("block:ordered");
  if (block.quote) out.push("block:quote");
  if (block.depth > 1) out.push("block:nested");
  if (block.header) out.push("block:table-header");
  if (block.lang) out.push(`lang:${block.lang.toLowerCase().slice(0, 12)}`);
  return out;
}

function placeFeatures(place: Place | undefined): string[] {
  if (!place) return ["under:nothing"];
  const out = place.sections.length ? place.sections.map((id) => `under:${id}`) : ["under:other"];
  for (const w of place.words) out.push(`hw:${w}`);
  return out;
}

/** A heading of its own, or a short plain line that is exactly a section's name ("Acceptance criteria"). */
function headingOf(block: Block, index: HeadingIndex): { text: string; level: number } | null {
  if (block.type === "heading") return { text: block.lines[0]?.text ?? "", level: block.level };
  if (block.type !== "paragraph" || block.lines.length !== 1) return null;
  const text = block.lines[0]!.text.replace(/[*_]/g, "");
  if (text.length > 60 || /[.!?]$/.test(text)) return null;
  return index.exact.has(normaliseHeading(text)) ? { text, level: 7 } : null;
}

/** What other passes over the body already know, so that units need not work it out again. */
export interface Known {
  /** The prose lines that are placeholders (see `placeholderLines`). */
  placeholders?: ReadonlySet<TextLine>;
  /** The sections each heading block declares (`headingSections` of its text). */
  headings?: ReadonlyMap<Block, string[]>;
}

/**
 * The units of a body. `ruleLines` holds, per line, the sections the rule detectors found on it:
 * the learned model weighs their word against everything else.
 */
export function unitsOf(blocks: Block[], index: HeadingIndex, ruleLines: Map<number, string[]>, known: Known = {}): Unit[] {
  const units: Unit[] = [];
  const stack: Place[] = [];
  let lead: string[] = [];
  let asked: string[] = [];
  for (const block of blocks) {
    const heading = headingOf(block, index);
    if (heading) {
      while (stack.length && stack[stack.length - 1]!.level >= heading.level) stack.pop();
      const words = firstTokens(heading.text, 8);
      const sections = known.headings?.get(block) ?? headingSections(heading.text, index);
      stack.push({ sections, words, level: heading.level });
      lead = [];
      asked = [];
      continue;
    }
    // What every line of the block shares: the kind of block, the heading above it, the question it
    // answers, the list's lead-in.
    const context = blockFeatures(block);
    for (const f of placeFeatures(stack[stack.length - 1])) context.push(f);
    for (const f of asked) context.push(f);
    if (block.type === "item") for (const f of lead) context.push(f);
    for (let i = 0; i < block.lines.length; i++) {
      const l = block.lines[i]!;
      if (block.type !== "code" && isPlaceholderLine(l, known.placeholders)) continue;
      units.push({ line: l.line, text: l.text, features: lineFeatures(block, l.text, i === 0, context, ruleLines.get(l.line)) });
    }
    asked = isQuestionLine(block) ? ["asked", ...firstTokens(block.text, 8).map((w) => `asked:${w}`)] : [];
    if (block.type === "paragraph") lead = /[:：]\s*$/.test(block.text) ? [...tokenSet(block.text)].slice(-6).map((w) => `lead:${w}`) : [];
  }
  withNeighbours(units, ruleLines);
  return units;
}

/** A short paragraph of one line that asks a question: the block after it answers it. */
function isQuestionLine(block: Block): boolean {
  return block.type === "paragraph" && block.lines.length === 1 && block.text.length <= 100 && /\?\s*$/.test(block.text);
}

/**
 * The features of one line, in the model's order: the block's context, its position, its words and
 * first word, its shape, its cues and what the rules said of it.
 */
function lineFeatures(block: Block, text: string, first: boolean, context: readonly string[], rules: readonly string[] | undefined): string[] {
  const out = context.slice();
  out.push(first ? "pos:first-of-block" : "pos:inside-block");
  const words = firstTokens(text, MAX_WORDS);
  for (const w of words) out.push(`w:${w}`);
  if (block.type !== "code") out.push(`first:${words[0] ?? ""}`);
  addShape(text, out);
  addCues(text, out);
  if (rules) for (const id of rules) out.push(`rule:${id}`);
  return out;
}

/** What the rules said about the lines just before and after each unit. */
function withNeighbours(units: Unit[], ruleLines: Map<number, string[]>): void {
  units.forEach((u, i) => {
    const before = units[i - 1];
    const after = units[i + 1];
    if (before) for (const id of ruleLines.get(before.line) ?? []) u.features.push(`before:${id}`);
    if (after) for (const id of ruleLines.get(after.line) ?? []) u.features.push(`after:${id}`);
    if (!before) u.features.push("pos:first-unit");
  });
}

/** The sections that some unit sits under a heading of (it has the feature `under:<id>`). */
export function headedSections(units: readonly Unit[]): Set<string> {
  const headed = new Set<string>();
  for (const u of units) {
    for (const f of u.features) if (f.startsWith("under:")) headed.add(f.slice("under:".length));
  }
  return headed;
}
