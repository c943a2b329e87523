/** Acceptance criteria: scenarios, requirements on the system, conditions to check. */

import { group, pattern } from "../pattern.js";

/** Given / When / Then scenarios. */
export const GHERKIN_STRICT = /^\s*(?:scenario(?: outline)?:|given\s|then\s)/i;
/** The modals besides "must" and "shall". */
const MODALS = ["has to", "have to", "needs? to", "ought to"];
/** A modal anywhere in the line. */
const ANY_MODAL = new RegExp(`\\b${group(["must", "shall", ...MODALS])}\\b`, "i");
/** A modal with the word before it: the subject tells a requirement on the system from a to-do for people. */
const MODAL = new RegExp(`(\\S+)\\s+${group(["must(?: not)?", "shall(?: not)?", ...MODALS])}\\b`, "gi");
/** Subjects of a modal that are people: what follows is work for them to do. */
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
export function systemMust(text: string): boolean {
  // The capture of the word before each modal costs a scan per word: only run it when a modal is there.
  if (!ANY_MODAL.test(text)) return false;
  for (const m of text.matchAll(MODAL)) {
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
export const CHECK_VERB = new RegExp(`^\\W*${group([
  "verify", "ensure", "confirm", "check", "make sure", "assert", "validate that", "prove", "demonstrate",
])}\\b`, "i");
