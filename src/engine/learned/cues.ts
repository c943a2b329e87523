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
      const key = (phrase.toLowerCase().match(WORD) ?? []).join(" ");
      index.set(key, [...(index.get(key) ?? []), cue]);
    }
  }
  return index;
}

const INDEX = phraseIndex();

/** The cues named by the phrases in a line. */
function phraseCues(text: string): Set<string> {
  const words = text.toLowerCase().replace(/\u2019/g, "'").match(WORD) ?? [];
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    let key = "";
    for (let n = 0; n < LONGEST && i + n < words.length; n++) {
      key = n ? `${key} ${words[i + n]}` : words[i]!;
      for (const cue of INDEX.get(key) ?? []) found.add(cue);
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

/** Cue features of one line. */
export function cuesOf(text: string): string[] {
  const out: string[] = [];
  const add = (name: string, test: boolean) => {
    if (test) out.push(`cue:${name}`);
  };
  const said = phraseCues(text);
  for (const cue of ["limit", "rate", "compatible", "secure", "forbid"]) add(cue, said.has(cue));
  add("compared-figure", /\d/.test(text) && COMPARED_FIGURE.test(text));
  add("version", /\d/.test(text) && VERSION.test(text));
  add("waits", said.has("waits"));
  add("waits-on-ref", text.includes("#") && WAITS_ON_REF.test(text));
  add("access", said.has("access"));
  add("party", said.has("party"));
  add("mention", text.includes("@") && MENTION.test(text));
  return out;
}
