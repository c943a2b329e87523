/**
 * What a walk over an issue's blocks has found: the evidence per section, the sections headed, the
 * acceptance criteria, and the context gathered from prose without a heading.
 */

import type { Block, TextLine } from "../markdown.js";
import type { SectionDef } from "../section-defs.js";
import { STATE } from "../lexicon.js";
import { contentWords, excerpt, newWords } from "../text.js";
import type { Evidence } from "../types.js";
import { SENTENCE_END } from "./line-tests.js";
import { CONTEXT_STATE_WORDS, CONTEXT_WORDS, describes } from "./scope-cues.js";

/** A checklist item of the acceptance criteria, with its state in the issue. */
export interface Criterion {
  line: number;
  text: string;
  checked: boolean;
}

/** Most criteria reported for one issue. */
const MAX_CRITERIA = 100;

export interface SectionsFound {
  evidence: Map<string, Evidence[]>;
  /** Task-list items that are acceptance criteria, in order. */
  criteria: Criterion[];
  /** Sections the body has a heading for, filled or not: the shape of a spec template. */
  headed: Set<string>;
  /** The sections each heading block declares: `headingSections` of its text. */
  declared: Map<Block, string[]>;
}

/** The evidence found so far, per section, capped, with the criteria and the context gathered. */
export class SectionEvidence {
  readonly evidence = new Map<string, Evidence[]>();
  /** Per section, the lines already quoted as its evidence. */
  private readonly quoted = new Map<string, Set<number>>();
  readonly headed = new Set<string>();
  readonly declared = new Map<Block, string[]>();
  readonly criteria: Criterion[] = [];
  protected readonly titleSet: Set<string>;
  // Context without a heading: descriptive prose, with at least one line about what is there today.
  private contextWords = 0;
  private contextState = false;
  private readonly contextCandidates: TextLine[] = [];
  private readonly contextLead: TextLine[] = [];

  constructor(
    title: string,
    defs: SectionDef[],
    private readonly maxEvidence: number,
    private readonly excerptLength: number,
  ) {
    for (const def of defs) {
      this.evidence.set(def.id, []);
      this.quoted.set(def.id, new Set());
    }
    this.titleSet = new Set(contentWords(title));
  }

  protected add(id: string, l: TextLine): void {
    const list = this.evidence.get(id);
    if (!list || list.length >= this.maxEvidence) return;
    const quoted = this.quoted.get(id)!;
    if (quoted.has(l.line)) return;
    quoted.add(l.line);
    list.push({ line: l.line, text: excerpt(l.text, this.excerptLength) });
  }

  /**
   * Once a section has all the evidence it will show, its detectors are skipped: that keeps long
   * bodies cheap. Results do not change: evidence is capped at the same number.
   */
  protected full(id: string): boolean {
    return (this.evidence.get(id)?.length ?? 0) >= this.maxEvidence;
  }

  /** Acceptance evidence from a task-list item is also one of the criteria. */
  protected accept(block: Block, l: TextLine): void {
    this.add("acceptance", l);
    if (block.task && this.criteria.length < MAX_CRITERIA && !this.criteria.some((c) => c.line === l.line)) {
      this.criteria.push({ line: l.line, text: l.text, checked: block.task.checked });
    }
  }

  /** Context is still short of what it needs. */
  protected gatheringContext(): boolean {
    return this.contextWords < CONTEXT_WORDS || this.contextLead.length + this.contextCandidates.length < 3;
  }

  /** Sentence by sentence: "We run it on k3s. What's the right way to set this up?" describes, then asks. */
  protected gather(text: string, l: TextLine): void {
    let n = 0;
    let state = false;
    for (const sentence of text.split(SENTENCE_END)) {
      if (!describes(sentence)) continue;
      n += newWords(sentence, this.titleSet);
      if (!state && STATE.test(sentence)) state = true;
    }
    this.contextWords += n;
    if (state) this.contextState = true;
    if (n >= 3) (state ? this.contextLead : this.contextCandidates).push(l);
  }

  /** Without context under a heading, the prose gathered is the context when there is enough of it. */
  protected addGatheredContext(): void {
    const enough = (this.contextState && this.contextWords >= CONTEXT_STATE_WORDS) || this.contextWords >= CONTEXT_WORDS;
    if (!this.evidence.get("context")?.length && enough) {
      for (const l of [...this.contextLead, ...this.contextCandidates].slice(0, 3)) this.add("context", l);
    }
  }

  /** What was found. */
  protected found(): SectionsFound {
    return { evidence: this.evidence, headed: this.headed, declared: this.declared, criteria: this.criteria };
  }
}
