/**
 * The tests of one line of prose for the contract, acceptance, constraints and dependencies
 * sections, and of code blocks for the contract.
 */

import type { Block } from "../markdown.js";
import {
  CAPACITY, CHECK_VERB, CLI_FLAG, CONSTRAINT, DEADLINE, DEPENDENCY, EVENT_NAME, EXPECTATION, FINITE_VERB,
  GHERKIN_STRICT, HEADER, ISSUE_REF_LEAD, LABELLED_SHAPE, METHOD_PATH, NOT_SCHEMA_CODE, OBSERVED_5XX, RATE,
  REQUIRED, ROUTE, SCHEMA_CODE, SECURITY, SIGNATURE, TODO_VERB, TYPED_FIELD, VAGUE_EXPECTATION, expectsStatus,
  systemMust,
} from "../lexicon.js";
import { group } from "../pattern.js";
import { contentWords, isPlaceholder } from "../text.js";

/** Code block languages that show an interface. */
const SCHEMA_LANGS = new Set([
  "json", "jsonc", "json5", "graphql", "gql", "proto", "protobuf", "http", "prisma", "avro", "openapi", "swagger",
  "jsonschema",
]);
/** Code block languages of Given / When / Then scenarios. */
export const GHERKIN_LANGS = new Set(["gherkin", "feature", "cucumber"]);

/** Where one sentence ends and the next starts. */
export const SENTENCE_END = /(?<=[.!?。！？])\s+/;

/** "Expected: …", "Erwartet: …": the expected behaviour, stated. */
const EXPECTED_LEAD = new RegExp(`^\\W*${group([
  "expected(?: behaviou?r| result| output)?", "should", "esperado", "attendu", "atteso", "erwartet", "verwacht",
  "beklenen", "oczekiwane", "förväntat", "ожидается", "ожидаемое", "očekávané", "diharapkan", "kỳ vọng",
  "mong đợi",
  "अपेक्षित", "期待される動作", "예상 결과",
])}\\s*[:：]\\s*`, "i");
/** Table headers whose rows state expected values: "should be", "expected". */
export const EXPECTED_TABLE_HEADER = new RegExp(`\\b${group([
  "should be", "expected", "esperado", "attendu", "atteso", "erwartet", "verwacht",
])}\\b`, "i");

/** Whether a line reads as a condition to check rather than a thing to do. */
export function isCondition(text: string): boolean {
  if (CHECK_VERB.test(text)) return true;
  // "Local SQLite cache for projects" names a piece to deliver; "the cache survives a restart" is a condition.
  return !TODO_VERB.test(text) && FINITE_VERB.test(text);
}

/** Whether a code block shows an interface: by its language, or by its first lines. */
export function codeIsContract(block: Block): boolean {
  if (block.lang && SCHEMA_LANGS.has(block.lang)) return true;
  const first = block.lines[0]?.text ?? "";
  if (NOT_SCHEMA_CODE.test(first)) return false;
  const n = Math.min(block.lines.length, 30);
  for (let i = 0; i < n; i++) if (SCHEMA_CODE.test(block.lines[i]!.text)) return true;
  return false;
}

/** Whether a line states a bound: a non-functional requirement, a deadline, a required security measure. */
function isConstraint(text: string): boolean {
  if (CONSTRAINT.test(text) || DEADLINE.test(text)) return true;
  // A security measure counts when the same sentence requires it.
  if (!SECURITY.test(text)) return false;
  return text.split(SENTENCE_END).some((s) => SECURITY.test(s) && (REQUIRED.test(s) || TODO_VERB.test(s)));
}

/** The tests several detectors ask of the same line, each run once, the first time it is asked. */
export class LineTests {
  private status: boolean | undefined;
  private code: boolean | undefined;
  private constraint: boolean | undefined;
  private depends: boolean | undefined;

  constructor(readonly text: string) {}

  /** `expectsStatus(text)`: the line expects a status code or a class of codes. */
  expectsStatus(): boolean {
    return (this.status ??= expectsStatus(this.text));
  }

  /** `expectsStatus(text, false)`: the line expects a status code. Only where it expects a status or a class. */
  expectsCode(): boolean {
    return this.expectsStatus() && (this.code ??= expectsStatus(this.text, false));
  }

  isConstraint(): boolean {
    return (this.constraint ??= isConstraint(this.text));
  }

  dependency(): boolean {
    return (this.depends ??= DEPENDENCY.test(this.text));
  }
}

/** Line-level interface evidence in prose. */
export function contractLine(tests: LineTests): boolean {
  const text = tests.text;
  if (OBSERVED_5XX.test(text) && !EXPECTATION.test(text)) return false;
  if (METHOD_PATH.test(text) || LABELLED_SHAPE.test(text)) return true;
  if (tests.expectsCode()) return true;
  if (EVENT_NAME.test(text) || HEADER.test(text) || SIGNATURE.test(text)) return true;
  if (TYPED_FIELD.test(text) || CLI_FLAG.test(text)) return true;
  return (RATE.test(text) && !CAPACITY.test(text)) || ROUTE.test(text);
}

/** "Expected: the export lists every invoice of the month": an expected behaviour, stated and specific. */
function statesExpected(text: string): boolean {
  return EXPECTED_LEAD.test(text) && !VAGUE_EXPECTATION.test(text.replace(EXPECTED_LEAD, "")) && contentWords(text).length >= 4;
}

/** The line states a verifiable expectation: Given/When/Then, an expected status, a "must" about the system. */
export function acceptanceLine(tests: LineTests): boolean {
  const text = tests.text;
  if (GHERKIN_STRICT.test(text)) return true;
  if (tests.expectsStatus()) return true;
  const states = systemMust(text) || statesExpected(text);
  // A bound on how it must behave ("p95 must stay under 300 ms") is a constraint, not a criterion.
  if (states) return !tests.isConstraint();
  return CHECK_VERB.test(text) && contentWords(text).length >= 3;
}

/** A list item that can be a piece of the deliverable: not a placeholder, a question, a reference or an interface part. */
export function isTodoItem(text: string): boolean {
  return !isPlaceholder(text) && !text.includes("?") && !ISSUE_REF_LEAD.test(text) && !contractLine(new LineTests(text));
}
