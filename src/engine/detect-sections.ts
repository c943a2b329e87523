import type { Block, TextLine } from "./markdown.js";
import { normaliseHeading, NEUTRAL_HEADINGS, type SectionDef } from "./section-defs.js";
import {
  BOUNDARY, CAPACITY, CHECK_VERB, REQUIRED, SECURITY, CLI_FLAG, CONSTRAINT, CONSTRAINT_TABLE_HEADER, VAGUE_EXPECTATION, CONTRACT_TABLE_HEADER, DEADLINE, DEPENDENCY, DONE, EVENT_NAME, EXPECTATION, LABELLED_SHAPE, OBSERVED_5XX,
  GHERKIN_STRICT, HEADER, ISSUE_REF_LEAD, ISSUE_REF_ONLY, METHOD_PATH, NOT_SCHEMA_CODE, RATE, ROUTE, SCHEMA_CODE, SIGNATURE, STATE,
  TODO_VERB, expectsStatus, STATUS_CODE, FINITE_VERB, TYPED_FIELD, CONDITION_VERB, systemMust,
} from "./lexicon.js";
import { group, pattern } from "./pattern.js";
import { contentWords, excerpt, isPlaceholder, isPlaceholderLine, newWords } from "./text.js";
import type { Evidence } from "./types.js";

/** Evidence kept per section: enough to show the author, bounded so the comment stays small. */
const MAX_EVIDENCE = 3;

export interface DetectOptions {
  /** Evidence kept per section (default 3: what the comment shows). */
  maxEvidence?: number;
  /** Longest excerpt per line (default 100). */
  excerptLength?: number;
  /** The body's prose lines that are placeholders, when already known (see `placeholderLines`). */
  placeholders?: ReadonlySet<TextLine>;
}
const SCHEMA_LANGS = new Set([
  "json", "jsonc", "json5", "graphql", "gql", "proto", "protobuf", "http", "prisma", "avro", "openapi", "swagger",
  "jsonschema",
]);
const GHERKIN_LANGS = new Set(["gherkin", "feature", "cucumber"]);

interface Heading {
  level: number;
  sections: string[];
}

export interface HeadingIndex {
  exact: Map<string, string[]>;
  /** Multi-word aliases matched inside a longer heading ("Deliverables & Acceptance Criteria"). */
  phrases: Array<{ phrase: string; id: string }>;
}

export function buildHeadingIndex(defs: SectionDef[], extra: Record<string, string[]>): HeadingIndex {
  const exact = new Map<string, string[]>();
  const phrases: Array<{ phrase: string; id: string }> = [];
  const add = (alias: string, id: string) => {
    const key = normaliseHeading(alias);
    if (!key) return;
    const ids = exact.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    exact.set(key, ids);
    if (key.includes(" ") || key.length >= 9) phrases.push({ phrase: key, id });
  };
  for (const def of defs) {
    add(def.title, def.id);
    add(def.id, def.id);
    for (const h of def.headings) add(h, def.id);
    for (const h of extra[def.id] ?? []) add(h, def.id);
  }
  // Longest first, so "acceptance criteria" wins over "criteria".
  phrases.sort((a, b) => b.phrase.length - a.phrase.length);
  return { exact, phrases };
}

/** The sections a heading declares: an alias, a heading about boundaries, or aliases inside a longer heading. */
export function headingSections(text: string, index: HeadingIndex): string[] {
  const key = normaliseHeading(text);
  if (!key) return [];
  const exact = index.exact.get(key);
  if (exact) return exact;
  // "Not on this roadmap", "What is not included", "What should be synced": the boundaries and the deliverable.
  if (OUT_HEADING.test(key) || WHAT_HEADING.test(key)) return ["scope"];
  if (NEUTRAL_HEADINGS.has(key)) return [];
  const found: string[] = [];
  let rest = ` ${key} `;
  for (const { phrase, id } of index.phrases) {
    // What is left of the heading is a part of it: a phrase the heading lacks cannot be there.
    if (!key.includes(phrase)) continue;
    const at = rest.indexOf(` ${phrase} `);
    if (at >= 0) {
      if (!found.includes(id)) found.push(id);
      rest = rest.slice(0, at) + " | " + rest.slice(at + phrase.length + 2);
    }
  }
  return found;
}

