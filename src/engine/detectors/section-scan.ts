/**
 * The walk over an issue's blocks: the headings in force, the kind of table and list being read,
 * and each block judged for the sections it gives evidence of.
 */

import type { Block, TextLine } from "../markdown.js";
import { normaliseHeading, type SectionDef } from "../section-defs.js";
import {
  BOUNDARY, CONDITION_VERB, CONSTRAINT_TABLE_HEADER, CONTRACT_TABLE_HEADER, DONE, GHERKIN_STRICT, ISSUE_REF_LEAD,
  ISSUE_REF_ONLY, OBSERVED_5XX, STATE, STATUS_CODE, VAGUE_EXPECTATION,
} from "../lexicon.js";
import { isPlaceholder, isPlaceholderLine, newWords } from "../text.js";
import { SectionEvidence, type SectionsFound } from "./evidence.js";
import { headingSections, innermost, type Heading, type HeadingIndex } from "./headings.js";
import {
  EXPECTED_TABLE_HEADER, GHERKIN_LANGS, LineTests, acceptanceLine, codeIsContract, contractLine, isCondition, isTodoItem,
} from "./line-tests.js";
import { NO_CONTENT, NOT_SCOPE_LEAD, namesPieces } from "./scope-cues.js";

/** A prose line with what is judged of it once, for every section. */
interface ProseLine {
  block: Block;
  l: TextLine;
  tests: LineTests;
  isDone: boolean;
  isAcc: boolean;
  /** Context is still short of what it needs. */
  gatheringContext: boolean;
}

/** The walk over an issue's blocks: the headings in force, what has been found, and context gathered so far. */
export class SectionScan extends SectionEvidence {
  private readonly stack: Heading[] = [];
  // The kind of table the current rows belong to, from its header row.
  private contractTable = false;
  private constraintTable = false;
  private expectedTable = false;
  // The list being read, and whether what leads it says it is not the deliverable.
  private listItems: TextLine[] = [];
  private notScopeList = false;
  private headingText = "";

  constructor(
    title: string,
    defs: SectionDef[],
    private readonly index: HeadingIndex,
    maxEvidence: number,
    excerptLength: number,
    private readonly placeholders?: ReadonlySet<TextLine>,
  ) {
    super(title, defs, maxEvidence, excerptLength);
  }

  private flushList(): void {
    // A list of two or more things to do, not under a heading that says otherwise, is the scope.
    // Items that are interface parts ("response: `{…}`") belong to the contract, not the scope.
    const todos = this.notScopeList ? [] : this.listItems.filter((l) => isTodoItem(l.text));
    if (todos.length >= 2) for (const l of todos.slice(0, 3)) this.add("scope", l);
    this.listItems = [];
  }

  block(block: Block, next: Block | undefined): void {
    if (block.type !== "item" && this.listItems.length) this.flushList();
    // A list under "Steps to reproduce" or after "Options on the table:" is not the deliverable.
    if (block.type === "paragraph" || block.type === "html") {
      this.notScopeList = NOT_SCOPE_LEAD.test(this.headingText) || (/[:：]\s*$/.test(block.text) && NOT_SCOPE_LEAD.test(block.text));
    }
    if (block.type !== "row") this.contractTable = false;
    if (block.type === "heading") return this.heading(block);

    const lines = this.plainHeading(block, next);
    if (!lines) return;
    const declared = innermost(this.stack);
    if (block.type === "code") return this.code(block, lines, declared);
    if (block.type === "row") return this.row(block, lines, declared);
    this.prose(block, lines, declared);
  }

  private heading(block: Block): void {
    const text = block.lines[0]?.text ?? "";
    const sections = headingSections(text, this.index);
    this.declared.set(block, sections);
    for (const id of sections) this.headed.add(id);
    this.headingText = text;
    this.notScopeList = NOT_SCOPE_LEAD.test(text);
    while (this.stack.length && this.stack[this.stack.length - 1]!.level >= block.level) this.stack.pop();
    this.stack.push({ level: block.level, sections });
  }

  /**
   * A short plain line naming a section, followed by content, is a heading too ("Acceptance
   * criteria"). Returns the block's lines after such a line (null when none are left), or all of them.
   */
  private plainHeading(block: Block, next: Block | undefined): TextLine[] | null {
    const lines = block.lines;
    if ((block.type !== "paragraph" && block.type !== "html") || lines.length < 1) return lines;
    const first = lines[0]!.text;
    if (first.length > 60 || /[.!?]$/.test(first) || first.split(/\s+/).length > 6) return lines;
    // Only an exact alias: a short sentence that merely contains "scope" is not a heading.
    const sections = this.index.exact.get(normaliseHeading(first));
    if (!sections || (lines.length <= 1 && next?.type === "heading")) return lines;
    while (this.stack.length && this.stack[this.stack.length - 1]!.level >= 7) this.stack.pop();
    this.stack.push({ level: 7, sections });
    for (const id of sections) this.headed.add(id);
    return lines.length > 1 ? lines.slice(1) : null;
  }

