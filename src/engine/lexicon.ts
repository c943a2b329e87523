/**
 * The phrases the engine recognises, in one place. Each pattern is tested against one line of prose
 * at a time (at most 2,000 characters) and has no nested quantifiers, so matching stays linear.
 */

import { group, pattern } from "./pattern.js";

// ---- content signals for the spec sections -------------------------------------------------------

const METHODS = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS";
/** `POST /v1/orders`, `GET https://api…/x`, `PUT /api/v1/responses/[id]`. */
export const METHOD_PATH = new RegExp(`(?:^|[\\s\`"'(*:])(?:${METHODS})\\s+\`?(?:\\/|https?:\\/\\/|\\{\\{|\\$\\{?[A-Z_]+\\}?\\/)`);
/** A route or path in a code span or after "route"/"path": `/v1/orders/{id}`. */
export const ROUTE = pattern([
  "\\b(?:route|path|prefix|endpoint)s?\\b:?\\s+`?\\/[\\w{}:.\\-/*]+",
  `\`\\/[\\w{}:.\\-/*[\\]]+\`[^.]{0,60}\\b${group([
    "returns?", "accepts?", "responds?", "request body", "response", "payload", "query param\\w*",
  ])}\\b`,
], "i");
/** A status code named as such: `404 Not Found`, `HTTP 422`, "status 503", "a 404". */
export const STATUS_CODE = pattern([
  `\\b[1-5]\\d\\d\\s+(?:\\(?${group([
    "OK", "Created", "Accepted", "No Content", "Moved Permanently", "Found", "Not Modified", "Bad Request",
    "Unauthori[sz]ed", "Forbidden", "Not Found", "Method Not Allowed", "Not Acceptable", "Conflict", "Gone",
    "Payload Too Large", "Unprocessable(?: Entity| Content)?", "Too Many Requests", "Internal Server Error",
    "Bad Gateway", "Service Unavailable", "Gateway Timeout",
  ])}\\b)`,
  `\\b${group([
    "HTTP", "status(?: code)?", "code", "error", "response", "responds? with", "returns?", "returning",
    "answers?(?: with)?", "gets?", "get back", "give", "gives", "expected:?", "with", "be",
  ])}\\s+\`?(?:an? |the )?\`?[1-5]\\d\\d\\b`,
  "`[1-5]\\d\\d\\b[^`]{0,40}`", "\\b[1-5]\\d\\d\\s*(?:status|response|error|code)s?\\b",
  "\\b[1-5]\\d\\d\\s*(?:→|->|=>)\\s*[1-5]\\d\\d\\b", "\\b(?:a|an)\\s+[1-5]\\d\\d\\b",
], "i");
/** A class of status codes: "some 4XX code". */
export const STATUS_CLASS = /\b[1-5]xx\b/i;
/** The line states what should happen instead (expected behaviour of a fix). */
export const EXPECTATION = pattern([
  `\\b${group([
    "should", "shall", "must", "ought to", "expected?", "expects", "expecting", "instead(?: of)?", "rather than",
    "would be (?:the )?(?:right|correct|better|appropriate)", "the right answer", "needs? to", "has to", "have to",
    "is supposed to", "deveria", "debería", "sollte", "devrait", "attendu", "esperad[oa]", "erwartet", "atteso",
  ])}\\b`,
  "->", "→", "期待", "预期", "應該", "应该", "应当",
], "i");
/** "It should work", "no errors": an expected behaviour too vague for a reviewer to check. */
export const VAGUE_EXPECTATION = new RegExp(`^\\W*(?:${group([
  "there should be", "there must be", "expect(?:ed)?:?",
])}\\s+)?${group([
  `no (?:more )?(?:\\w+ )?${group([
    "errors?", "crash(?:es)?", "5\\d\\d", "5xx", "problems?", "issues?", "exceptions?",
  ])}\\b`,
  "(?:it )?(?:should|to) (?:just )?work\\b", "works?(?: as expected| normally| again)?[.!]?$", "no errors?",
])}`, "i");

