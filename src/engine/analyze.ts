import { DEFAULT_SETTINGS, type Settings } from "../config/schema.js";
import { bugReportParts } from "./bug-report.js";
import { detectSections, type Criterion } from "./detect-sections.js";
import { kindOfWork, type KindOfWork } from "./kind-of-work.js";
import { extract, type Extracted } from "./learned/extract.js";
import { MODEL_PATH, readModel, type Model } from "./learned/model.js";
import { judge, type Judgement } from "./learned/predict.js";
import { toBlocks } from "./markdown.js";
import { prepare, type Prepared } from "./prepare.js";
import { excerpt } from "./text.js";
import type { Analysis, Classification, Evidence, IssueInput, SectionFinding, Signal } from "./types.js";

/** The trained models, read once when the engine is loaded; `npm run train` writes the file. */
const SHIPPED_MODEL = readModel(MODEL_PATH);

export { prepare, sectionDefs } from "./prepare.js";

/** Bodies longer than this are cut before analysis (GitHub's own limit is 65,536 characters). */
export const MAX_BODY = 262_144;
const MAX_TITLE = 1_024;

/** The issue's title and body as the engine reads them: cut to size, line endings unified. */
function normalise(input: IssueInput): { title: string; body: string } {
  const title = String(input.title ?? "").slice(0, MAX_TITLE).replace(/\s+/g, " ").trim();
  const raw = typeof input.body === "string" ? input.body : "";
  const cut = raw.length > MAX_BODY ? raw.slice(0, MAX_BODY) : raw;
  return { title, body: cut.includes("\r") ? cut.replace(/\r\n?/g, "\n") : cut };
}

interface Reading {
  extracted: Extracted;
  judged: Judgement;
  /**
   * Every section the issue provides, with all its lines: built-in ones by the line models (and a bug
   * report's labelled parts), custom ones by their headings.
   */
  found: Map<string, Evidence[]>;
  /** The first labelled line of a bug report that states both what happens and what is expected. */
  bugReport: Evidence | null;
}

function read(input: IssueInput, settings: Settings, model: Model, { defs, index }: Prepared = prepare(settings)): Reading {
  const { title, body } = normalise(input);
  const extracted = extract(title, body, { defs, index, ownerPhrases: settings.classify.owner_phrases, scopedPhrases: settings.classify.scoped_phrases });
  const judged = judge(extracted, model);
  const bug = bugReportParts(extracted.blocks);
  const found = new Map<string, Evidence[]>();
  for (const def of defs) {
    const judgedLines = judged.sections.get(def.id);
    const modelLines = def.builtin ? (judgedLines?.present ? judgedLines.lines.map((l) => ({ line: l.line, text: l.text })) : []) : (extracted.ruleEvidence.get(def.id) ?? []);
    // The author's own heading first, then what the models found elsewhere.
    const underHeading = def.builtin && extracted.headed.has(def.id) ? headed(extracted, def.id) : [];
    const quoted = new Set(underHeading.map((h) => h.line));
    const lines = [...underHeading, ...modelLines.filter((l) => !quoted.has(l.line))];
    const labelled = def.id === "context" || def.id === "acceptance" ? bug[def.id].filter((b) => !lines.some((l) => l.line === b.line)) : [];
    if (lines.length + labelled.length) found.set(def.id, [...lines, ...labelled]);
  }
  const bugReport = bug.context.length && bug.acceptance.length ? [...bug.context, ...bug.acceptance].sort((a, b) => a.line - b.line)[0]! : null;
  return { extracted, judged, found, bugReport };
}

/**
 * Lines under a heading that names the section which the section's detectors also accept as its
 * content: a section written under its own heading is there, whatever the models make of its words.
 */
function headed(extracted: Extracted, id: string): Evidence[] {
  const accepted = new Set((extracted.ruleEvidence.get(id) ?? []).map((e) => e.line));
  const under = `under:${id}`;
  return extracted.units.filter((u) => accepted.has(u.line) && u.features.includes(under)).map((u) => ({ line: u.line, text: u.text }));
}

/**
 * The issue's own text for each section it provides (up to 40 lines of 400 characters each), for a
 * brief that quotes the issue rather than the checklist's short excerpts.
 */
export function sectionText(input: IssueInput, settings: Settings = DEFAULT_SETTINGS): Record<string, Evidence[]> {
  const { found } = read(input, settings, SHIPPED_MODEL);
  const byLine = (a: Evidence, b: Evidence) => a.line - b.line;
  return Object.fromEntries([...found].map(([id, lines]) => [id, [...lines].sort(byLine).slice(0, 40).map((l) => ({ line: l.line, text: excerpt(l.text, 400) }))]));
}

/** The issue's acceptance criteria that are task-list items, with their checked state. */
export function acceptanceCriteria(input: IssueInput, settings: Settings = DEFAULT_SETTINGS): Criterion[] {
  const { title, body } = normalise(input);
  const { defs, index } = prepare(settings);
  return detectSections(toBlocks(body), title, defs, index).criteria;
}

