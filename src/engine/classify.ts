import type { Block, TextLine } from "./markdown.js";
import { CONSTRAINT, expectsStatus, OWNER_SIGNALS, SCOPED_SIGNALS, UNCLEAR_SIGNALS, type SignalPattern } from "./lexicon.js";
import { literal } from "./pattern.js";
import { excerpt, isPlaceholderLine } from "./text.js";
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
  /** The body's prose lines that are placeholders, when already known (see `placeholderLines`). */
  placeholders?: ReadonlySet<TextLine>;
}

export interface ClassifyResult {
  classification: Classification;
  score: number;
  signals: Signal[];
}

/** "all", "every": a title that speaks of everything. */
const ALL = /\b(?:all|every|each|any)\b/i;
/** A line that ends by asking. */
const ENDS_ASKING = /\?\s*$/;

/** A character that is neither a letter nor a digit, in any script: a phrase's edge. */
const NOT_WORD = "[^\\p{L}\\p{N}]";

function phrasePatterns(phrases: string[], kind: string, weight: number): SignalPattern[] {
  return phrases
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind, weight, re: new RegExp(`(?:^|${NOT_WORD})${literal(p)}(?:$|${NOT_WORD})`, "iu") }));
}

/** Patterns tested once each, in order, against the title and the lines of an issue's prose. */
class PhraseScan {
  readonly signals: Signal[] = [];
  /** The first line that states the status a fix should give. */
  expected: Evidence | null = null;
  private readonly seen = new Set<SignalPattern>();

  constructor(private readonly patterns: SignalPattern[]) {}

  test(text: string, line: number, inTitle: boolean): void {
    for (const p of this.patterns) {
      if (this.seen.has(p)) continue;
      if (p.titleOnly && !inTitle) continue;
      if (!p.re.test(text)) continue;
      this.seen.add(p);
      // A signal in the title weighs half as much again.
      const weight = inTitle && !p.titleOnly && !p.kind.startsWith("unclear:") ? Math.round(p.weight * 1.5) : p.weight;
      this.signals.push({ kind: p.kind, weight, evidence: { line, text: excerpt(inTitle ? `title: ${text}` : text) } });
    }
  }

  expects(text: string, line: number): void {
    if (!this.expected && expectsStatus(text)) this.expected = { line, text: excerpt(line ? text : `title: ${text}`) };
  }

  /**
   * One pass over all the prose and headings per pattern: a pattern that matches nowhere is not tried
   * line by line. Anchored patterns are left to the per-line pass, where their anchors mean line edges.
   */
  skipAbsent(blocks: Block[]): void {
    const prose: string[] = [];
    for (const block of blocks) {
      if (block.type === "code") continue;
      for (const l of block.lines) prose.push(l.text);
    }
    // The separator stops lookarounds such as `(?!\s*#)` from seeing into the next line.
    const joined = prose.join("\n\u0000\n");
    for (const p of this.patterns) {
      if (this.seen.has(p) || p.titleOnly || p.re.source.includes("^") || p.re.source.includes("$")) continue;
      if (!p.re.test(joined)) this.seen.add(p);
    }
  }
}

/** The signals of the title and the prose, and the first expected status, in the order they are found. */
function phraseSignals(title: string, blocks: Block[], patterns: SignalPattern[], placeholders?: ReadonlySet<TextLine>): { signals: Signal[]; expected: Evidence | null } {
  const scan = new PhraseScan(patterns);
  scan.test(title, 0, true);
  scan.expects(title, 0);
  // A title that is itself a bound over everything ("p95 under 200 ms for all endpoints") is a standing requirement.
  if (CONSTRAINT.test(title) && ALL.test(title)) {
    scan.signals.push({ kind: "owner:standing", weight: -4, evidence: { line: 0, text: `title: ${excerpt(title)}` } });
  }
  scan.skipAbsent(blocks);
  let lastProse: Evidence | null = null;
  for (const block of blocks) {
    if (block.type === "code" || block.type === "heading") continue;
    for (const l of block.lines) {
      if (isPlaceholderLine(l, placeholders)) continue;
      scan.test(l.text, l.line, false);
      scan.expects(l.text, l.line);
      if (block.type === "paragraph") lastProse = { line: l.line, text: l.text };
    }
  }
  // A body that ends by asking something leaves the decision to the reader.
  if (lastProse && ENDS_ASKING.test(lastProse.text)) {
    scan.signals.push({ kind: "unclear:ends-with-question", weight: 2, evidence: { line: lastProse.line, text: excerpt(lastProse.text) } });
  }
  // Headings name the work too ("## Runbook", "## Epic: …"), at the weight of body text.
  for (const block of blocks) {
    if (block.type !== "heading") continue;
    for (const l of block.lines) scan.test(l.text, l.line, false);
  }
  return { signals: scan.signals, expected: scan.expected };
}