/** "There should be no 502 errors": an expectation too vague to check. */
const NO_ERRORS = /\bno\s+(?:more\s+)?`?[1-5](?:\d\d|xx)\b/i;

/**
 * The line states the status the fix should give: an expected code ("should return 404", "expected:
 * `422 Unprocessable Entity`"), or with `classes`, a class of codes ("some 4XX code").
 */
export function expectsStatus(text: string, classes = true): boolean {
  if (!EXPECTATION.test(text) || NO_ERRORS.test(text)) return false;
  return STATUS_CODE.test(text) || (classes && STATUS_CLASS.test(text));
}

/** Event names such as `customer.subscription.updated`. */
export const EVENT_NAME = pattern([
  "`[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*){1,4}`.{0,80}\\bevents?\\b",
  "\\bevents?\\b.{0,80}`[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*){1,4}`",
], "i");
/** An HTTP header the interface sends or reads: "`Deprecation` and `Sunset` HTTP headers", "X-Request-Id header". */
export const HEADER = pattern([
  "`[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*`\\s+(?:and\\s+`[A-Z][\\w-]*`\\s+)?(?:HTTP\\s+|response\\s+|request\\s+)?headers?\\b",
  "\\b(?!HTTP\\b)[A-Z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]*)+\\s+(?:HTTP\\s+|response\\s+|request\\s+)?headers?\\b",
  "\\b(?!HTTP\\b)[A-Z][A-Za-z0-9]+\\s+(?:and\\s+[A-Z][\\w-]*\\s+)?HTTP\\s+headers?\\b",
  "\\bheaders?\\s+`[A-Z][\\w-]+`", "`(?:X-)?[A-Z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]*)+`",
]);
/** A function or method signature: `backfillV3(db)`, `send(to, body): Promise<Id>`. */
export const SIGNATURE = pattern([
  "`[A-Za-z_$][\\w$.]*\\([^()`]{0,80}\\)[^`]{0,60}`",
  "\\b[a-z_$][a-z0-9_$]*[A-Z0-9_][\\w$]*\\([a-z_$][\\w$]*(?:,\\s*[a-z_$][\\w$]*){0,5}\\)",
]);
/** A field with its type: "`amount` (integer)", "`id`: uuid", "email: string". */
export const TYPED_FIELD = new RegExp(`\`?\\b[a-zA-Z_][\\w.]*\`?\\s*(?::|\\(|—|-)\\s*\`?${group([
  "string", "str", "number", "integer", "int", "int64", "float", "double", "decimal", "boolean", "bool", "uuid",
  "date", "datetime", "timestamp", "timestamptz", "array", "object", "enum", "list", "map", "iso ?8601", "e\\.164",
  "url", "uri", "email", "json",
])}\\b`, "i");
/** A CLI flag: `--dry-run`. */
export const CLI_FLAG = pattern([
  "`--[a-z][\\w-]*(?:[ =][^`]*)?`\\s*(?:flag|option|argument)",
  "\\b(?:add|new|a|the)\\s+`?--[a-z][\\w-]+`?\\s+(?:flag|option|argument)",
  "\\b(?:flag|option)\\s+`?--[a-z][\\w-]+",
], "i");
/** Security measures: a constraint when required ("must be encrypted", "serve over HTTPS only"), not when described. */
export const SECURITY = /\b(?:encrypt(?:ed|ion)?|over https|pii|audit log(?:s|ging)?|personal data)\b/i;
export const REQUIRED = new RegExp(`\\b${group([
  "must", "should", "shall", "has to", "have to", "(?<!(?:don'?t|do not|doesn'?t|does not|no) )needs? to",
  "required", "requires?", "ensure", "always", "never", "only",
])}\\b`, "i");

/** Capacity the system must sustain: a bound on behaviour (a constraint), not the feature. */
export const CAPACITY = /\b(?:sustained|sustain|peak|headroom|throughput|capacity|handle up to|at least)\b/i;
/** A number that is the feature: "100 requests a minute", "15 req/s", "5 attempts per hour". */
export const RATE = new RegExp(`\\b\\d[\\d,.]*\\s*${group([
  "requests?", "reqs?", "calls", "messages", "attempts", "emails", "sms", "jobs", "events", "uploads", "logins?",
])}\\s*(?:\\/|per|a|an|each|every)\\s*${group([
  "s", "sec", "second", "min", "minute", "h", "hr", "hour", "day", "user", "client", "ip", "key",
])}\\b`, "i");
/** An interface part named with its shape: "query parameters: `limit`", "response: `{…}`", an inline JSON object. */
export const LABELLED_SHAPE = pattern([
  `\\b${group([
    "query param(?:eter)?s?", "path param(?:eter)?s?", "params?", "parameters", "request(?: body)?",
    "response(?: body)?", "body", "payload", "returns", "headers?", "fields?", "arguments?", "format", "schema",
  ])}\\s*:\\s*\``,
  "`\\{\\s*\"[\\w.-]+\"\\s*:",
], "i");
/** A server error reported as it happens ("requests get a 502"): an observation, not an interface. */
export const OBSERVED_5XX = /\b5\d\d\b/;

