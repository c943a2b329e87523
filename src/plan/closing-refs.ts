/** An issue a pull request says it closes. */
export interface ClosingRef {
  owner: string;
  repo: string;
  number: number;
}

/** GitHub's closing keywords, then `#N` or `owner/repo#N` (an optional colon after the keyword). */
const CLOSES = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+(?:([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100}))?#(\d{1,9})\b/gi;
const MAX_REFS = 10;

/** The issues a pull request body closes, in order, without repeats (at most ten). */
export function closingRefs(body: string, owner: string, repo: string): ClosingRef[] {
  const refs: ClosingRef[] = [];
  CLOSES.lastIndex = 0;
  for (let m = CLOSES.exec(body); m && refs.length < MAX_REFS; m = CLOSES.exec(body)) {
    const ref = { owner: m[1] ?? owner, repo: m[2] ?? repo, number: Number(m[3]) };
    if (!refs.some((r) => r.owner.toLowerCase() === ref.owner.toLowerCase() && r.repo.toLowerCase() === ref.repo.toLowerCase() && r.number === ref.number)) refs.push(ref);
  }
  return refs;
}
