/**
 * Interface evidence: methods and paths, headers, signatures, typed fields, flags, rates, interface
 * tables and code.
 */

import { group, pattern } from "../pattern.js";

const METHODS = group(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
/** What a method follows: the start of the line, a blank, a quote, a bracket, emphasis or a colon. */
const BEFORE_METHOD = "(?:^|[\\s`\"'(*:])";
/** How a path starts: a slash, a URL, a template variable (`{{base}}/`, `$API_URL/`). */
const PATH_START = group(["\\/", "https?:\\/\\/", "\\{\\{", "\\$\\{?[A-Z_]+\\}?\\/"]);
/** `POST /v1/orders`, `GET https://api…/x`, `PUT /api/v1/responses/[id]`. */
export const METHOD_PATH = new RegExp(`${BEFORE_METHOD}${METHODS}\\s+\`?${PATH_START}`);
/** A route or path in a code span or after "route"/"path": `/v1/orders/{id}`. */
export const ROUTE = pattern([
  "\\b(?:route|path|prefix|endpoint)s?\\b:?\\s+`?\\/[\\w{}:.\\-/*]+",
  `\`\\/[\\w{}:.\\-/*[\\]]+\`[^.]{0,60}\\b${group([
    "returns?", "accepts?", "responds?", "request body", "response", "payload", "query param\\w*",
  ])}\\b`,
], "i");

/** Event names such as `customer.subscription.updated`. */
export const EVENT_NAME = pattern([
  "`[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*){1,4}`.{0,80}\\bevents?\\b",
  "\\bevents?\\b.{0,80}`[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*){1,4}`",
], "i");
/** "header", "HTTP headers", "response header". */
const HEADER_WORD = `${group(["HTTP\\s+", "response\\s+", "request\\s+"])}?headers?\\b`;
/** An HTTP header the interface sends or reads: "`Deprecation` and `Sunset` HTTP headers", "X-Request-Id header". */
export const HEADER = pattern([
  `\`[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\`\\s+(?:and\\s+\`[A-Z][\\w-]*\`\\s+)?${HEADER_WORD}`,
  `\\b(?!HTTP\\b)[A-Z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]*)+\\s+${HEADER_WORD}`,
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

/** Capacity the system must sustain: a bound on behaviour (a constraint), not the feature. */
export const CAPACITY = new RegExp(`\\b${group([
  "sustained", "sustain", "peak", "headroom", "throughput", "capacity", "handle up to", "at least",
])}\\b`, "i");
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