/** Table headers that describe an interface. */
export const CONTRACT_TABLE_HEADER = new RegExp(`\\b${group([
  "method", "verb", "path", "endpoint", "route", "url", "field", "type", "event", "parameter", "param",
  "status code", "response(?! ?times?)", "request", "header", "column", "payload", "property", "argument", "flag",
  "route prefix",
])}\\b`, "i");

/** Code that shows an interface: a JSON object, an HTTP exchange, a type, table or message definition. */
export const SCHEMA_CODE = new RegExp(`^\\s*${group([
  "[{[]\\s*$", "\\{\\s*\"[\\w.-]+\"\\s*:", "\"[\\w.-]+\"\\s*:\\s*", "HTTP\\/\\d(?:\\.\\d)?\\s+[1-5]\\d\\d",
  "(?:GET|POST|PUT|PATCH|DELETE)\\s+(?:\\/|https?:)", "(?:export\\s+)?(?:interface|type|enum)\\s+[A-Z]\\w*",
  "message\\s+[A-Z]\\w*\\s*\\{", "model\\s+[A-Z]\\w*\\s*\\{", "create\\s+(?:table|index|type)", "alter\\s+table",
  "type\\s+(?:Query|Mutation|Subscription)\\b", "(?:def|func|fn|function)\\s+\\w+\\s*\\(", "openapi:", "paths:",
  "components:", "schemas?:", "\\$schema",
  `[a-z_]\\w*\\s*:\\s*${group([
    "string", "number", "integer", "boolean", "uuid", "date", "array", "object",
  ])}\\b`,
])}`, "i");
/** Code that shows something that happened rather than an interface: traces, logs, shell sessions, config. */
export const NOT_SCHEMA_CODE = new RegExp(`^\\s*${group([
  "at\\s+[\\w.$<>]+\\s*\\(", "curl\\s", "wget\\s", "http(?:ie)?\\s+(?:get|post)\\s", "traceback", "exception",
  "error:", "warn(?:ing)?:", "panic:", "\\$\\s", "#\\s", ">\\s", "\\d{4}-\\d\\d-\\d\\d[t ]\\d\\d:\\d\\d",
  "\\[\\d{4}-", "npm err", "fatal:", "caused by", "\\s*file\\s+\"", "location\\s", "server\\s*\\{", "proxy_",
  "listen\\s+\\d", "\\*\\s",
])}`, "i");

/** Given / When / Then scenarios. */
export const GHERKIN_STRICT = /^\s*(?:scenario(?: outline)?:|given\s|then\s)/i;
/** A modal with the word before it: the subject tells a requirement on the system from a to-do for people. */
export const MODAL = /(\S+)\s+(?:must(?: not)?|shall(?: not)?|has to|have to|needs? to|ought to)\b/gi;
const PEOPLE = new Set([
  "we", "i", "you", "they", "someone", "somebody", "team", "us", "hr", "finance", "legal", "marketing", "sales",
  "support", "ops", "management", "qa", "design", "admin", "maintainer", "maintainers", "security", "both",
  "either", "everyone", "people", "one", "who", "lead", "owner", "engineer", "also", "really", "still", "first",
  "would", "could", "might", "may", "will",
]);
/** "… has to be written": work to do, phrased in the passive. */
const TO_BE_DONE = pattern([
  "^\\s*have\\s+\\w+(?:ed|en|t)\\b",
  `^\\s*${group([
    "weigh in", "approve", "sign off",
    `be\\s+${group([
      "written", "published", "approved", "signed", "reviewed", "merged", "shipped", "deployed", "released",
      "announced", "sent", "created", "built", "done", "added", "implemented", "defined", "decided", "made",
      "set up", "drafted", "documented", "prepared", "planned", "agreed", "found", "figured out", "rewritten",
      "discussed", "investigated", "fixed", "updated", "chosen", "picked",
    ])}`,
  ])}\\b`,
], "i");

/** The line says what the system must (not) do, rather than what people must do. */
const ANY_MODAL = /\b(?:must|shall|has to|have to|needs? to|ought to)\b/i;

export function systemMust(text: string): boolean {
  // The capture of the word before each modal costs a scan per word: only run it when a modal is there.
  if (!ANY_MODAL.test(text)) return false;
  MODAL.lastIndex = 0;
  for (let m = MODAL.exec(text); m; m = MODAL.exec(text)) {
    const subject = (m[1] ?? "").toLowerCase().replace(/[^\p{L}]/gu, "");
    // "IT has to create the tenants": the department, not the pronoun.
    if (!PEOPLE.has(subject) && m[1] !== "IT" && !TO_BE_DONE.test(text.slice(m.index + m[0].length))) return true;
  }
  return false;
}