  private code(block: Block, lines: TextLine[], declared: string[]): void {
    if (!lines.length) return;
    if (declared.includes("contract") || codeIsContract(block)) this.add("contract", lines[0]!);
    if (block.lang && GHERKIN_LANGS.has(block.lang)) this.add("acceptance", lines[0]!);
    if (declared.includes("done")) for (const l of lines) if (DONE.test(l.text)) this.add("done", l);
  }

  private row(block: Block, lines: TextLine[], declared: string[]): void {
    const l = lines[0];
    if (!l) return;
    if (block.header) {
      this.contractTable = CONTRACT_TABLE_HEADER.test(l.text);
      this.constraintTable = CONSTRAINT_TABLE_HEADER.test(l.text);
      this.expectedTable = EXPECTED_TABLE_HEADER.test(l.text);
      if (declared.length) for (const id of declared) if (id !== "contract" && id !== "acceptance") this.add(id, l);
      return;
    }
    if (isPlaceholder(l.text.replace(/\|/g, " "))) return;
    const tests = new LineTests(l.text);
    if (!this.full("contract") && (this.contractTable || declared.includes("contract") || contractLine(tests))) this.add("contract", l);
    for (const id of declared) if (id !== "contract") this.add(id, l);
    if (!this.full("constraints") && (this.constraintTable || tests.isConstraint())) this.add("constraints", l);
    if (this.expectedTable) this.add("acceptance", l);
  }


  /** Prose: paragraphs, list items, text of HTML blocks. */
  private prose(block: Block, lines: TextLine[], declared: string[]): void {
    const real = lines.filter((l) => !isPlaceholderLine(l, this.placeholders) && !(declared.length && NO_CONTENT.test(l.text)));
    for (const l of real) {
      const tests = new LineTests(l.text);
      const line: ProseLine = {
        block,
        l,
        tests,
        // "Legal has to sign off before work starts" is a dependency, not a sign-off that finishes the work.
        isDone: DONE.test(l.text) && !tests.dependency(),
        isAcc: acceptanceLine(tests),
        gatheringContext: this.gatheringContext(),
      };
      if (!this.full("contract") && contractLine(tests)) this.add("contract", l);
      if (!this.full("dependencies") && tests.dependency()) this.add("dependencies", l);
      if (!this.full("constraints") && tests.isConstraint()) this.add("constraints", l);
      if (declared.length) this.declaredLine(line, declared);
      else this.undeclaredLine(line);
    }
  }

  /** A line under headings that declare sections: judged for what it is against what they promise. */
  private declaredLine({ block, l, tests, isDone, isAcc, gatheringContext }: ProseLine, declared: string[]): void {
    const text = l.text;
    for (const id of declared) {
      switch (id) {
        case "acceptance":
          if (VAGUE_EXPECTATION.test(text) && !isAcc) break;
          if (isDone && !isAcc) this.add("done", l);
          else if (!ISSUE_REF_ONLY.test(text)) this.accept(block, l);
          break;
        case "done":
          if (isDone) this.add("done", l);
          else if (isAcc && block.task) this.accept(block, l);
          else if (newWords(text, this.titleSet) >= 2) this.add("scope", l);
          break;
        case "context":
          // Only a strong expectation (a stated status, Given/When/Then) under a context heading is acceptance.
          if (isAcc && (GHERKIN_STRICT.test(text) || tests.expectsStatus())) this.accept(block, l);
          if (!tests.expectsStatus() && newWords(text, this.titleSet) >= (block.type === "item" ? 2 : 4)) this.add("context", l);
          break;
        case "scope":
          if (block.type === "item" || newWords(text, this.titleSet) >= 4 || BOUNDARY.test(text)) this.add("scope", l);
          if (isDone) this.add("done", l);
          // "Goal: … In the last outage it took us 35 minutes": the why, inside the what.
          if (block.type !== "item" && gatheringContext && STATE.test(text)) this.gather(text, l);
          break;
        default:
          this.add(id, l);
      }
    }
    const has = (id: string) => declared.includes(id);
    if (!has("acceptance") && !has("scope") && !has("context") && !has("constraints") && isAcc) this.accept(block, l);
    if (!has("done") && !has("acceptance") && isDone) this.add("done", l);
  }

  /** Undeclared content: judged only by what it is. */
  private undeclaredLine({ block, l, isDone, isAcc, gatheringContext }: ProseLine): void {
    const text = l.text;
    if (isDone && !ISSUE_REF_LEAD.test(text)) this.add("done", l);
    if (block.type === "item") {
      if (ISSUE_REF_LEAD.test(text)) return;
      // A checkbox that is not a to-do, or a plain item stating behaviour, is a condition to check.
      const states = CONDITION_VERB.test(text) || (STATUS_CODE.test(text) && !OBSERVED_5XX.test(text));
      if (isAcc || (!isDone && !text.includes("?") && isCondition(text) && (block.task || states))) this.accept(block, l);
      else if (!isDone) this.listItems.push(l);
      return;
    }
    if (isAcc) this.accept(block, l);
    if (BOUNDARY.test(text)) this.add("scope", l);
    else if (text.includes(",") && namesPieces(text, this.titleSet)) this.add("scope", l);
    if (!isAcc && gatheringContext) this.gather(text, l);
  }


  finish(): SectionsFound {
    if (this.listItems.length) this.flushList();
    this.addGatheredContext();
    return this.found();
  }
}
