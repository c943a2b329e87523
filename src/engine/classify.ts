import type { Block } from "./markdown.js";
import { CONSTRAINT, expectsStatus, OWNER_SIGNALS, SCOPED_SIGNALS, UNCLEAR_SIGNALS, type SignalPattern } from "./lexicon.js";
import { excerpt, isPlaceholder } from "./text.js";
import type { Classification, Evidence, Signal } from "./types.js";

export interface ClassifyOptions {
  threshold: number;
  ownerPhrases: string[];
  scopedPhrases: string[];
}

export interface ClassifyFacts {
  /** Sections found in the body, by id. */
  present: Set<string>;
  /** How many spec sections the body has headings for, filled or not. */
  headed: number;
  /** The body is a template whose fields were all left empty. */
  emptyTemplate: boolean;
  /** Three or more list items that are only references to other issues. */
  issueRefList: Evidence | null;
}

export interface ClassifyResult {
  classification: Classification;
  score: number;
  signals: Signal[];
}

function phrasePatterns(phrases: string[], kind: string, weight: number): SignalPattern[] {
  return phrases
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind, weight, re: new RegExp(`(?:^|[^\\p{L}\\p{N}])${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:$|[^\\p{L}\\p{N}])`, "iu") }));
}

/**
 * Weighs the kind of work from phrases in the title and prose (never code), each pattern counted
 * once, and from a few structural facts. The title counts for more: it names the work.
 */
export function classify(title: string, blocks: Block[], facts: ClassifyFacts, options: ClassifyOptions): ClassifyResult {
  const signals: Signal[] = [];
  const seen = new Set<SignalPattern>();
  const patterns = [
    ...OWNER_SIGNALS,
    ...phrasePatterns(options.ownerPhrases, "owner:phrase", -3),
    ...SCOPED_SIGNALS,
    ...phrasePatterns(options.scopedPhrases, "scoped:phrase", 3),
    ...UNCLEAR_SIGNALS,
  ];

  const test = (text: string, line: number, inTitle: boolean) => {
    for (const p of patterns) {
      if (seen.has(p)) continue;
      if (p.titleOnly && !inTitle) continue;
      const m = p.re.exec(text);
      if (!m) continue;
      seen.add(p);
      // A signal in the title weighs half as much again.
      const weight = inTitle && !p.titleOnly && !p.kind.startsWith("unclear:") ? Math.round(p.weight * 1.5) : p.weight;
      signals.push({ kind: p.kind, weight, evidence: { line, text: excerpt(inTitle ? `title: ${text}` : text) } });
    }
  };

  let expected: Evidence | null = null;
  const expects = (text: string, line: number) => {
    if (!expected && expectsStatus(text)) expected = { line, text: excerpt(line ? text : `title: ${text}`) };
  };

  test(title, 0, true);
  expects(title, 0);
  // A title that is itself a bound over everything ("p95 under 200 ms for all endpoints") is a standing requirement.
  if (CONSTRAINT.test(title) && /\b(?:all|every|each|any)\b/i.test(title)) signals.push({ kind: "owner:standing", weight: -4, evidence: { line: 0, text: `title: ${excerpt(title)}` } });
  // One pass over all the prose and headings per pattern first: a pattern that matches nowhere is not tried line
  // by line. Anchored patterns are left to the per-line pass, where their anchors mean line edges.
  const prose: string[] = [];
  for (const block of blocks) {
    if (block.type === "code") continue;
    for (const l of block.lines) prose.push(l.text);
  }
  // The separator stops lookarounds such as `(?!\s*#)` from seeing into the next line.
  const joined = prose.join("\n\u0000\n");
  for (const p of patterns) {
    if (seen.has(p) || p.titleOnly || p.re.source.includes("^") || p.re.source.includes("$")) continue;
    if (!p.re.test(joined)) seen.add(p);
  }
  let lastProse: Evidence | null = null;
  for (const block of blocks) {
    if (block.type === "code" || block.type === "heading") continue;
    for (const l of block.lines) {
      if (isPlaceholder(l.text)) continue;
      test(l.text, l.line, false);
      expects(l.text, l.line);
      if (block.type === "paragraph") lastProse = { line: l.line, text: l.text };
    }
  }
  // A body that ends by asking something leaves the decision to the reader.
  const ending = lastProse as Evidence | null;
  if (ending && /\?\s*$/.test(ending.text)) signals.push({ kind: "unclear:ends-with-question", weight: 2, evidence: { line: ending.line, text: excerpt(ending.text) } });
  // Headings name the work too ("## Runbook", "## Epic: …"), at the weight of body text.
  for (const block of blocks) {
    if (block.type !== "heading") continue;
    for (const l of block.lines) test(l.text, l.line, false);
  }

  // A bug report that states the expected behaviour has a finish line, whatever its symptoms.
  if (expected) signals.push({ kind: "scoped:expected-behaviour", weight: 3, evidence: expected });
  if (facts.present.has("contract")) {
    signals.push({ kind: "scoped:interface", weight: 2, evidence: { line: 0, text: "the body specifies an interface" } });
  }
  // A stated deliverable, conditions to check or a definition of done: the work has a finish line.
  // These two speak of the shape of the spec, not the kind of work: a well-written on-call policy
  // still needs an owner, so they count only where nothing points to ownership.
  const owned = signals.some((s) => s.weight <= -2);
  const finish = ["scope", "acceptance", "done"].filter((id) => facts.present.has(id));
  // Headings of a spec template (context, scope, contract, acceptance…), even half filled, frame a deliverable.
  if (facts.headed >= 3 && !owned && !facts.emptyTemplate) signals.push({ kind: "scoped:spec-template", weight: 1, evidence: { line: 0, text: `the body has headings for ${facts.headed} spec sections` } });
  if (finish.length && !owned) signals.push({ kind: "scoped:finish-line", weight: Math.min(2, finish.length), evidence: { line: 0, text: `the body states its ${finish.join(", ")}` } });
  if (facts.issueRefList) signals.push({ kind: "owner:tracking-list", weight: -3, evidence: facts.issueRefList });
  if (facts.emptyTemplate) signals.push({ kind: "unclear:empty-template", weight: 3, evidence: { line: 0, text: "every field of the template is empty" } });

  // A title that states something to do, with nothing that makes it a question or a discussion, is a
  // work item: a small push toward a deliverable, which the owner signals outweigh when present.
  const asks = signals.some((s) => s.kind.startsWith("unclear:"));
  // An issue written only in its title names the work and nothing else: a stronger push.
  const bare = !blocks.some((b) => b.type !== "heading" && b.lines.length > 0);
  if (!asks && !owned && title.trim() !== "" && !facts.emptyTemplate) signals.push({ kind: "scoped:work-item", weight: bare ? 2 : 1, evidence: { line: 0, text: `title: ${excerpt(title)}` } });

  // A question about a design to choose is a decision to make, not a support question.
  const decision = signals.some((s) => s.kind === "owner:architecture");
  let score = 0;
  let unclear = 0;
  for (const s of signals) {
    if (!s.kind.startsWith("unclear:")) score += s.weight;
    else if (!(decision && (s.kind === "unclear:question" || s.kind === "unclear:ends-with-question"))) unclear += s.weight;
  }

  let classification: Classification;
  if (unclear >= 2 && unclear >= Math.abs(score)) classification = "unclear";
  else if (score >= options.threshold) classification = "scoped-deliverable";
  else if (score <= -options.threshold) classification = "needs-owner";
  else classification = "unclear";
  return { classification, score, signals };
}