/** A statement of behaviour in the present tense: "a repeat with the same key returns the stored response". */
export const CONDITION_VERB = new RegExp(`\\b${group([
  "returns", "creates", "sends", "shows", "contains", "equals", "fails", "succeeds", "receives", "appears",
  "matches", "stays", "remains", "becomes", "includes", "exists", "responds", "rejects", "accepts", "logs",
  "stores", "emits", "refuses", "redirects",
])}\\b`, "i");
/** A finite verb: a checklist item with one states a condition; one without names a thing to deliver. */
export const FINITE_VERB = pattern([
  `\\b${group([
    "is", "are", "was", "were", "has", "have", "can", "cannot", "can't", "does", "do", "doesn't", "don't", "will",
    "won't", "must", "should", "gets?", "passes", "pass", "works?", "runs?", "covers?", "shows?", "returns?",
    "sends?", "stays?", "remains?", "contains?", "includes?", "exists?", "fails?", "succeeds?", "matches?",
    "equals?", "appears?", "becomes?", "reaches?", "leaves?", "lands?", "ends? up",
  ])}\\b`,
  "→", "->",
], "i");
/** Conditions phrased as checks: "Verify that …", "Ensure …", "Make sure …". */
export const CHECK_VERB = /^\W*(?:verify|ensure|confirm|check|make sure|assert|validate that|prove|demonstrate)\b/i;

/** Imperative verbs that start an item of work to do. */
export const TODO_VERB = new RegExp(`^\\W*(?:\\[[^\\]]{0,12}\\]\\s*)?${group([
  "add", "create", "implement", "build", "write", "update", "remove", "delete", "drop", "migrate", "move", "port",
  "replace", "refactor", "swap", "rewrite", "pin", "wrap", "translate", "locali[sz]e", "introduce", "upload",
  "download", "benchmark", "measure", "profile", "test", "document", "publish", "bump", "patch", "deduplicate",
  "dedupe", "normali[sz]e", "archive", "purge", "encrypt", "decrypt", "sign", "verify", "tag", "label", "group",
  "sort", "filter", "paginate", "throttle", "queue", "batch", "stream", "poll", "expire", "invalidate", "set ?up",
  "setup", "configure", "expose", "define", "document", "design", "investigate", "research", "integrate", "deploy",
  "publish", "release", "bump", "edit", "change", "make", "fix", "support", "handle", "rename", "introduce",
  "extract", "enable", "disable", "allow", "provide", "wire", "hook", "connect", "store", "persist", "send", "emit",
  "log", "run", "review", "settle", "link", "hold", "give", "name", "set", "put", "go through", "try", "schedule",
  "announce", "communicate", "convert", "generate", "compute", "fill", "invoke", "call", "read", "parse", "keep",
  "mark", "deprecate", "retire", "sunset", "turn", "switch", "upgrade", "install", "provision", "rotate", "prepare",
  "draft", "plan", "split", "merge", "clean", "tidy", "optimi[sz]e", "improve", "reduce", "increase", "limit",
  "cache", "carry", "catch", "meet", "describe", "identify", "assess", "evaluate", "audit", "collect", "gather",
  "track", "monitor", "alert", "expand", "extend", "adopt", "agree", "decide", "choose", "pick", "list", "map",
  "spell", "tie", "fix", "apply", "attach", "stop", "start", "delete", "serve", "harden", "secure", "restrict",
  "block", "validate", "accept", "reject", "return", "respond", "answer", "show", "display", "render", "load",
  "fetch", "sync", "notify", "email", "retry", "register", "subscribe", "cancel", "import", "export", "seed",
  "backfill", "crie", "criar", "adicionar", "implementar", "crear", "agregar", "añadir", "hinzufügen", "erstellen",
  "ajouter", "créer", "mettre",
])}\\b`, "i");

