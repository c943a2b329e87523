/**
 * What a line says about the work around it, beyond its words: a bound on behaviour (a limit, a
 * latency or availability figure, compatibility, security or privacy, a version), or something the
 * work waits on (another issue, a team, access, an environment). Each cue pools many phrasings into
 * one feature, so a phrasing the model never saw still counts.
 */

import { anyOf } from "./alternation.js";

function words(list: readonly string[]): RegExp {
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${anyOf(list)}(?![\\p{L}\\p{N}])`, "iu");
}

const LIMIT = words(["at most", "at least", "no more than", "no less than", "not more than", "up to", "maximum", "minimum", "limit", "limits", "budget", "less than", "fewer than", "more than", "exceed", "exceeds", "within", "under", "below", "above", "cap", "capped"]);
const COMPARED_FIGURE = /(?:[<>≤≥]=?|under|below|within|over)\s*~?\d/i;
const RATE_WORDS = words(["latency", "throughput", "uptime", "availability", "sla", "slo", "percentile", "response time", "load time", "p50", "p90", "p95", "p99", "p999", "rps", "qps", "per second", "per minute", "per hour", "per day", "memory", "cpu", "bundle size", "footprint", "timeout"]);
const COMPATIBLE = words(["backward compatible", "backwards compatible", "backward compatibility", "backwards compatibility", "compatible", "compatibility", "without breaking", "breaking change", "breaking changes", "non-breaking", "existing clients", "existing users", "legacy", "deprecated", "supported versions", "still work", "keep working", "continue to work", "zero downtime", "no downtime"]);
const SECURE = words(["security", "secure", "privacy", "private", "gdpr", "hipaa", "pci", "soc 2", "soc2", "iso 27001", "compliance", "compliant", "pii", "personal data", "encrypt", "encrypted", "encryption", "audit", "audited", "least privilege", "secrets", "tls", "accessibility", "accessible", "wcag", "a11y", "retention", "consent"]);
const FORBID = words(["must not", "should not", "shall not", "must never", "should never", "may not", "do not", "don't", "cannot", "can't", "never", "only", "no new"]);
const VERSION = /(?:^|[^\w.])v?\d+\.\d+(?:\.\d+)?(?:\+|\.x)?(?![\w.])|(?:>=|<=|\^|~)\s*\d+(?:\.\d+)*/;
const WAITS = words(["blocked by", "blocked on", "blocks", "blocking", "depends on", "dependent on", "depend on", "dependency", "dependencies", "requires", "require", "prerequisite", "prerequisites", "waiting on", "waiting for", "relies on", "rely on", "upstream", "pending", "once", "after", "before we can", "needs", "need", "unblock", "unblocks"]);
const WAITS_ON_REF = new RegExp(`${anyOf(["blocked by", "blocked on", "depends on", "after", "requires", "needs", "waiting on", "waiting for", "once", "blocks", "follow-up to", "follow up to"])}\\s+(?:[\\w.-]+/[\\w.-]+)?#\\d+`, "i");
const ACCESS = words(["access", "credentials", "credential", "api key", "api keys", "token", "tokens", "secret", "permission", "permissions", "account", "sandbox", "staging", "production access", "environment", "vpn", "admin", "approval", "sign-off", "sign off", "license", "quota", "seats"]);
const PARTY = words(["team", "teams", "vendor", "third party", "third-party", "partner", "provider", "coordinate with", "owned by", "maintainers of", "another service", "other service"]);
const MENTION = /(?:^|\s)@[\w-]+/;

/** Cue features of one line. */
export function cuesOf(text: string): string[] {
  const out: string[] = [];
  const add = (name: string, test: boolean) => {
    if (test) out.push(`cue:${name}`);
  };
  add("limit", LIMIT.test(text));
  add("compared-figure", COMPARED_FIGURE.test(text));
  add("rate", RATE_WORDS.test(text));
  add("compatible", COMPATIBLE.test(text));
  add("secure", SECURE.test(text));
  add("forbid", FORBID.test(text));
  add("version", VERSION.test(text));
  add("waits", WAITS.test(text));
  add("waits-on-ref", WAITS_ON_REF.test(text));
  add("access", ACCESS.test(text));
  add("party", PARTY.test(text));
  add("mention", MENTION.test(text));
  return out;
}