/** Signals from the shape of the issue rather than its phrases, weighed against those already found. */
function structuralSignals(title: string, blocks: Block[], facts: ClassifyFacts, found: Signal[], expected: Evidence | null): Signal[] {
  const signals = [...found];
  const push = (kind: string, weight: number, evidence: Evidence) => signals.push({ kind, weight, evidence });
  const said = (text: string): Evidence => ({ line: 0, text });
  // A bug report that states the expected behaviour has a finish line, whatever its symptoms.
  if (expected) push("scoped:expected-behaviour", 3, expected);
  if (facts.present.has("contract")) push("scoped:interface", 2, said("the body specifies an interface"));
  // A stated deliverable, conditions to check or a definition of done: the work has a finish line.
  // These two speak of the shape of the spec, not the kind of work: a well-written on-call policy
  // still needs an owner, so they count only where nothing points to ownership.
  const owned = signals.some((s) => s.weight <= -2);
  const finish = ["scope", "acceptance", "done"].filter((id) => facts.present.has(id));
  // Headings of a spec template (context, scope, contract, acceptance…), even half filled, frame a deliverable.
  if (facts.headed >= 3 && !owned && !facts.emptyTemplate) {
    push("scoped:spec-template", 1, said(`the body has headings for ${facts.headed} spec sections`));
  }
  if (finish.length && !owned) push("scoped:finish-line", Math.min(2, finish.length), said(`the body states its ${finish.join(", ")}`));
  if (facts.issueRefList) push("owner:tracking-list", -3, facts.issueRefList);
  if (facts.emptyTemplate) push("unclear:empty-template", 3, said("every field of the template is empty"));

  // A title that states something to do, with nothing that makes it a question or a discussion, is a
  // work item: a small push toward a deliverable, which the owner signals outweigh when present.
  const asks = signals.some((s) => s.kind.startsWith("unclear:"));
  // An issue written only in its title names the work and nothing else: a stronger push.
  const bare = !blocks.some((b) => b.type !== "heading" && b.lines.length > 0);
  if (!asks && !owned && title.trim() !== "" && !facts.emptyTemplate) {
    push("scoped:work-item", bare ? 2 : 1, said(`title: ${excerpt(title)}`));
  }
  return signals;
}

/** The class the signals add up to: unclear signals win when they outweigh the rest; otherwise the score's sign past the threshold. */
function verdict(signals: Signal[], threshold: number): { classification: Classification; score: number } {
  // A question about a design to choose is a decision to make, not a support question.
  const decision = signals.some((s) => s.kind === "owner:architecture");
  let score = 0;
  let unclear = 0;
  for (const s of signals) {
    if (!s.kind.startsWith("unclear:")) score += s.weight;
    else if (!(decision && (s.kind === "unclear:question" || s.kind === "unclear:ends-with-question"))) unclear += s.weight;
  }
  if (unclear >= 2 && unclear >= Math.abs(score)) return { classification: "unclear", score };
  if (score >= threshold) return { classification: "scoped-deliverable", score };
  if (score <= -threshold) return { classification: "needs-owner", score };
  return { classification: "unclear", score };
}

/**
 * Weighs the kind of work from phrases in the title and prose (never code), each pattern counted
 * once, and from a few structural facts. The title counts for more: it names the work.
 */
export function classify(title: string, blocks: Block[], facts: ClassifyFacts, options: ClassifyOptions): ClassifyResult {
  const patterns = [
    ...OWNER_SIGNALS,
    ...phrasePatterns(options.ownerPhrases, "owner:phrase", -3),
    ...SCOPED_SIGNALS,
    ...phrasePatterns(options.scopedPhrases, "scoped:phrase", 3),
    ...UNCLEAR_SIGNALS,
  ];
  const found = phraseSignals(title, blocks, patterns, facts.placeholders);
  const signals = structuralSignals(title, blocks, facts, found.signals, found.expected);
  const { classification, score } = verdict(signals, options.threshold);
  return { classification, score, signals };
}