/** Generic "done" items: tests, docs, review, release, deployment, rollback, handover. */
export const DONE = pattern([
  `\\b${group([
    "unit", "integration", "e2e", "end[- ]to[- ]end", "regression", "automated", "smoke", "load", "acceptance",
    "new", "existing", "all",
  ])} tests?\\b`,
  `\\btests? ${group([
    "pass", "passes", "passing", "are green", "green", "added", "written", "cover", "covers", "covering", "updated",
    "run",
  ])}\\b`,
  "\\btest suite\\b", "\\btest coverage (?:of|above|at least|≥|>=|\\d)", "\\bcovered by (?:\\w+ )?tests\\b",
  "\\b(?:add|write|update|extend)s? (?:\\w+ )?tests\\b", "\\bci (?:passes|is green|green|pipeline)\\b",
  "\\bpasses (?:in )?ci\\b",
  `\\bdocs?(?:umentation)? (?:is |are )?${group([
    "updated", "update", "brought up to date", "written", "describes?", "shows?", "refers?", "recommends?",
    "mentions?",
  ])}\\b`,
  `\\b(?:update|write|add|change)s? (?:the )?(?:["“”\\w-]+ ){0,4}${group([
    "docs", "documentation", "readme", "changelog", "release notes", "openapi spec", "api docs",
  ])}\\b`,
  "\\b(?:update|add to|document in|mention in)\\s+(?:the\\s+)?readme\\b", "\\breadme\\b[^.]{0,20}\\bupdated\\b",
  "\\bchangelog\\b", "\\brelease notes\\b", "\\b(?:is|are) documented\\b", "\\bdocumented in\\b",
  `\\bdocs\\/[\\w./-]+\\.md\`?\\s+${group([
    "describes", "documents", "explains", "covers", "is updated", "updated",
  ])}\\b`,
  "\\b(?:update|add|write|extend)s?\\s+`?docs\\/", "\\bcode[- ]review(?:ed)?\\b", "\\breviewed (?:and|by)\\b",
  "\\bapproved by\\b", "\\bsign(?:ed)?[- ]?off\\b", "\\bpr (?:is )?merged\\b", "\\bmerged (?:to|into)\\b",
  "\\bdeployed(?: to| behind| on)?\\b", "\\brolled out to (?:all|100|production|everyone|staging)\\b",
  "\\b(?:merged|shipped|landed) with (?:\\w+ )?tests\\b", "\\brollback (?:rehearsed|tested|verified)\\b",
  "\\b(?:rehearsed|tested|verified|run|ran) (?:in|on) staging\\b",
  "\\b(?:post|publish|update)\\b[^.]{0,30}\\bstatus page\\b",
  "\\b(?:run|ran|tested|verified|live|released) (?:on|in|to) (?:staging|production|prod)\\b",
  `\\b${group([
    "docs?", "documentation", "handbook", "wiki", "readme", "guide", "manual", "runbook", "api reference",
  ])}\\b[^.]{0,30}\\b(?:updated|brought up to date|written)\\b`,
  "\\breleased (?:to|in|as)\\b", "\\bpublish(?:ed)? (?:a )?release\\b", "\\brollback plan\\b",
  "\\bcan be rolled back\\b", "\\broll[- ]?back (?:plan|steps|tested)\\b", "\\bdown[- ]migration\\b",
  `\\b${group([
    "snapshot", "unit", "integration", "regression", "e2e", "end-to-end", "visual",
  ])} tests? (?:for|of|that|covering)\\b`,
  "\\bstorybook stor(?:y|ies)\\b", "\\b(?:a )?(?:line|section|entry) in the readme\\b",
  "\\bneeds? (?:a |an )?(?:\\w+ )?tests?\\b", "\\bhandover\\b", "\\bhand over\\b",
  "\\bimplementation (?:finished|complete|completed|done)\\b", "\\bno regressions?\\b", "\\btsc --noemit\\b",
  "\\bnpm (?:run )?test\\b", "\\bpytest\\b", "\\bgo test\\b", "\\bcargo test\\b", "\\bbun test\\b",
  "\\bmvn test\\b", "\\brelease comms\\b", "\\bvalidation\\/test notes\\b",
  // The same in the other languages issues are written in here.
  `\\b${group([
    "pruebas", "testes", "tests unitaires", "unit-?tests", "komponententests",
  ])} ${group([
    "de", "unitários", "unitarias", "d'intégration", "integração", "integración",
  ])}?`,
  `\\b${group([
    "documentación", "documentação", "dokumentation", "documentation",
  ])} ${group([
    "en", "em", "in", "à jour", "actualizada", "atualizada", "aktualisiert",
  ])}\\b`,
  "\\brevisión de código\\b", "\\brevisão de código\\b", "\\bcode-?review\\b", "\\brevue de code\\b",
  `\\b${group([
    "despliegue", "implantação", "deploy", "déploiement", "bereitstellung", "deployment",
  ])} (?:en|em|in|sur|auf) ${group([
    "staging", "producción", "produção", "production", "produktion",
  ])}\\b`,
], "i");

