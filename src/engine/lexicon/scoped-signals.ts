/** Bounded work with an end state: the signals of a scoped deliverable. */

import { group, pattern } from "../pattern.js";
import type { SignalPattern } from "./signal-pattern.js";

/** Not after "since" or "after" (in the languages seen here): "since the migration" is history, not the work. */
const NOT_SINCE = `(?<!${group([
  "since", "after", "depuis", "desde", "seit",
])} ${group(["the ", "la ", "le ", "el ", "der ", "die "])}?)`;

/** Bounded work with an end state. Positive weights. */
export const SCOPED_SIGNALS: SignalPattern[] = [
  { kind: "scoped:build", weight: 2, re: new RegExp(`\\b${group([
    "add", "build", "create", "implement", "expose", "introduce", "write", "provide", "develop", "send", "notify",
    "emit", "publish", "return", "allow", "support",
  ])}\\b[^.]{0,40}\\b${group([
    "endpoints?", "headers?", "events?", "pagination", "filters?", "sorting", "search", "parameters?", "columns?",
    "apis?", "routes?", "services?", "components?", "modules?", "webhooks?", "handlers?", "pages?", "screens?",
    "jobs?", "workers?", "scripts?", "cli", "commands?", "flags?", "options?", "buttons?", "fields?", "exports?",
    "imports?", "integrations?", "sdks?", "clients?", "plugins?", "features?", "tooling", "functions?", "channels?",
    "notifications?", "forms?", "reports?", "dashboard", "filters?",
  ])}\\b`, "i") },
  { kind: "scoped:verb", weight: 2, re: new RegExp(`^(?:\\s*${group([
    "\\[[^\\]]{0,30}\\]", ":\\w+:", "\\p{Extended_Pictographic}",
  ])}\\s*:?)*\\s*${group([
    "add", "build", "create", "implement", "expose", "introduce", "allow", "enable", "support", "provide", "make",
    "give", "let", "send", "show", "display",
  ])}\\b`, "iu"), titleOnly: true },
  { kind: "scoped:build", weight: 2, re: new RegExp(group([
    "增加", "新增", "添加", "实现", "支持", "追加", "実装", "作成", "hinzufügen", "erstellen", "ajouter", "créer",
    "adicionar",
    "criar", "agregar", "añadir", "crear", "implementar", "implementieren",
  ]), "i") },
  { kind: "scoped:endpoint", weight: 2, re: /\b(?:endpoints?|webhooks?)\b/i, titleOnly: true },
  { kind: "scoped:deliverable", weight: 1, re: new RegExp(`\\b${group([
    "exports?", "imports?", "csv", "pdf", "header", "flag", "button", "download", "upload", "pagination",
  ])}\\b`, "i"), titleOnly: true },
  { kind: "scoped:vendor", weight: 2, re: new RegExp(`\\b${group([
    "via", "through", "using",
  ])}\\s+(?:the\\s+)?(?:[A-Z][\\w.-]*\\s+){0,2}${group(["API", "SDK", "[A-Z]{2,}[\\w.-]*"])}\\b`), titleOnly: true },
  { kind: "scoped:vendor", weight: 2, re: new RegExp(`\\b${group([
    "stripe", "twilio", "sendgrid", "mailgun", "postmark", "paypal", "plaid", "braintree", "adyen", "salesforce",
    "hubspot", "shopify", "auth0", "okta", "firebase", "fcm", "apns", "segment", "mailchimp", "zendesk", "s3",
    "gcs", "sns", "sqs", "slack",
  ])}\\b`, "i"), titleOnly: true },
  { kind: "scoped:integration", weight: 2, re: new RegExp(`\\b${group([
    "integrat(?:e|ing|ion)\\s+(?:with|into|of)\\b", "integrate\\s+(?!with|into)\\w+", "hook up",
    "via (?:the )?\\w+ api",
  ])}`, "i") },
  { kind: "scoped:migration", weight: 3, titleOnly: true, re: pattern([
    `${NOT_SINCE}\\b${group([
      "migrat(?:e|ing|ion)\\b(?! ?(?:s|files?|scripts?)\\b)", "migrar", "migrer", "migrieren",
      "move (?:\\w+ ){0,4}(?:from|to|over|into)", "port(?:ing)? (?:\\w+ ){0,3}(?:to|from)",
      "switch (?:over )?(?:to|from)", "upgrade", "bump", "replace [\\w.]+ (?:with|by)", "in place of",
      "drop (?:support|python|node)", "support python", "remove python", "backfill\\w*", "schema v\\d",
      "from \\w+ to \\w+",
    ])}\\b`,
    "\\bmigração\\b", "\\bmigración\\b",
  ], "i") },
  { kind: "scoped:migration", weight: 1, re: new RegExp(`${NOT_SINCE}\\b${group([
    "migrate", "migrating", "move (?:\\w+ ){0,4}(?:from|over to|into)", "port(?:ing)? (?:\\w+ ){0,3}to",
    "switch (?:over )?(?:to|from)", "replace [\\w.]+ (?:with|by)", "backfill\\w*",
  ])}\\b`, "i") },
  { kind: "scoped:sunset", weight: 2, re: new RegExp(`\\b${group([
    "deprecat\\w*", "sunset\\w*", "retire", "retiring", "turn off", "remove (?:the )?v\\d", "decommission\\w*",
    "end[- ]of[- ]life", "eol",
  ])}\\b`, "i") },
  { kind: "scoped:rate-limit", weight: 2, re: /\brate[- ]?limit\w*\b/i },
  { kind: "scoped:hardening", weight: 2, re: /\b(?:harden\w*|securing)\b/i, titleOnly: true },
  { kind: "scoped:fix", weight: 1, re: new RegExp(`\\b${group([
    "fix", "bug", "broken", "regression", "wrong", "incorrect", "stops?", "truncat\\w*", "fails?", "missing",
  ])}\\b`, "i"), titleOnly: true },
];