/** How far a settings phrase moves the class, in log-odds: about five times the odds. */
const PHRASE_SHIFT = 1.6;
/** Lines quoted per section in the Analysis. */
const EVIDENCE_LINES = 5;

/** The class probabilities moved by the repository's own phrases, which the models never saw. */
function withPhrases(probabilities: Record<Classification, number>, ruleSignals: Signal[]): { probabilities: Record<Classification, number>; signals: Signal[] } {
  const phrases = ruleSignals.filter((s) => s.kind === "owner:phrase" || s.kind === "scoped:phrase");
  if (!phrases.length) return { probabilities, signals: [] };
  const logit = { ...probabilities };
  const signals: Signal[] = [];
  for (const s of phrases) {
    const c: Classification = s.kind === "owner:phrase" ? "needs-owner" : "scoped-deliverable";
    logit[c] *= Math.exp(PHRASE_SHIFT);
    signals.push({ kind: `settings:${s.kind}`, weight: s.kind === "owner:phrase" ? -PHRASE_SHIFT : PHRASE_SHIFT, evidence: s.evidence });
  }
  const sum = logit["needs-owner"] + logit["scoped-deliverable"] + logit.unclear;
  return { probabilities: { "needs-owner": logit["needs-owner"] / sum, "scoped-deliverable": logit["scoped-deliverable"] / sum, unclear: logit.unclear / sum }, signals };
}

/** The likeliest class, unless a label would rest on less confidence than the threshold. */
export function decide(probabilities: Record<Classification, number>, threshold: number): Classification {
  let best: Classification = "unclear";
  for (const c of CLASSES) if (probabilities[c] > probabilities[best]) best = c;
  return best !== "unclear" && probabilities[best] < threshold ? "unclear" : best;
}

const CLASSES: Classification[] = ["needs-owner", "scoped-deliverable", "unclear"];

/** Required sections the kind of work does not need: kept in the checklist as recommended. */
function relaxedFor(kind: KindOfWork): Set<string> {
  const out = new Set<string>();
  if (!kind.touchesInterface) out.add("contract");
  if (kind.kind === "bug fix") {
    out.add("scope");
    out.add("done");
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Classifies an issue and checks its spec. Pure and deterministic: no I/O after the model is loaded,
 * the same input always gives the same Analysis. Time is linear in the size of the body.
 */
export function analyze(input: IssueInput, settings: Settings = DEFAULT_SETTINGS): Analysis {
  return analyzeWith(SHIPPED_MODEL, input, settings);
}

/** `analyze` with other models than the shipped ones: for cross-validation, which fits a model per fold. */
export function analyzeWith(model: Model, input: IssueInput, settings: Settings = DEFAULT_SETTINGS): Analysis {
  const prepared = prepare(settings);
  const { extracted, judged, found, bugReport } = read(input, settings, model, prepared);
  const { defs } = prepared;
  const moved = withPhrases(judged.probabilities, extracted.rule.signals);
  const probabilities = moved.probabilities;
  const classification = decide(probabilities, settings.classify.threshold);

  // A question or a support request is not a work item: it has no scope, contract or criteria to
  // hand off, only the context it describes.
  const present = new Set(found.keys());
  if (classification === "unclear") for (const id of present) if (id !== "context") present.delete(id);

  const kind = kindOfWork(extracted.title, extracted.blocks, { hasContract: present.has("contract"), bugReport: bugReport && { line: bugReport.line, text: excerpt(bugReport.text) } });
  const relaxed = settings.sections.fit_to_kind && classification === "scoped-deliverable" ? relaxedFor(kind) : new Set<string>();
  const required = new Set(settings.sections.required.filter((id) => !relaxed.has(id)));
  const sections: Record<string, SectionFinding> = {};
  const missing: string[] = [];
  for (const def of defs) {
    const isPresent = present.has(def.id);
    const evidence = isPresent ? found.get(def.id)!.slice(0, EVIDENCE_LINES).map((l) => ({ line: l.line, text: excerpt(l.text) })) : [];
    sections[def.id] = { present: isPresent, required: required.has(def.id), evidence };
    if (required.has(def.id) && !isPresent) missing.push(def.id);
  }

  const ready = classification === "scoped-deliverable" && missing.length === 0;
  const labels =
    classification === "scoped-deliverable"
      ? [settings.labels.scoped.name, ready ? settings.labels.ready.name : settings.labels.incomplete.name]
      : classification === "needs-owner"
        ? [settings.labels.owner.name]
        : [];
  const signals = [...moved.signals, ...judged.signals];
  const rounded = Object.fromEntries(CLASSES.map((c) => [c, round(probabilities[c])])) as Record<Classification, number>;
  return {
    classification,
    score: round(probabilities["scoped-deliverable"] - probabilities["needs-owner"]),
    probabilities: rounded,
    kind: { name: kind.kind, touchesInterface: kind.touchesInterface, relaxed: [...relaxed].filter((id) => settings.sections.required.includes(id)), evidence: kind.evidence },
    signals,
    sections,
    missing,
    labels,
    ready,
  };
}