/** Needs, blockers and access. */
export const DEPENDENCY = pattern([
  `\\b${group([
    "blocked (?:by|on)", "prerequisites?", "(?:are|is) blocked (?:until|by this|on this)",
    "waits? (?:on|for) #\\d+", "we (?:don'?t|do not) have (?:\\w+ ){0,2}(?:rights|access|permissions?|credentials)",
    `${group([
      "someone", "@[\\w-]+", "the \\w+ team", "ops", "devops", "it", "admins?",
    ])} (?:has|have|needs?|must) to ${group([
      "share", "grant", "give", "provide", "create", "set up", "add", "invite", "approve", "sign off", "enable",
    ])}`,
    "(?:can'?t|cannot) start (?:until|before)",
    `until #\\d+ (?:is|has been) ${group([
      "merged", "done", "closed", "fixed", "shipped", "released",
    ])}`,
    "(?:has|have|needs? to|must) (?:\\S+ ){0,8}(?:first|beforehand)(?=\\s*[.!(]|\\s*$)",
    `before (?:any |the )?(?:build |implementation |development )?${group([
      "work", "we can start", "this can start", "starting", "we start", "work starts",
    ])}`,
    `(?:depends?|dependent|depending) on ${group([
      "#",
      `the (?:\\w+ ){0,3}${group([
        "team", "service", "api", "release", "migration", "issue", "pr", "work", "rollout",
      ])}\\b`,
      "[\\w.-]+\\/[\\w.-]+#",
    ])}`,
    `waiting (?:on|for) ${group([
      "#", "the (?:\\w+ ){0,3}(?:team|review|approval|release)",
    ])}`,
    "requires? #", "needs? #", "after #", "once #", "blocks #", "blocking #", "finish (?:this )?(?:once|after)",
  ])}\\b`,
  "\\b(?:blocked by|depends on|requires|after|once)\\b[^.]{0,60}#\\d+",
  `\\b${group([
    "needs?", "requires?", "request", "provide", "grant", "get", "must have", "waiting for",
  ])}\\b[^.]{0,40}\\b${group([
    "access", "credentials?", "api keys?", "secrets?", "tokens?", "vpn", "sandbox",
    "staging (?:account|environment|access)", "test (?:accounts?|tenants?|environments?|instances?|projects?)",
    "developer (?:accounts?|tenants?)", "tenants?", "licen[cs]es?", "seats?", "permissions?",
  ])}\\b`,
  `\\b${group([
    "coordinate", "sync", "synchroni[sz]e", "align", "work together",
  ])}\\s+with\\s+(?:the\\s+)?[^.]{0,50}\\b(?:team|people|folks|squad|group|owners?)\\b`,
  "\\bbloqueado por\\b", "\\bdepende de\\b", "\\bblockiert durch\\b", "\\babhängig von\\b", "\\bdépend de\\b",
], "i");

const MONTHS = [
  "jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?",
  "sep(?:t(?:ember)?)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?",
  "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
  "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
  "januar", "februar", "märz", "juni", "juli", "oktober", "dezember",
].join("|");
/** A calendar date: "15 March", "March 15th", "20 de junio", "2025-02-28", "Q3 2026". */
const DATE = group([
  `\\d{1,2}(?:st|nd|rd|th|er)?\\.?\\s+(?:de\\s+)?(?:${MONTHS})\\b`,
  `(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`,
  "\\d{4}-\\d\\d-\\d\\d",
  "q[1-4]\\s*\\d{4}",
]);
/** Words that put a date as a limit: "by", "before", "until", in the languages seen here. */
const BEFORE = group([
  "by", "before", "until", "till", "no later than", "deadline", "due", "at the latest", "antes d[eo]l?", "hasta",
  "avant (?:le )?", "bis (?:zum |spätestens )?", "spätestens", "prazo", "plazo", "frist",
]);
/** A deadline: a date after "by", "before", "until" (in the languages seen here), or after "deadline". */
export const DEADLINE = new RegExp(`(?:(?:\\b${BEFORE}\\b|\\b(?:até|fecha límite|date limite)(?=\\s))[^.]{0,40}?${DATE})`, "i");
/** Table headers whose rows are bounds or dates rather than the feature. */
export const CONSTRAINT_TABLE_HEADER = /\b(?:within|deadline|due|date|sla|target|timeline|response time|resolve|acknowledge)\b/i;

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
  "\\b(?:run|runs|only|must|should|allowed|window)\\b[^.]{0,20}\\bbetween\\s+\\d{1,2}:\\d\\d\\s+and\\s+\\d{1,2}:\\d\\d\\b",
  `\\b${group([
    "mniej niż", "menos de", "moins de", "weniger als", "meno di", "minder dan", "kurang dari", "менее", "меньше",
    "mindre än", "daha az",
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
  "\\b\\d[\\d,.]*k?\\s*(?:requests?|reqs?|events|messages|calls)\\s*(?:\\/|per)\\s*(?:s|sec|second)\\b[^.]{0,40}\\b(?:sustained|peak|headroom)\\b",
  "\\bthroughput\\b[^.]{0,30}\\b\\d",
], "i");

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

/** Boundaries of the deliverable: what is in and what is out. */
export const BOUNDARY = new RegExp(`\\b${group([
  "out of scope", "not in scope", "in scope", "non[- ]goals?", "ignore [^.]{1,40} for now",
  "not (?:included|covered) (?:here|in this)", "(?:is|are) not part of (?:this|it|the (?:first|initial) version)",
  "not part of this", "stays? out", "(?:is|are) excluded", "only about", "limited to", "is only", "are only",
  "does not include", "doesn't include", "not included", "won't (?:cover|include|change)",
  "will not (?:cover|include|change)", "excluding", "except for", "separate (?:issue|ticket)", "follow[- ]up",
  "this (?:issue|ticket|task|sub[- ]task|pr) (?:covers|is about|adds|delivers|includes)",
])}\\b`, "i");

/** A list item that is only a reference to another issue (`- [ ] #123`). */
export const ISSUE_REF_ONLY = /^\W*(?:[\w.-]+\/[\w.-]+)?#\d+\W*$/;
/** A list item that starts with a reference to another issue (`- #123 UPS labels`): a tracking list. */
export const ISSUE_REF_LEAD = /^\W*(?:[\w.-]+\/[\w.-]+)?#\d+\b/;

