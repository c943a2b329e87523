/** Work with no finish line: the signals of ownership. */

import { group, pattern } from "../pattern.js";
import type { SignalPattern } from "./signal-pattern.js";

/** Work with no finish line: ownership. Negative weights. */
export const OWNER_SIGNALS: SignalPattern[] = [
  { kind: "owner:slo", weight: -3, re: new RegExp(`\\b${group([
    "slos?", "slas?", "slis?", "service[- ]level (?:objectives?|indicators?|agreements?)", "error budgets?",
    "availability targets?", "uptime targets?", "how available", "mttr", "rto", "rpo",
  ])}\\b`, "i") },
  { kind: "owner:on-call", weight: -3, re: new RegExp(`\\b${group([
    "on[- ]?call", "oncall", "pagerduty", "opsgenie", "escalation (?:polic(?:y|ies)|paths?|chain)",
    "paging alerts?",
  ])}\\b`, "i") },
  { kind: "owner:incident", weight: -3, re: new RegExp(`\\b${group([
    "runbooks?", "playbooks?", "incident (?:response|process|management|review|commander|reporting)",
    "post[- ]?mortems?", "game ?days?", "tabletop",
  ])}\\b`, "i") },
  { kind: "owner:tracking", weight: -3, re: pattern([
    `\\b${group([
      "epic", "tracking issue", "meta[- ]issue", "umbrella issue", "parent issue", "sub[- ]issues", "tracker issue",
    ])}(?!\\s*#)\\b`,
    "\\[(?:meta|tracking|epic|tracker)\\]", "^\\W*(?:tracking|meta|epic|umbrella)\\s*[:\\-–]",
  ], "i") },
  { kind: "owner:roadmap", weight: -3, re: new RegExp(`\\b${group([
    "roadmap", "vision", "north star", "strategy", "okrs?", "next (?:quarter|year|12 months)", "long[- ]term plan",
    "over the next (?:year|\\d+ months)",
  ])}\\b`, "i") },
  { kind: "owner:architecture", weight: -3, re: new RegExp(`\\b${group([
    "rfc", "options (?:on the table|considered)", "alternatives considered", "open for comments",
    "choose (?:a|the|between) (?:data model|approach|design|option)", "decision is (?:open|pending)",
    "entscheidung", "decisión", "décision", "architecture (?:decision|review|proposal|options?)", "adrs?",
    "rethink", "re-?architect\\w*", "design (?:decision|discussion|options?)", "trade-?offs?", "discovery",
    "which approach", "multi-?tenan\\w*", "evaluate (?:the )?options", "open question",
  ])}\\b`, "i") },
  { kind: "owner:investigation", weight: -2, re: new RegExp(`\\b${group([
    "investigat\\w*", "look into", "looking into", "dig (?:into|up|in)", "root cause", "figure out (?:why|what)",
    "find out (?:why|what|under which|when)", "unknown cause", "cause (?:is )?unknown", "not sure why",
    "no idea why", "spike", "no reliable way to reproduce", "can(?:'t|not) reproduce", "unable to reproduce",
    "not managed to (?:trigger|reproduce)",
  ])}\\b`, "i") },
  { kind: "owner:unknown-cause", weight: -2, re: new RegExp(`\\b${group([
    "cause is unknown", "we don'?t know (?:why|what|whether|where|how)", "we do not know", "nobody knows",
    "no one knows", "(?:we're|we are) not sure", "no pattern", "no clear pattern", "unexplained",
  ])}\\b`, "i") },
  { kind: "owner:decision", weight: -2, re: new RegExp(`\\b${group([
    "decide (?:how|whether|which|on|between)", "a decision (?:on|about)", "no decision yet",
    "(?:haven'?t|have not|not yet) (?:chosen|decided)", "choos(?:e|ing) (?:between|an?|the)", "\\w+ vs\\.? \\w+",
    "versus",
  ])}\\b`, "i") },
  { kind: "owner:standing", weight: -3, re: new RegExp(`\\b(?:all|every|each) (?:\\w+ ){0,2}${group([
    "services", "service", "teams", "repositories", "repos", "endpoints", "apis", "container images",
  ])}\\b[^.]{0,60}\\b(?:must|should|shall|have to|need to)\\b`, "i") },
  { kind: "owner:symptom", weight: -2, re: new RegExp(`\\b${group([
    "intermittent(?:ly)?", "sporadic\\w*", "at random", "randomly", "from time to time", "now and then",
    "comes? and goes?", "memory leaks?", "leaks? memory", "oom[- ]?kill\\w*", "oom", "out of memory",
    "tail latency", "latency spikes?", "(?:99th|95th) percentile", "p99", "keeps? (?:crashing|restarting)",
    "restarts? (?:every|randomly)", "latence", "latencia", "latência", "irréguli\\w+", "intermitente",
    "sporadisch\\w*", "aléatoire\\w*", "zufällig\\w*", "občas", "czasami", "bazen", "ibland", "kadang-kadang",
    "kadang", "иногда", "thỉnh thoảng",
  ])}\\b`, "i") },
  { kind: "owner:tech-debt", weight: -3, re: new RegExp(`\\b${group([
    "tech(?:nical)?[- ]debt", "housekeeping", "tidy[- ]up", "clean[- ]?up (?:programme|program|initiative)",
    "refactoring (?:programme|program|initiative)",
  ])}\\b`, "i") },
  { kind: "owner:ongoing", weight: -2, re: new RegExp(`\\b${group([
    "ongoing", "continuous(?:ly)?", "every sprint", "per sprint", "each sprint", "over time", "recurring",
    "maintenance(?! window)", "not a one[- ]off", "no end date", "steadily", "hygiene",
    "keep (?:\\w+ ){0,3}in sync", "keep (?:\\w+ ){0,2}up to date", "sprints? in a row",
  ])}\\b`, "i") },
  { kind: "owner:ownership", weight: -1, re: new RegExp(`\\b${group([
    "ownership", "owners?", "accountab\\w*", "responsible for", "platform team", "tribal knowledge",
  ])}\\b`, "i") },
  { kind: "owner:never-ends", weight: -3, re: pattern([
    `\\b${group([
      "never ends", "(?:is|are) never (?:done|finished)", "no finish line", "someone (?:has|needs) to own",
      "needs? (?:an|a long-term) owner", "standing requirement", "from now on", "at all times", "going forward",
      "ever again",
    ])}\\b`,
    "(?:—|–|,)\\s*ever\\b",
  ], "i") },
  { kind: "owner:operations", weight: -1, re: new RegExp(`\\b${group([
    "monitoring", "alerting", "observability", "production incidents?", "in production", "production",
  ])}\\b`, "i") },
];
