/**
 * What a line says about the work around it, beyond its words: a bound on behaviour (a limit, a
 * latency or availability figure, compatibility, security or privacy, a version), or something the
 * work waits on (another issue, a team, access, an environment). Each cue pools many phrasings into
 * one feature, so a phrasing the model never saw still counts.
 */

import { anyOf } from "./alternation.js";

/** Cue phrases, each a run of up to `LONGEST` words; the words of a line are looked up, not scanned for. */
const PHRASES: Record<string, readonly string[]> = {
  limit: [
    "at most", "at least", "no more than", "no less than", "not more than", "up to", "maximum", "minimum",
    "limit", "limits", "budget", "less than", "fewer than", "more than", "exceed", "exceeds", "within",
    "under", "below", "above", "cap", "capped",
  ],
  rate: [
    "latency", "throughput", "uptime", "availability", "sla", "slo", "percentile", "response time",
    "load time", "p50", "p90", "p95", "p99", "p999", "rps", "qps", "per second", "per minute", "per hour",
    "per day", "memory", "cpu", "bundle size", "footprint", "timeout",
  ],
  compatible: [
    "backward compatible", "backwards compatible", "backward compatibility", "backwards compatibility",
    "compatible", "compatibility", "without breaking", "breaking change", "breaking changes", "non-breaking",
    "existing clients", "existing users", "legacy", "deprecated", "supported versions", "still work",
    "keep working", "continue to work", "zero downtime", "no downtime",
  ],
  secure: [
    "security", "secure", "privacy", "private", "gdpr", "hipaa", "pci", "soc 2", "soc2", "iso 27001",
    "compliance", "compliant", "pii", "personal data", "encrypt", "encrypted", "encryption", "audit",
    "audited", "least privilege", "secrets", "tls", "accessibility", "accessible", "wcag", "a11y",
    "retention", "consent",
  ],
  forbid: ["must not", "should not", "shall not", "must never", "should never", "may not", "do not", "don't", "cannot", "can't", "never", "only", "no new"],
  waits: [
    "blocked by", "blocked on", "blocks", "blocking", "depends on", "dependent on", "depend on",
    "dependency", "dependencies", "requires", "require", "prerequisite", "prerequisites", "waiting on",
    "waiting for", "relies on", "rely on", "upstream", "pending", "once", "after", "before we can", "needs",
    "need", "unblock", "unblocks",
  ],
  access: [
    "access", "credentials", "credential", "api key", "api keys", "token", "tokens", "secret", "permission",
    "permissions", "account", "sandbox", "staging", "production access", "environment", "vpn", "admin",
    "approval", "sign-off", "sign off", "license", "quota", "seats",
  ],
  party: [
    "team", "teams", "vendor", "third party", "third-party", "partner", "provider", "coordinate with",
    "owned by", "maintainers of", "another service", "other service",
  ],
};
const LONGEST = 3;
const WORD = /[\p{L}\p{N}']+/gu;

/** Each phrase, its words joined by single spaces, to the cues it signals. */
function phraseIndex(): ReadonlyMap<string, readonly string[]> {
  const index = new Map<string, string[]>();
  for (const [cue, phrases] of Object.entries(PHRASES)) {
    for (const phrase of phrases) {
      const key = phraseWords(phrase).join(" ");
      index.set(key, [...(index.get(key) ?? []), cue]);
    }
  }
  return index;
}

/** The words of a phrase, lower-cased, as lines are split into words. */
function phraseWords(phrase: string): string[] {
  return phrase.toLowerCase().match(WORD) ?? [];
}

/** The first words of every phrase that has more words after them ("at" of "at most"). */
function phraseStarts(): ReadonlySet<string> {
  const starts = new Set<string>();
  for (const phrases of Object.values(PHRASES)) {
    for (const phrase of phrases) {
      const words = phraseWords(phrase);
      for (let n = 1; n < words.length; n++) starts.add(words.slice(0, n).join(" "));
    }
  }
  return starts;
}

const INDEX = phraseIndex();
const STARTS = phraseStarts();

/** The cues named by the phrases in a line: at each word, the phrases that begin there. */
function phraseCues(text: string): Set<string> {
  const lower = text.toLowerCase();
  const words = (lower.includes("\u2019") ? lower.replace(/\u2019/g, "'") : lower).match(WORD) ?? [];
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    let key = words[i]!;
    for (let n = 1; ; n++) {
      const cues = INDEX.get(key);
      if (cues) for (const cue of cues) found.add(cue);
      // A longer phrase can only follow words that begin one.
      if (n >= LONGEST || i + n >= words.length || !STARTS.has(key)) break;
      key = `${key} ${words[i + n]}`;
    }
  }
  return found;
}

const COMPARED_FIGURE = /(?:[<>≤≥]=?|under|below|within|over)\s*~?\d/i;
const VERSION = /(?:^|[^\w.])v?\d+\.\d+(?:\.\d+)?(?:\+|\.x)?(?![\w.])|(?:>=|<=|\^|~)\s*\d+(?:\.\d+)*/;
const WAITS_ON_REF = new RegExp(`${anyOf([
  "blocked by", "blocked on", "depends on", "after", "requires", "needs", "waiting on", "waiting for",
  "once", "blocks", "follow-up to", "follow up to",
])}\\s+(?:[\\w.-]+/[\\w.-]+)?#\\d+`, "i");
const MENTION = /(?:^|\s)@[\w-]+/;

/** Cues that come from phrases alone, in the order their features are listed, with their features. */
const BOUND_CUES = ["limit", "rate", "compatible", "secure", "forbid"].map((cue) => ({ cue, feature: `cue:${cue}` }));

/** Cue features of one line. */
export function cuesOf(text: string): string[] {
  const out: string[] = [];
  addCues(text, out);
  return out;
}

/** Appends the cue features of one line to `out`. */
export function addCues(text: string, out: string[]): void {
  const said = phraseCues(text);
  for (const { cue, feature } of BOUND_CUES) if (said.has(cue)) out.push(feature);
  const figures = /\d/.test(text);
  if (figures && COMPARED_FIGURE.test(text)) out.push("cue:compared-figure");
  if (figures && VERSION.test(text)) out.push("cue:version");
  if (said.has("waits")) out.push("cue:waits");
  if (text.includes("#") && WAITS_ON_REF.test(text)) out.push("cue:waits-on-ref");
  if (said.has("access")) out.push("cue:access");
  if (said.has("party")) out.push("cue:party");
  if (text.includes("@") && MENTION.test(text)) out.push("cue:mention");
}