// ---- classification signals ---------------------------------------------------------------------

export interface SignalPattern {
  kind: string;
  weight: number;
  re: RegExp;
  /** Only tested against the title. */
  titleOnly?: boolean;
}

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
  { kind: "owner:ownership", weight: -1, re: /\b(?:ownership|owners?|accountab\w*|responsible for|platform team|tribal knowledge)\b/i },
  { kind: "owner:never-ends", weight: -3, re: pattern([
    `\\b${group([
      "never ends", "(?:is|are) never (?:done|finished)", "no finish line", "someone (?:has|needs) to own",
      "needs? (?:an|a long-term) owner", "standing requirement", "from now on", "at all times", "going forward",
      "ever again",
    ])}\\b`,
    "(?:—|–|,)\\s*ever\\b",
  ], "i") },
  { kind: "owner:operations", weight: -1, re: /\b(?:monitoring|alerting|observability|production incidents?|in production|production)\b/i },
];

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
    "增加", "新增", "添加", "实现", "支持", "追加", "実装", "作成", "hinzufügen", "erstellen", "ajouter", "créer", "adicionar",
    "criar", "agregar", "añadir", "crear", "implementar", "implementieren",
  ]), "i") },
  { kind: "scoped:endpoint", weight: 2, re: /\b(?:endpoints?|webhooks?)\b/i, titleOnly: true },
  { kind: "scoped:deliverable", weight: 1, re: /\b(?:exports?|imports?|csv|pdf|header|flag|button|download|upload|pagination)\b/i, titleOnly: true },
  { kind: "scoped:vendor", weight: 2, re: /\b(?:via|through|using)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}(?:API|SDK|[A-Z]{2,}[\w.-]*)\b/, titleOnly: true },
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
    `(?<!(?:since|after|depuis|desde|seit) (?:the |la |le |el |der |die )?)\\b${group([
      "migrat(?:e|ing|ion)\\b(?! ?(?:s|files?|scripts?)\\b)", "migrar", "migrer", "migrieren",
      "move (?:\\w+ ){0,4}(?:from|to|over|into)", "port(?:ing)? (?:\\w+ ){0,3}(?:to|from)",
      "switch (?:over )?(?:to|from)", "upgrade", "bump", "replace [\\w.]+ (?:with|by)", "in place of",
      "drop (?:support|python|node)", "support python", "remove python", "backfill\\w*", "schema v\\d",
      "from \\w+ to \\w+",
    ])}\\b`,
    "\\bmigração\\b", "\\bmigración\\b",
  ], "i") },
  { kind: "scoped:migration", weight: 1, re: new RegExp(`(?<!(?:since|after|depuis|desde|seit) (?:the |la |le |el |der |die )?)\\b${group([
    "migrate", "migrating", "move (?:\\w+ ){0,4}(?:from|over to|into)", "port(?:ing)? (?:\\w+ ){0,3}to",
    "switch (?:over )?(?:to|from)", "replace [\\w.]+ (?:with|by)", "backfill\\w*",
  ])}\\b`, "i") },
  { kind: "scoped:sunset", weight: 2, re: new RegExp(`\\b${group([
    "deprecat\\w*", "sunset\\w*", "retire", "retiring", "turn off", "remove (?:the )?v\\d", "decommission\\w*",
    "end[- ]of[- ]life", "eol",
  ])}\\b`, "i") },
  { kind: "scoped:rate-limit", weight: 2, re: /\brate[- ]?limit\w*\b/i },
  { kind: "scoped:hardening", weight: 2, re: /\b(?:harden\w*|securing)\b/i, titleOnly: true },
  { kind: "scoped:fix", weight: 1, re: /\b(?:fix|bug|broken|regression|wrong|incorrect|stops?|truncat\w*|fails?|missing)\b/i, titleOnly: true },
];

