/**
 * What the class model looks at for a whole issue: the title's words and form, the body's words and
 * structure, the sections found and how sure the line models are, and the rule signals. Each
 * feature remembers a line it came from, so a contribution can be shown with its evidence.
 */

import type { Block } from "../markdown.js";
import { excerpt } from "../text.js";
import type { Evidence, Signal } from "../types.js";
import { tokens } from "./tokens.js";

export interface IssueFeatures {
  values: Map<string, number>;
  /** A line each feature came from. */
  origin: Map<string, Evidence>;
}

export interface IssueFacts {
  title: string;
  blocks: Block[];
  /** For each section, the highest line probability and the line it came from. */
  sections: Map<string, { p: number; evidence: Evidence | null }>;
  /** The rule classifier's signals and its verdict. */
  ruleSignals: Signal[];
  ruleClass: string;
}

const QUESTION_START = /^(?:how|what|why|which|where|when|who|is|are|can|could|should|would|does|do|will|any)\b/i;
const MAX_BODY_WORDS = 400;

function bucket(n: number, edges: number[]): string {
  const i = edges.findIndex((e) => n <= e);
  return i < 0 ? `>${edges[edges.length - 1]}` : `<=${edges[i]}`;
}

export function issueFeatures(facts: IssueFacts): IssueFeatures {
  const values = new Map<string, number>();
  const origin = new Map<string, Evidence>();
  const titleEvidence: Evidence = { line: 0, text: `title: ${excerpt(facts.title)}` };
  const set = (name: string, value: number, from: Evidence) => {
    if (values.has(name)) return;
    values.set(name, value);
    origin.set(name, from);
  };

  set("bias", 1, titleEvidence);
  const titleTokens = tokens(facts.title);
  for (const w of titleTokens) set(`title:${w}`, 1, titleEvidence);
  if (titleTokens[0]) set(`title-first:${titleTokens[0]}`, 1, titleEvidence);
  if (/\?\s*$/.test(facts.title)) set("title-form:question", 1, titleEvidence);
  if (QUESTION_START.test(facts.title.trim())) set("title-form:question-word", 1, titleEvidence);
  if (/^\s*\[?[\w -]{1,20}[\]:]/.test(facts.title)) set("title-form:prefixed", 1, titleEvidence);

  bodyFeatures(facts.blocks, set);
  for (const [id, { p, evidence }] of facts.sections) {
    set(`section:${id}`, p, evidence ?? { line: 0, text: `no line reads as ${id}` });
  }
  for (const s of facts.ruleSignals) set(`rule:${s.kind}`, 1, s.evidence);
  set(`rule-class:${facts.ruleClass}`, 1, { line: 0, text: `the rule detectors read it as ${facts.ruleClass}` });
  return { values, origin };
}

function bodyFeatures(blocks: Block[], set: (name: string, value: number, from: Evidence) => void): void {
  const count = { heading: 0, item: 0, task: 0, code: 0, row: 0, question: 0, lines: 0 };
  let seen = 0;
  let last: Evidence | null = null;
  for (const block of blocks) {
    if (block.type === "heading") count.heading++;
    if (block.type === "item") count.item++;
    if (block.task) count.task++;
    if (block.type === "code") count.code++;
    if (block.type === "row") count.row++;
    if (block.type === "code") continue;
    for (const l of block.lines) {
      count.lines++;
      const from = { line: l.line, text: excerpt(l.text) };
      if (/\?\s*$/.test(l.text)) {
        count.question++;
        set("body:has-question", 1, from);
      }
      if (block.type === "paragraph") last = from;
      if (seen >= MAX_BODY_WORDS || block.type === "heading") continue;
      for (const w of tokens(l.text)) {
        if (seen++ >= MAX_BODY_WORDS) break;
        set(`body:${w}`, 1, from);
      }
    }
  }
  const whole = { line: 0, text: "the body's structure" };
  if (!count.lines) set("body:empty", 1, whole);
  set(`count:headings${bucket(count.heading, [0, 2, 5])}`, 1, whole);
  set(`count:items${bucket(count.item, [0, 2, 6])}`, 1, whole);
  set(`count:tasks${bucket(count.task, [0, 2])}`, 1, whole);
  set(`count:code${bucket(count.code, [0, 1])}`, 1, whole);
  set(`count:lines${bucket(count.lines, [2, 6, 15, 40])}`, 1, whole);
  set(`count:questions${bucket(count.question, [0, 1, 3])}`, 1, whole);
  if (last && /\?\s*$/.test(last.text)) set("body:ends-with-question", 1, last);
}
