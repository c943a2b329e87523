/**
 * The shape of one line: what it looks like, independent of its words. Each detector is a short
 * pattern; long alternatives are built from word lists.
 */

import { anyOf } from "./alternation.js";

const METHODS = ["get", "post", "put", "patch", "delete", "head", "options"];
const METHOD_WORD = new RegExp(`\\b${anyOf(METHODS.map((m) => m.toUpperCase()))}\\b`);
const PATH = /(?:^|[\s`'"(])\/[\w{}:.-]+(?:\/[\w{}:.-]*)+/;
/** A status code followed by its name: "404 Not Found", "200 OK". */
const STATUS_NAMED = /\b[1-5]\d\d\b(?=\s*(?:[A-Z][a-z]+|OK\b))/;
/** A status code said to be one: "status code 503", "500 response", "HTTP/1.1". */
const STATUS_SAID = new RegExp([
  "\\bstatus(?: code)? [1-5]\\d\\d\\b",
  `\\b[1-5]\\d\\d ${anyOf(["status", "response", "error"])}\\b`,
  "\\bHTTP\\/\\d",
].join("|"), "i");
/** The types a field is declared with. */
const FIELD_TYPES = [
  "string", "int", "integer", "number", "bool", "boolean", "uuid", "date", "datetime", "object", "array", "enum",
  "float", "timestamp",
];
/** A field with its type: "`id`: uuid", "amount | integer". */
const FIELD = new RegExp(`^\\s*[\`"']?[\\w.-]+[\`"']?\\s*(?::|\\|)\\s*\`?${anyOf(FIELD_TYPES)}\\b`, "i");
const JSONISH = /^\s*[{[]|^\s*"[\w-]+"\s*:/;
const SIGNATURE = /\b[\w.]+\([^()]*\)\s*(?::|=>|->)\s*\w+|\bfunction \w+\(|\bdef \w+\(/;
const CLI_FLAG = /(?:^|\s)--[a-z][\w-]+/;
/** Units a figure is given in: times, sizes, shares, rates and counts. */
const UNITS = [
  "ms", "s", "sec", "seconds", "minutes", "min", "hours", "h", "days", "mb", "gb", "kb", "tb", "%", "rps", "qps",
  "req", "requests", "users", "rows", "records", "items",
];
const FIGURE_UNIT = new RegExp(`\\b\\d+(?:[.,]\\d+)?\\s?${anyOf(UNITS)}\\b`, "i");
const ISSUE_REF = /(?:^|\s|\()(?:[\w.-]+\/[\w.-]+)?#\d+\b/;
const URL = /https?:\/\/\S+/;
const INLINE_CODE = /`[^`]+`/;
/** Words that make a line a requirement. */
const MODALS = ["must", "should", "shall", "needs to", "has to", "have to", "required", "mandatory"];
const MODAL = new RegExp(`\\b${anyOf(MODALS)}\\b`, "i");
/** Words that negate a line. */
const NEGATIONS = ["not", "never", "no", "without", "don't", "doesn't", "won't", "cannot", "can't", "must not"];
const NEGATION = new RegExp(`\\b${anyOf(NEGATIONS)}\\b`, "i");
const DEADLINE_LEAD = anyOf(["by", "before", "until", "deadline", "due", "no later than", "end of"]);
const MONTHS = [
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
  "december",
];
/** What a deadline is set by: a quarter, a weekday, a release, a month. */
const WHEN = anyOf([
  "q1", "q2", "q3", "q4", "monday", "tuesday", "wednesday", "thursday", "friday", "next", "release", "launch",
  "sprint", ...MONTHS,
]);
const DEADLINE = new RegExp(`\\b${DEADLINE_LEAD}\\s+(?:the\\s+)?(?:\\d|${WHEN})`, "i");
const LABELLED = /^\s*\*{0,2}[\p{L}][\p{L}\p{N} /&()-]{0,30}\*{0,2}\s*[:：]\s*\S/u;
/** Browsers, systems and runtimes named with a version. */
const ENVIRONMENTS = [
  "chrome", "firefox", "safari", "edge", "macos", "windows", "ubuntu", "linux", "ios", "android", "node", "python",
  "version", "browser", "os",
];
const ENVIRONMENT = new RegExp(`\\b${anyOf(ENVIRONMENTS)}\\b\\s*[:v]?\\s*\\d`, "i");
const GHERKIN = new RegExp(`^\\s*${anyOf(["given", "when", "then", "and then", "scenario"])}\\b`, "i");
/** How a user story opens: the actor, what they want, and why. */
const ACTOR_LEADS = ["as a", "as an", "so that", "in order to", "i want", "we want", "we need", "users can", "user can"];
const ACTOR = new RegExp(`^\\s*(?:${anyOf(ACTOR_LEADS)})\\b`, "i");
/** Words of an error report. */
const ERROR_WORDS = [
  "error", "exception", "traceback", "stack trace", "failed", "fails", "crash", "crashes", "panic", "undefined",
];
const ERROR_TEXT = new RegExp(`\\b${anyOf(ERROR_WORDS)}\\b`, "i");

/** Shape features of a line of prose. */
export function shapeOf(text: string): string[] {
  const out: string[] = [];
  addShape(text, out);
  return out;
}

/**
 * Appends the shape features of a line to `out`. A pattern that needs a character the line lacks
 * (a digit, a slash, a backtick) is not tried: it could not match.
 */
export function addShape(text: string, out: string[]): void {
  const figures = /\d/.test(text);
  const method = METHOD_WORD.test(text);
  const path = text.includes("/") && PATH.test(text);
  if (method && path) out.push("shape:method-path");
  if (method && !path) out.push("shape:method");
  if (path && !method) out.push("shape:path");
  if (figures && (STATUS_NAMED.test(text) || STATUS_SAID.test(text))) out.push("shape:status");
  if (FIELD.test(text)) out.push("shape:field");
  if (JSONISH.test(text)) out.push("shape:json");
  if (text.includes("(") && SIGNATURE.test(text)) out.push("shape:signature");
  if (text.includes("--") && CLI_FLAG.test(text)) out.push("shape:flag");
  if (figures && FIGURE_UNIT.test(text)) out.push("shape:figure-unit");
  if (text.includes("#") && ISSUE_REF.test(text)) out.push("shape:issue-ref");
  if (text.includes("://") && URL.test(text)) out.push("shape:url");
  if (text.includes("`") && INLINE_CODE.test(text)) out.push("shape:inline-code");
  addWording(text, figures, out);
  const length = text.length;
  out.push(length < 30 ? "len:short" : length < 100 ? "len:medium" : "len:long");
}

/** The shape features that come from words: modals, negation, deadlines, labels, questions. */
function addWording(text: string, figures: boolean, out: string[]): void {
  if (MODAL.test(text)) out.push("shape:modal");
  if (NEGATION.test(text)) out.push("shape:negation");
  if (DEADLINE.test(text)) out.push("shape:deadline");
  if (LABELLED.test(text)) out.push("shape:labelled");
  if (figures && ENVIRONMENT.test(text)) out.push("shape:environment");
  if (GHERKIN.test(text)) out.push("shape:gherkin");
  if (ACTOR.test(text)) out.push("shape:actor");
  if (ERROR_TEXT.test(text)) out.push("shape:error-text");
  if (text.includes("?") && /\?\s*$/.test(text)) out.push("shape:question");
  if (text.includes(":") && /:\s*$/.test(text)) out.push("shape:lead-in");
}