/** Not a work item: questions, support requests, discussion. */
export const UNCLEAR_SIGNALS: SignalPattern[] = [
  { kind: "unclear:tag", weight: 3, re: /^\W*\[(?:support|question|help|q&a|discussion|query)\]/i, titleOnly: true },
  { kind: "unclear:question", weight: 5, re: pattern([
    "[?？]\\s*$", "教えてください", "でしょうか", "吗", "如何", "怎么",
    `^\\W*${group([
      "why", "how", "what", "whats", "what's", "is", "are", "can", "could", "does", "do", "should", "would", "will",
      "where", "which", "when", "any way", "is there",
    ])}\\b`,
  ], "i"), titleOnly: true },
  { kind: "unclear:question", weight: 2, re: new RegExp(`\\b${group([
    `(?:is|was) (?:this|it|that) ${group([
      "expected", "intended", "normal", "a bug", "possible", "supposed", "by design",
    ])}`,
    `(?:whether|if) (?:that|this|it) is ${group([
      "intended", "expected", "a bug", "by design", "possible",
    ])}`,
    "how (?:do|can|should|could) (?:i|we|you|one)", "is there (?:a|any) (?:way|endpoint|option|setting)",
    "any (?:idea|ideas|hints?|help|pointers)", "can (?:someone|anyone|you) (?:help|explain|point)",
    "what(?:'s| is) the (?:point|purpose|difference|reason)", "why (?:do|does|did|is|are|use|would)", "could it",
    "is it possible", "does anyone", "please help", "help me", "(?:i'm|i am) (?:stuck|confused|not sure|wondering)",
    "i wonder(?:ed)?", "what do you think", "thoughts\\?", "let'?s discuss", "start the discussion",
    "looking for (?:comments|feedback|opinions|input)", "which way should",
    "which (?:one|option) (?:should|is better)", "not sure what it should",
    "what should (?:it|they|we) (?:return|do|be)",
  ])}\\b`, "i") },
  { kind: "unclear:asks-maintainers", weight: 6, re: new RegExp(`\\b${group([
    "(?:could|can|would|will) (?:a |the |any )?maintainers? (?:decide|say|confirm|tell)",
    "arguments (?:both|either) ways", "pros and cons", "please (?:decide|advise|confirm whether)",
    "feel free to close", "(?:not sure|unsure|wondering) (?:whether|if) (?:this|it) is (?:a bug|intended|expected)",
    "whether anything (?:needs|has) to change", "whether (?:any|a) change is (?:wanted|needed|desired)",
  ])}\\b`, "i") },
  { kind: "unclear:question", weight: 2, re: /(?:でしょうか|ですか[。？?]|ますか[。？?]|吗[。？?]|如何|怎么|¿)/ },
  { kind: "unclear:support", weight: 2, re: pattern([
    `\\bi ${group([
      "can't", "cannot", "can not", "couldn't", "am unable to", "are unable to",
    ])} ${group([
      "connect", "install", "run", "start", "log ?in", "build", "find", "get", "use", "access", "deploy", "figure",
    ])}`,
    "\\b(?:can't|cannot|unable to) connect\\b", "\\b(?:is|are) giving me (?:trouble|errors?)",
    "\\bdoes(?:n't| not) work (?:for me|on my)",
    `\\bmy ${group([
      "website", "site", "server", "setup", "install\\w*", "machine", "config\\w*", "project",
    ])}\\b`,
  ], "i") },
  { kind: "unclear:greeting", weight: 1, re: /^\W*(?:hi|hello|hey|dear|bonjour|hola|olá|hallo|guten tag)\b/i },
];
