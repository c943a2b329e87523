/** A non-capturing alternation of literal words or phrases, longest first, spaces matching any run of blanks. */
export function anyOf(words: readonly string[]): string {
  const escaped = [...words]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"));
  return `(?:${escaped.join("|")})`;
}
