/**
 * Cues for the scope and for context without a heading: lists that are not the deliverable,
 * sentences that name its pieces, lines that describe.
 */

import { TODO_VERB, expectsStatus } from "../lexicon.js";
import { group, pattern } from "../pattern.js";
import { newWords } from "../text.js";

/** Headings and lead-ins whose lists are not the deliverable: reproduction steps, options to choose from. */
export const NOT_SCOPE_LEAD = new RegExp(`\\b${group([
  "reproduce", "repro", "steps", "notes?", "priorities", "pain points", "problems we see", "wishes", "between",
  "benefits", "outcomes?", "impact", "advantages", "pros", "cons", "risks", "options?", "alternatives?", "choices",
  "camps", "approaches", "candidates", "proposals", "variants", "possibilities", "trade-?offs?", "known so far",
  "what (?:we|i) (?:tried|know|see)", "tried", "symptoms", "observations", "findings", "themes", "ideas",
  "questions", "examples?", "optionen", "opciones", "opções",
])}\\b`, "i");
/**
 * The sentence stops naming the deliverable where its purpose starts ("…, so that incidents are
 * triaged, communicated and resolved").
 */
const PURPOSE = new RegExp(`\\b${group([
  "so that", "so", "because", "since", "in order to", "which means", "to make sure", "para que", "damit",
  "afin que", "pour que",
])}\\b`, "i");
/** A sentence that names the pieces of the work: an imperative, or what the result must support or include. */
const DELIVERS = pattern([
  `\\b(?:should|must|will|needs? to|has to)\\s+${group([
    "be able to", "support", "include", "cover", "have", "offer", "provide", "contain",
  ])}\\b`,
  "\\bable to\\b", "^\\W*(?:we|i)\\s+(?:want|need|would like)\\b",
  `^\\W*${group([
    "pieces", "deliverables?", "components", "parts", "includes?", "consists of",
  ])}\\s*:`,
], "i");
/** "Nothing concrete yet", "None so far": a field answered with no content. */
export const NO_CONTENT = new RegExp(`^\\W*${group([
  "nothing", "none", "not (?:yet )?(?:known|defined|decided|clear)", "tbd", "to be (?:defined|decided|confirmed)",
])}\\b(?: concrete| specific)?(?: yet| so far| for now| at the moment)?\\s*[.!:;]`, "i");

/** New words needed for context without a heading: with a line about today's state, and without. */
export const CONTEXT_STATE_WORDS = 6;
export const CONTEXT_WORDS = 30;

/** A greeting that opens the body: not a description. */
const GREETING = /^\W*(?:hi|hello|hey|hola|olá|bonjour|hallo)\b/i;

/** A line that describes, rather than asks, orders or expects. */
export function describes(text: string): boolean {
  return !/[?？]\s*$/.test(text) && !TODO_VERB.test(text) && !expectsStatus(text) && !GREETING.test(text);
}

/**
 * "the phone number, the messaging service and an SMS module": three or more pieces named. Tried
 * last: its bounded repeats are the costliest test here.
 */
const ENUMERATION = /[^,]{2,80},[^,]{2,80},?\s+(?:and|or|und|et|e|y)\s+\S/;

/** An enumeration of three or more pieces in a sentence that delivers them, beyond what the title says. */
export function namesPieces(text: string, titleSet: Set<string>): boolean {
  const purpose = PURPOSE.exec(text);
  const pieces = purpose ? text.slice(0, purpose.index) : text;
  if (!pieces.includes(",")) return false;
  if (!TODO_VERB.test(pieces) && !DELIVERS.test(pieces)) return false;
  return ENUMERATION.test(pieces) && newWords(pieces, titleSet) >= 5;
}
