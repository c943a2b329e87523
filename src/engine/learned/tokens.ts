/**
 * Word tokens for the learned models: lower-cased letters and digits of any script, a light English
 * suffix strip, figures folded into one token. Stop words are kept: "must", "should", "not" and
 * "we" carry meaning for sections and for the kind of work.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const FIGURE = /^\p{N}+$/u;
const LONGEST = 24;

function strip(word: string): string {
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith("es")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !/(?:ss|is|us)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The token of one word of the text, or null for a word too long to be one. */
function tokenOf(word: string): string | null {
  // A word that starts with a letter a–z is no figure.
  const c = word.charCodeAt(0);
  if (!(c >= 97 && c <= 122) && FIGURE.test(word)) return "#";
  return word.length <= LONGEST ? strip(word) : null;
}

/** The tokens of a text, in order, repeats kept. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().match(WORD) ?? []) {
    const t = tokenOf(w);
    if (t !== null) out.push(t);
  }
  return out;
}

/** The distinct tokens of a text, in the order they first appear. */
export function tokenSet(text: string): Set<string> {
  return new Set(tokens(text));
}

/**
 * The first `max` distinct tokens of a text, in the order they first appear. A short list is
 * searched faster than a set is filled.
 */
export function firstTokens(text: string, max: number): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().match(WORD) ?? []) {
    if (out.length >= max) break;
    const t = tokenOf(w);
    if (t !== null && !out.includes(t)) out.push(t);
  }
  return out;
}
