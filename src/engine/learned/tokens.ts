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

/** The tokens of a text, in order, repeats kept. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (FIGURE.test(w)) out.push("#");
    else if (w.length <= LONGEST) out.push(strip(w));
  }
  return out;
}

/** The distinct tokens of a text. */
export function tokenSet(text: string): Set<string> {
  return new Set(tokens(text));
}
