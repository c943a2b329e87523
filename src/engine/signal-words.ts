/**
 * A signal's feature name in words, for the comment and `/handoff explain`: "the title starts with
 * “add”" rather than `title-first:add`. A name from a family not listed here is shown as it is.
 */

import type { SectionDef } from "./section-defs.js";
import type { Signal } from "./types.js";

const FORMS: Record<string, string> = {
  "title-form:question": "the title is a question",
  "title-form:question-word": "the title starts with a question word",
  "title-form:prefixed": "the title starts with a tag",
  "body:has-question": "the body asks a question",
  "body:ends-with-question": "the body ends with a question",
  "body:empty": "the body is empty",
};

const COUNTS: Record<string, string> = {
  headings: "heading",
  items: "list item",
  tasks: "task-list item",
  code: "code block",
  lines: "line",
  questions: "question",
};

/** "<=0" → "no", "<=2" → "at most 2", ">5" → "more than 5". */
function amount(bucket: string): string {
  if (bucket === "<=0") return "no";
  return bucket.startsWith("<=") ? `at most ${bucket.slice(2)}` : `more than ${bucket.slice(1)}`;
}

function countWords(rest: string): string | null {
  const m = /^([a-z]+)(<=\d+|>\d+)$/.exec(rest);
  const noun = m && COUNTS[m[1]!];
  if (!m || !noun) return null;
  const n = amount(m[2]!);
  return `the body has ${n} ${noun}${n === "at most 1" ? "" : "s"}`;
}

function ruleWords(rest: string): string {
  const [leaning, ...name] = rest.split(":");
  const what = name.join(" ").replace(/-/g, " ");
  if (leaning === "owner") return `an ownership cue (${what})`;
  if (leaning === "scoped") return `a deliverable cue (${what})`;
  if (leaning === "unclear") return `a question or discussion cue (${what})`;
  return `a cue (${rest.replace(/[:-]/g, " ")})`;
}

export function signalWords(signal: Signal, defs: readonly SectionDef[]): string {
  const name = signal.kind;
  if (FORMS[name]) return FORMS[name];
  const colon = name.indexOf(":");
  const family = colon < 0 ? name : name.slice(0, colon);
  const rest = colon < 0 ? "" : name.slice(colon + 1);
  const word = rest === "#" ? "a number" : `“${rest}”`;
  switch (family) {
    case "title":
      return `the title says ${word}`;
    case "title-first":
      return `the title starts with ${word}`;
    case "body":
      return `the body says ${word}`;
    case "section": {
      const title = defs.find((d) => d.id === rest)?.title ?? rest;
      return `how clearly it has ${title.toLowerCase()}`;
    }
    case "count":
      return countWords(rest) ?? name;
    case "rule":
      return ruleWords(rest);
    case "rule-class":
      return "the keyword rules' verdict";
    case "settings":
      return rest === "owner:phrase" ? "an owner phrase from the settings" : "a scoped phrase from the settings";
    default:
      return name;
  }
}
