/** Context: what exists today or why the work is needed. */

import { group, pattern } from "../pattern.js";

/** The body describes what exists today or why the work is needed. */
export const STATE = pattern([
  `\\b${group([
    "currently", "today", "at the moment", "right now", "at present", "as of now", "so far", "existing",
    `we ${group([
      "use", "run", "have", "rely", "store", "send", "call", "currently", "noticed", "see", "saw", "observed",
      "get",
    ])}`,
    `(?:is|are) ${group([
      "built", "running", "deployed", "hosted", "stored", "kept", "handled",
    ])} (?:on|in|with|by)`,
    "runs? on", "there (?:is|are) no", "has no", "have no", "does not (?:have|support)", "doesn't (?:have|support)",
    "only supports?", "can only", "because", "since", "as (?:our|the) \\w+ grows", "used to", "whenever",
    "every time", "in production", "on production", "in staging",
    `our ${group([
      "service", "app", "api", "system", "backend", "frontend", "platform", "pipeline", "users", "customers",
      "clients", "partners", "database", "db",
    ])}`,
    "the (?:current|existing|old|legacy)\\b", "for \\d+ (?:months|years|weeks)", "we(?: are|'re| have|'ve) \\d",
    "there (?:are|is) (?:\\d|about|over|more than|only|currently)", "regularly", "usually", "often", "sometimes",
    "keeps? \\w+ing", "i(?: use|'m using| am using| run)", "we(?:'re| are) using",
    "my (?:setup|environment|cluster|server)",
    `last ${group([
      "week", "month", "quarter", "year", "night", "outage", "incident", "release", "time", "sprint",
    ])}`,
    "in the last \\w+", "it took", "took us",
    `since ${group([
      "the", "version", "v?\\d", "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december",
    ])}`,
    "our (?:codebase|code|team|teams|stack|infrastructure|infra)", "the codebase", "production",
    "when (?:the|there|i|we|you|users|customers)", "if (?:you|i|we)", "our \\w+", "we(?:'re| are) on", "still",
    "no longer", "any ?more", "yesterday", "last (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    "my (?:laptop|machine|computer|project|app|repo|team)",
    `${group([
      "macos", "windows", "linux", "ubuntu", "debian", "ios", "android", "kubernetes", "k8s", "k3s",
      "docker(?: desktop)?", "node(?:\\.js)?", "python", "chrome", "firefox", "safari", "postgres(?:ql)?", "mysql",
      "redis",
    ])}\\s*v?\\d`,
  ])}\\b`,
  "\\((?:in|under) `[\\w./-]+`",
  `\\blives? in ${group([
    "`", "the \\w+ (?:repo|repository|service|package|module|directory|folder)",
  ])}`,
  "\\bproducción\\b", "\\bprodução\\b", "\\bproduktion\\b", "\\bstetig\\b", "\\bständig\\b", "\\bsiempre\\b",
  "\\bsempre\\b", "\\btoujours\\b", "\\batualmente\\b", "\\bactualmente\\b", "\\bderzeit\\b", "\\bzurzeit\\b",
  "\\bactuellement\\b", "\\bheute\\b", "\\bhoy\\b", "\\bhoje\\b", "目前", "现在", "現在",
], "i");