/** Headings and lead-ins whose lists are not the deliverable: reproduction steps, options to choose from. */
const NOT_SCOPE_LEAD = new RegExp(`\\b${group([
  "reproduce", "repro", "steps", "notes?", "priorities", "pain points", "problems we see", "wishes", "between",
  "benefits", "outcomes?", "impact", "advantages", "pros", "cons", "risks", "options?", "alternatives?", "choices",
  "camps", "approaches", "candidates", "proposals", "variants", "possibilities", "trade-?offs?", "known so far",
  "what (?:we|i) (?:tried|know|see)", "tried", "symptoms", "observations", "findings", "themes", "ideas",
  "questions", "examples?", "optionen", "opciones", "opções",
])}\\b`, "i");
/** The sentence stops naming the deliverable where its purpose starts ("…, so that incidents are triaged, communicated and resolved"). */
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
const NO_CONTENT = new RegExp(`^\\W*${group([
  "nothing", "none", "not (?:yet )?(?:known|defined|decided|clear)", "tbd", "to be (?:defined|decided|confirmed)",
])}\\b(?: concrete| specific)?(?: yet| so far| for now| at the moment)?\\s*[.!:;]`, "i");

const OUT_HEADING = new RegExp(`^${group([
  "not (?:in|on|part of)", "what (?:is|s) not", "excluded", "exclusions", "won t do", "will not do",
  "nicht enthalten", "fuera de alcance", "fora do escopo", "hors (?:du )?périmètre",
])}\\b`);
const WHAT_HEADING = new RegExp(`^what ${group([
  "should", "needs to", "must", "will", "we want to", "we need to",
])} be ${group([
  "built", "done", "delivered", "synced", "changed", "added", "implemented", "migrated", "exported", "imported",
])}\\b`);

/** New words needed for context without a heading: with a line about today's state, and without. */
const CONTEXT_STATE_WORDS = 6;
const CONTEXT_WORDS = 30;

/** A line that describes, rather than asks, orders or expects. */
function describes(text: string): boolean {
  return !/[?？]\s*$/.test(text) && !TODO_VERB.test(text) && !expectsStatus(text) && !GREETING.test(text);
}
const SENTENCE_END = /(?<=[.!?。！？])\s+/;
const GREETING = /^\W*(?:hi|hello|hey|hola|olá|bonjour|hallo)\b/i;

/** "Expected: …", "Erwartet: …": the expected behaviour, stated. */
const EXPECTED_LEAD = new RegExp(`^\\W*${group([
  "expected(?: behaviou?r| result| output)?", "should", "esperado", "attendu", "atteso", "erwartet", "verwacht",
  "beklenen", "oczekiwane", "förväntat", "ожидается", "ожидаемое", "očekávané", "diharapkan", "kỳ vọng", "mong đợi",
  "अपेक्षित", "期待される動作", "예상 결과",
])}\\s*[:：]\\s*`, "i");
/** Table headers whose rows state expected values: "should be", "expected". */
const EXPECTED_TABLE_HEADER = /\b(?:should be|expected|esperado|attendu|atteso|erwartet|verwacht)\b/i;

/** Whether a line reads as a condition to check rather than a thing to do. */
function isCondition(text: string): boolean {
  if (CHECK_VERB.test(text)) return true;
  // "Local SQLite cache for projects" names a piece to deliver; "the cache survives a restart" is a condition.
  return !TODO_VERB.test(text) && FINITE_VERB.test(text);
}


/** "the phone number, the messaging service and an SMS module": three or more pieces named. Tried last: its bounded repeats are the costliest test here. */
const ENUMERATION = /[^,]{2,80},[^,]{2,80},?\s+(?:and|or|und|et|e|y)\s+\S/;

/** An enumeration of three or more pieces in a sentence that delivers them, beyond what the title says. */
function namesPieces(text: string, titleSet: Set<string>): boolean {
  const purpose = PURPOSE.exec(text);
  const pieces = purpose ? text.slice(0, purpose.index) : text;
  if (!pieces.includes(",")) return false;
  if (!TODO_VERB.test(pieces) && !DELIVERS.test(pieces)) return false;
  return ENUMERATION.test(pieces) && newWords(pieces, titleSet) >= 5;
}



function codeIsContract(block: Block): boolean {
  if (block.lang && SCHEMA_LANGS.has(block.lang)) return true;
  const first = block.lines[0]?.text ?? "";
  if (NOT_SCHEMA_CODE.test(first)) return false;
  const n = Math.min(block.lines.length, 30);
  for (let i = 0; i < n; i++) if (SCHEMA_CODE.test(block.lines[i]!.text)) return true;
  return false;
}

function isConstraint(text: string): boolean {
  if (CONSTRAINT.test(text) || DEADLINE.test(text)) return true;
  // A security measure counts when the same sentence requires it.
  if (!SECURITY.test(text)) return false;
  return text.split(SENTENCE_END).some((s) => SECURITY.test(s) && (REQUIRED.test(s) || TODO_VERB.test(s)));
}

