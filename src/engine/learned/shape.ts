/**
 * The shape of one line: what it looks like, independent of its words. Each detector is a short
 * pattern; long alternatives are built from word lists.
 */

import { anyOf } from "./alternation.js";

const METHODS = ["get", "post", "put", "patch", "delete", "head", "options"];
const METHOD_WORD = new RegExp(`\\b${anyOf(METHODS.map((m) => m.toUpperCase()))}\\b`);
const PATH = /(?:^|[\s`'"(])\/[\w{}:.-]+(?:\/[\w{}:.-]*)+/;
const STATUS_NAMED = /\b[1-5]\d\d\b(?=\s*(?:[A-Z][a-z]+|OK\b))/;
const STATUS_SAID = /\bstatus(?: code)? [1-5]\d\d\b|\b[1-5]\d\d (?:status|response|error)\b|\bHTTP\/\d/i;
const FIELD = /^\s*[`"']?[\w.-]+[`"']?\s*(?::|\|)\s*`?(?:string|int(?:eger)?|number|bool(?:ean)?|uuid|date(?:time)?|object|array|enum|float|timestamp)\b/i;
const JSONISH = /^\s*[{[]|^\s*"[\w-]+"\s*:/;
const SIGNATURE = /\b[\w.]+\([^()]*\)\s*(?::|=>|->)\s*\w+|\bfunction \w+\(|\bdef \w+\(/;
const CLI_FLAG = /(?:^|\s)--[a-z][\w-]+/;
const UNITS = ["ms", "s", "sec", "seconds", "minutes", "min", "hours", "h", "days", "mb", "gb", "kb", "tb", "%", "rps", "qps", "req", "requests", "users", "rows", "records", "items"];
const FIGURE_UNIT = new RegExp(`\\b\\d+(?:[.,]\\d+)?\\s?${anyOf(UNITS)}\\b`, "i");
const ISSUE_REF = /(?:^|\s|\()(?:[\w.-]+\/[\w.-]+)?#\d+\b/;
const URL = /https?:\/\/\S+/;
const INLINE_CODE = /`[^`]+`/;
const MODAL = new RegExp(`\\b${anyOf(["must", "should", "shall", "needs to", "has to", "have to", "required", "mandatory"])}\\b`, "i");
const NEGATION = new RegExp(`\\b${anyOf(["not", "never", "no", "without", "don't", "doesn't", "won't", "cannot", "can't", "must not"])}\\b`, "i");
const DEADLINE_LEAD = anyOf(["by", "before", "until", "deadline", "due", "no later than", "end of"]);
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WHEN = anyOf(["q1", "q2", "q3", "q4", "monday", "tuesday", "wednesday", "thursday", "friday", "next", "release", "launch", "sprint", ...MONTHS]);
const DEADLINE = new RegExp(`\\b${DEADLINE_LEAD}\\s+(?:the\\s+)?(?:\\d|${WHEN})`, "i");
const LABELLED = /^\s*\*{0,2}[\p{L}][\p{L}\p{N} /&()-]{0,30}\*{0,2}\s*[:：]\s*\S/u;
const ENVIRONMENT = new RegExp(`\\b${anyOf(["chrome", "firefox", "safari", "edge", "macos", "windows", "ubuntu", "linux", "ios", "android", "node", "python", "version", "browser", "os"])}\\b\\s*[:v]?\\s*\\d`, "i");
const GHERKIN = new RegExp(`^\\s*${anyOf(["given", "when", "then", "and then", "scenario"])}\\b`, "i");
const ACTOR = new RegExp(`^\\s*(?:${anyOf(["as a", "as an", "so that", "in order to", "i want", "we want", "we need", "users can", "user can"])})\\b`, "i");
const ERROR_TEXT = new RegExp(`\\b${anyOf(["error", "exception", "traceback", "stack trace", "failed", "fails", "crash", "crashes", "panic", "undefined"])}\\b`, "i");

/** Shape features of a line of prose. */
export function shapeOf(text: string): string[] {
  const out: string[] = [];
  const add = (name: string, test: boolean) => {
    if (test) out.push(`shape:${name}`);
  };
  const method = METHOD_WORD.test(text);
  const path = PATH.test(text);
  add("method-path", method && path);
  add("method", method && !path);
  add("path", path && !method);
  add("status", STATUS_NAMED.test(text) || STATUS_SAID.test(text));
  add("field", FIELD.test(text));
  add("json", JSONISH.test(text));
  add("signature", SIGNATURE.test(text));
  add("flag", CLI_FLAG.test(text));
  add("figure-unit", FIGURE_UNIT.test(text));
  add("issue-ref", ISSUE_REF.test(text));
  add("url", URL.test(text));
  add("inline-code", INLINE_CODE.test(text));
  add("modal", MODAL.test(text));
  add("negation", NEGATION.test(text));
  add("deadline", DEADLINE.test(text));
  add("labelled", LABELLED.test(text));
  add("environment", ENVIRONMENT.test(text));
  add("gherkin", GHERKIN.test(text));
  add("actor", ACTOR.test(text));
  add("error-text", ERROR_TEXT.test(text));
  add("question", /\?\s*$/.test(text));
  add("lead-in", /:\s*$/.test(text));
  const length = text.length;
  out.push(length < 30 ? "len:short" : length < 100 ? "len:medium" : "len:long");
  return out;
}
