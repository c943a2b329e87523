/**
 * Builders for long regular expressions kept as lists of alternatives, one short entry each, so that
 * a pattern reads as the list of phrases it recognises. Entries are regular-expression source.
 */

/** The alternatives as one non-capturing group: `(?:a|b|c)`. */
export function group(alternatives: readonly string[]): string {
  return `(?:${alternatives.join("|")})`;
}

/** Source that matches the text literally. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One pattern that matches any of the alternatives. */
export function pattern(alternatives: readonly string[], flags = ""): RegExp {
  return new RegExp(alternatives.join("|"), flags);
}