/** The tests several detectors ask of the same line, each run once, the first time it is asked. */
class LineTests {
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
function contractLine(tests: LineTests): boolean {
  const text = tests.text;
  if (OBSERVED_5XX.test(text) && !EXPECTATION.test(text)) return false;
  if (METHOD_PATH.test(text) || LABELLED_SHAPE.test(text)) return true;
  if (tests.expectsCode()) return true;
  if (EVENT_NAME.test(text) || HEADER.test(text) || SIGNATURE.test(text) || TYPED_FIELD.test(text) || CLI_FLAG.test(text)) return true;
  return (RATE.test(text) && !CAPACITY.test(text)) || ROUTE.test(text);
}

/** "Expected: the export lists every invoice of the month": an expected behaviour, stated and specific. */
function statesExpected(text: string): boolean {
  return EXPECTED_LEAD.test(text) && !VAGUE_EXPECTATION.test(text.replace(EXPECTED_LEAD, "")) && contentWords(text).length >= 4;
}

/** The line states a verifiable expectation: Given/When/Then, an expected status, a "must" about the system. */
function acceptanceLine(tests: LineTests): boolean {
  const text = tests.text;
  if (GHERKIN_STRICT.test(text)) return true;
  if (tests.expectsStatus()) return true;
  const states = systemMust(text) || statesExpected(text);
  // A bound on how it must behave ("p95 must stay under 300 ms") is a constraint, not a criterion.
  if (states) return !tests.isConstraint();
  return CHECK_VERB.test(text) && contentWords(text).length >= 3;
}

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

/** The walk over an issue's blocks: the headings in force, what has been found, and context gathered so far. */
class SectionScan {
  readonly evidence = new Map<string, Evidence[]>();
  /** Per section, the lines already quoted as its evidence. */
  private readonly quoted = new Map<string, Set<number>>();
  readonly headed = new Set<string>();
  readonly declared = new Map<Block, string[]>();
  readonly criteria: Criterion[] = [];
  private readonly titleSet: Set<string>;
  private readonly stack: Heading[] = [];
  // Context without a heading: descriptive prose, with at least one line about what is there today.
  private contextWords = 0;
  private contextState = false;
  private readonly contextCandidates: TextLine[] = [];
  private readonly contextLead: TextLine[] = [];
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
    private readonly maxEvidence: number,
    private readonly excerptLength: number,
    private readonly placeholders?: ReadonlySet<TextLine>,
  ) {
    for (const def of defs) {
      this.evidence.set(def.id, []);
      this.quoted.set(def.id, new Set());
    }
    this.titleSet = new Set(contentWords(title));
  }

  private add(id: string, l: TextLine): void {
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
  private full(id: string): boolean {
    return (this.evidence.get(id)?.length ?? 0) >= this.maxEvidence;
  }

  /** Sentence by sentence: "We run it on k3s. What's the right way to set this up?" describes, then asks. */
  private gather(text: string, l: TextLine): void {
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

  /** Acceptance evidence from a task-list item is also one of the issue's criteria. */
  private accept(block: Block, l: TextLine): void {
    this.add("acceptance", l);
    if (block.task && this.criteria.length < MAX_CRITERIA && !this.criteria.some((c) => c.line === l.line)) {
      this.criteria.push({ line: l.line, text: l.text, checked: block.task.checked });
    }
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
        gatheringContext: this.contextWords < CONTEXT_WORDS || this.contextLead.length + this.contextCandidates.length < 3,
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
    const enough = (this.contextState && this.contextWords >= CONTEXT_STATE_WORDS) || this.contextWords >= CONTEXT_WORDS;
    if (!this.evidence.get("context")?.length && enough) {
      for (const l of [...this.contextLead, ...this.contextCandidates].slice(0, 3)) this.add("context", l);
    }
    return { evidence: this.evidence, headed: this.headed, declared: this.declared, criteria: this.criteria };
  }
}

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

/** A list item that can be a piece of the deliverable: not a placeholder, a question, a reference or an interface part. */
function isTodoItem(text: string): boolean {
  return !isPlaceholder(text) && !text.includes("?") && !ISSUE_REF_LEAD.test(text) && !contractLine(new LineTests(text));
}

/**
 * Finds the evidence for every section. A heading declares what its content should be; the content
 * still has to be real (not a placeholder, not the title again) and is judged for what it is: a
 * "Definition of done" that lists deliverables counts as scope, acceptance criteria that only say
 * "docs updated" count as done.
 */
export function detectSections(blocks: Block[], title: string, defs: SectionDef[], index: HeadingIndex, options: DetectOptions = {}): SectionsFound {
  const scan = new SectionScan(title, defs, index, options.maxEvidence ?? MAX_EVIDENCE, options.excerptLength ?? 100, options.placeholders);
  for (let b = 0; b < blocks.length; b++) scan.block(blocks[b]!, blocks[b + 1]);
  return scan.finish();
}

function innermost(stack: Heading[]): string[] {
  for (let i = stack.length - 1; i >= 0; i--) {
    const h = stack[i]!;
    if (h.sections.length) return h.sections;
  }
  return [];
}
