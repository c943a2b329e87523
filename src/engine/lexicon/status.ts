/** Status codes and expected behaviour: what a fix should answer instead. */

import { group, pattern } from "../pattern.js";

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
