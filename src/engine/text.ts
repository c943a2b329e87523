/** Small text helpers shared by the section detector and the classifier. All linear in their input. */

import { group } from "./pattern.js";

const STOP = new Set(
  (
    "a an the and or but nor of to in on at by for from with without into onto over under as is are was were be been being " +
    "it its this that these those there here we our us you your i me my they them their he she his her so such than then " +
    "do does did doing done have has had having can could should would will shall may might must not no yes all any each " +
    "every some more most other also just only very too up down out off again once if when while where which who whom what why how " +
    "new add adds added adding support supports implement implementing create creating make making need needs needed want " +
    "let lets like please should able way ways thing things use using used get gets one two via per etc e g ie eg"
  ).split(" "),
);

/** Lower-cased word tokens (letters and digits of any script). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function stem(word: string): string {
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith("es")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** Content words (no stop words), stemmed. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!STOP.has(w) && w.length > 1) out.push(stem(w));
  return out;
}

/** How many content words of `text` the title does not already say. */
export function newWords(text: string, title: Set<string>): number {
  let n = 0;
  for (const w of contentWords(text)) if (!title.has(w)) n++;
  return n;
}

export function titleWords(title: string): Set<string> {
  return new Set(contentWords(title));
}

/**
 * Template text left in place: placeholders ("TBD", "X", "first", "<describe>", "[e.g. chrome]"),
 * the instructions of common issue templates, and issue-form fields left empty.
 */
const PLACEHOLDER_LINE = new RegExp(`^(?:[-*•]\\s*)?${group([
  "_?no response_?", "tbd", "tba", "todo", "to do", "n\\/?a", "none", "nothing", "nil", "null", "x+", "\\?+",
  "\\.\\.\\.+", "…", "-+", "—", "first", "second", "third", "fourth", "item \\d+", "step \\d+", "lorem ipsum.*",
  "\\d+\\.?", "\\[[^\\]]*\\]", "\\.", "yes", "no", "same", "see above", "see title", "as title", "same as title",
])}[.!]?$`, "i");

const TEMPLATE_LINE = new RegExp(`^${group([
  `a ${group([
    "short", "clear", "concise", "brief", "clear and concise", "short, clear",
  ])}[^.]{0,40}(?:description|account|explanation|summary)`,
  `(?:please )?${group([
    "describe", "explain", "list", "add", "put", "include", "provide", "attach", "tell us", "give",
  ])}\\b[^.]{0,60}\\b${group([
    "here", "below", "above", "if (?:applicable|any|relevant)", "screenshots?", "context", "details", "steps",
  ])}`,
  "if applicable", "steps to reproduce the behaviou?r", "how to trigger it",
  "(?:go to|open|click(?: on)?|scroll(?: down)?(?: to)?) '", ".*'\\.\\.\\.+'", "see (?:the )?error",
  "the error shows up", "e\\.g\\.", "for example:?$", "(?:browser|os|device|version)\\s*[:[]?\\s*\\[?e\\.g\\.",
  "what (?:did you|do you) (?:expect|see)", "anything else (?:about|you)", "remove this block",
  "thank you for (?:opening|filing)",
])}`, "i");

/** A link on its own ("See https://…", "Docs: https://…"): a pointer, not content. */
const BARE_LINK = new RegExp(`^\\W*(?:${group([
  "see", "docs?", "documentation", "reference", "ref", "link", "spec", "more info", "details", "source", "api docs",
])}\\s*:?\\s*)?<?https?:\\/\\/\\S+\\s*$`, "i");

const EMPTY_FIELD = /^[\p{L}\p{N} ./()&-]{1,40}[:：]$/u;
const EMPHASIS_START = /^[>*_\s]/;
const EMPHASIS_END = /[*_\s]/;

/** The text starts with a quote mark, emphasis or a blank, or ends with emphasis or a blank. */
function emphasisEdge(text: string): boolean {
  return EMPHASIS_START.test(text) || EMPHASIS_END.test(text.slice(-1));
}

/** Whether a line is a placeholder: `isPlaceholder` of its text, or looked up where already known. */
export function isPlaceholderLine<L extends { text: string }>(l: L, known?: ReadonlySet<L>): boolean {
  return known ? known.has(l) : isPlaceholder(l.text);
}

export function isPlaceholder(text: string): boolean {
  const t = emphasisEdge(text) ? text.trim().replace(/^[>*_\s]+|[*_\s]+$/g, "") : text;
  if (t === "") return true;
  if (PLACEHOLDER_LINE.test(t)) return true;
  if (TEMPLATE_LINE.test(t)) return true;
  if (BARE_LINK.test(t)) return true;
  // A field label with nothing after it ("OS:", "Version:") is an unfilled template field.
  if (EMPTY_FIELD.test(t)) return true;
  return false;
}

/** A blank other than the plain space. */
const OTHER_BLANK = /[^\S ]/;

/** The text has blanks an excerpt collapses or trims: any but single spaces between words. */
function looseSpace(text: string): boolean {
  return text.startsWith(" ") || text.endsWith(" ") || text.includes("  ") || OTHER_BLANK.test(text);
}

/** A short excerpt for evidence: one line, whitespace collapsed, at most `max` characters. */
export function excerpt(text: string, max = 100): string {
  const one = looseSpace(text) ? text.replace(/\s+/g, " ").trim() : text;
  if (one.length <= max) return one;
  return one.slice(0, max - 1).trimEnd() + "…";
}
