/** Constraints: non-functional requirements such as latency, compliance, compatibility and security. */

import { group, pattern } from "../pattern.js";

/** Security measures: a constraint when required ("must be encrypted", "serve over HTTPS only"), not described. */
export const SECURITY = new RegExp(`\\b${group([
  "encrypt(?:ed|ion)?", "over https", "pii", "audit log(?:s|ging)?", "personal data",
])}\\b`, "i");
/** Words that require what the sentence says. */
export const REQUIRED = new RegExp(`\\b${group([
  "must", "should", "shall", "has to", "have to", "(?<!(?:don'?t|do not|doesn'?t|does not|no) )needs? to",
  "required", "requires?", "ensure", "always", "never", "only",
])}\\b`, "i");

/** A time of day: "22:00", "6:30". */
const CLOCK_TIME = "\\d{1,2}:\\d\\d";

/** Non-functional requirements. */
export const CONSTRAINT = pattern([
  `\\bp(?:50|75|90|95|99|999)\\b[^.]{0,20}\\b${group([
    "under", "below", "less than", "within", "at most", "no more than", "max(?:imum)?", "<", "≤", "<=",
  ])}\\s*\\d`,
  `\\b${group([
    "under", "below", "less than", "within", "at most", "no more than", "<", "≤", "<=",
  ])}\\s*\\d[\\d.,]*\\s*(?:ms|s|seconds?)\\b[^.]{0,20}\\bp(?:50|75|90|95|99|999)\\b`,
  `\\b${group([
    "under", "below", "less than", "within", "at most", "no more than", "max(?:imum)?", "<", "≤", "<=",
  ])}\\s*\\d[\\d.,]*\\s*${group([
    "ms", "milliseconds?", "s", "secs?", "seconds?", "minutes?", "mins?", "mb", "gb", "kb", "%",
  ])}\\b`,
  "\\bwithin (?:a few )?(?:milliseconds|seconds)\\b", "\\bmill?iss?egundos\\b", "\\bmillisekunden\\b",
  "\\bmillisecondes\\b",
  `\\b${group([
    "gdpr", "hipaa", "soc ?2", "pci(?:[- ]dss)?", "ferpa", "iso ?27001", "ccpa", "owasp", "lgpd", "dsgvo",
    "fedramp",
  ])}\\b`,
  `\\b${group([
    "https only", "tls ?1\\.[23]", "least privilege", "never (?:log|store|expose)",
  ])}\\b`,
  `\\b${group([
    "secrets?", "credentials", "tokens?", "keys?", "passwords?",
  ])}\\b[^.]{0,40}\\b${group([
    "never", "must not", "out of", "outside", "environment variables?", "env vars?", "vault", "encrypted",
  ])}\\b`,
  "\\bbackwards?[- ]compatib\\w*", "\\bwithout breaking\\b",
  `\\b${group([
    "don'?t", "do not", "doesn'?t", "does not", "won'?t", "will not", "must not", "never", "never to",
  ])} break\\b`,
  "\\bmust not break\\b", "\\bno breaking changes?\\b", "\\bnon[- ]breaking\\b", "\\bzero[- ]downtime\\b",
  "\\bmulti[- ]arch\\w*", "\\b(?:arm64|aarch64) and (?:amd64|x86)",
  `\\b(?:must|has to|have to|needs? to) ${group([
    "stay", "remain", "keep (?:working|finishing|running)",
  ])}\\b`,
  "\\bno downtime\\b",
  `\\b(?:compatible with|works? (?:on|with)) ${group([
    "node", "python", "java", "ruby", "go", "ios", "android", "safari", "chrome", "firefox", "edge", "postgres\\w*",
    "mysql",
  ])}\\b`,
  "\\b(?:exactly|the same as) (?:it|they) (?:returned|did|does|do) before\\b",
  `\\b${group([
    "deadline", "due date", "due by", "target date", "no later than", "must ship by", "must land by",
  ])}\\b`,
  "\\bdue:?\\s+\\d",
  `\\bby (?:the )?(?:end of )?${group([
    "jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?",
    "sep(?:tember)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?", "q[1-4]", "\\d{4}-\\d\\d-\\d\\d",
    "(?:mon|tues|wednes|thurs|fri)day", "next week", "end of (?:the )?(?:month|quarter|sprint)",
  ])}\\b`,
  "\\b(?:once|after|before|end of|by)\\s+q[1-4]\\s*\\d{4}",
  "\\bq[1-4]\\s*\\d{4}\\b.{0,20}\\b(?:over|ends?|deadline)", "\\bweeks?\\s+\\d+\\s*[-–]\\s*\\d+\\s+of\\b",
  `\\b${group([
    "faster than", "better response times?", "lower latency", "higher throughput",
  ])}`,
  "\\b\\d+\\s*%\\s*faster\\b", "\\bperformance tests?\\b",
  "\\b(?:stay|stays|keep|kept|remain|remains)\\s+(?:under|below|within)\\s+\\d",
  `\\b${group([
    "run", "runs", "only", "must", "should", "allowed", "window",
  ])}\\b[^.]{0,20}\\bbetween\\s+${CLOCK_TIME}\\s+and\\s+${CLOCK_TIME}\\b`,
  `\\b${group([
    "mniej niż", "menos de", "moins de", "weniger als", "meno di", "minder dan", "kurang dari", "менее",
    "меньше", "mindre än", "daha az",
  ])}\\s*\\d[\\d.,]*\\s*(?:ms|s|sek\\w*|seg\\w*|с|сек\\w*|saniye)?`,
  `\\b(?:data|everything|it) ${group([
    "stays", "must stay", "remains", "must remain", "is stored", "must be stored",
  ])} in (?:the )?(?:eu|us|uk|[a-z]{2}-[a-z]+-\\d)\\b`,
  "\\b(?:critical |high )?cves?\\b", "\\bvulnerabilit(?:y|ies)\\b[^.]{0,40}\\b(?:within|older than)\\b",
  "\\bpatched within\\b", "\\bminimums? (?:stay|remain|is|are|of)\\b",
  "\\bminimum (?:supported )?(?:version|os|sdk|api level)\\b", "\\bstill supports?\\b",
  `\\b${group([
    "target", "ship(?:s|ping)?", "launch", "release", "due",
  ])}\\b[^.]{0,30}\\b(?:end of |by )?q[1-4]\\b`,
  "\\bwithin \\d+\\s*(?:hours?|days?|weeks?)\\b",
  `\\b\\d[\\d,.]*k?\\s*${group([
    "requests?", "reqs?", "events", "messages", "calls",
  ])}\\s*(?:\\/|per)\\s*(?:s|sec|second)\\b[^.]{0,40}\\b${group(["sustained", "peak", "headroom"])}\\b`,
  "\\bthroughput\\b[^.]{0,30}\\b\\d",
], "i");
