import { DEFAULT_SETTINGS, type Settings } from "../config/schema.js";
import { classify } from "./classify.js";
import { buildHeadingIndex, detectSections, type Criterion, type HeadingIndex } from "./detect-sections.js";
import { toBlocks } from "./markdown.js";
import { isEmptyTemplate, issueRefList } from "./learned/extract.js";
import { BUILTIN_SECTIONS, SECTION_IDS, type SectionDef } from "./section-defs.js";
import type { Analysis, Evidence, IssueInput, SectionFinding } from "./types.js";

/** Bodies longer than this are cut before analysis (GitHub's own limit is 65,536 characters). */
export const MAX_BODY = 262_144;
const MAX_TITLE = 1_024;

interface Prepared {
  defs: SectionDef[];
  index: HeadingIndex;
}

const prepared = new WeakMap<Settings, Prepared>();

/** Section definitions and the heading index for a settings object, built once per object. */
export function sectionDefs(settings: Settings): SectionDef[] {
  return prepare(settings).defs;
}

export function prepare(settings: Settings): Prepared {
  let p = prepared.get(settings);
  if (!p) {
    const defs: SectionDef[] = [
      ...SECTION_IDS.map((id) => BUILTIN_SECTIONS[id]),
      ...settings.sections.custom.map((c) => ({
        id: c.id,
        title: c.title,
        headings: c.headings,
        hint: c.hint ?? `Add a "${c.title}" section.`,
        builtin: false,
      })),
    ];
    p = { defs, index: buildHeadingIndex(defs, settings.sections.aliases) };
    prepared.set(settings, p);
  }
  return p;
}

/**
 * The issue's own text for each section it provides (up to 40 lines of 400 characters each), for a
 * brief that quotes the issue rather than the checklist's short excerpts.
 */
export function sectionText(input: IssueInput, settings: Settings = DEFAULT_SETTINGS): Record<string, Evidence[]> {
  const title = String(input.title ?? "").slice(0, MAX_TITLE);
  const body = (typeof input.body === "string" ? input.body.slice(0, MAX_BODY) : "").replace(/\r\n?/g, "\n");
  const { defs, index } = prepare(settings);
  const { evidence } = detectSections(toBlocks(body), title, defs, index, { maxEvidence: 40, excerptLength: 400 });
  return Object.fromEntries(evidence);
}

/** The issue's acceptance criteria that are task-list items, with their checked state. */
export function acceptanceCriteria(input: IssueInput, settings: Settings = DEFAULT_SETTINGS): Criterion[] {
  const title = String(input.title ?? "").slice(0, MAX_TITLE);
  const body = (typeof input.body === "string" ? input.body.slice(0, MAX_BODY) : "").replace(/\r\n?/g, "\n");
  const { defs, index } = prepare(settings);
  return detectSections(toBlocks(body), title, defs, index).criteria;
}

/**
 * Classifies an issue and checks its spec. Pure and deterministic: no I/O, the same input always
 * gives the same Analysis. Time is linear in the size of the body.
 */
export function analyze(input: IssueInput, settings: Settings = DEFAULT_SETTINGS): Analysis {
  const title = String(input.title ?? "").slice(0, MAX_TITLE).replace(/\s+/g, " ").trim();
  const rawBody = typeof input.body === "string" ? input.body : "";
  const cut = rawBody.length > MAX_BODY ? rawBody.slice(0, MAX_BODY) : rawBody;
  const body = cut.includes("\r") ? cut.replace(/\r\n?/g, "\n") : cut;
  const { defs, index } = prepare(settings);

  const blocks = toBlocks(body);
  const { evidence, headed } = detectSections(blocks, title, defs, index);
  const present = new Set([...evidence].filter(([, e]) => e.length > 0).map(([id]) => id));

  const result = classify(title, blocks, { present, headed: headed.size, emptyTemplate: isEmptyTemplate(blocks), issueRefList: issueRefList(blocks) }, {
    threshold: settings.classify.threshold,
    ownerPhrases: settings.classify.owner_phrases,
    scopedPhrases: settings.classify.scoped_phrases,
  });

  // A question or a support request is not a work item: it has no scope, contract or criteria to
  // hand off, only the context it describes.
  if (result.classification === "unclear") {
    for (const id of present) if (id !== "context") present.delete(id);
  }

  const required = new Set(settings.sections.required);
  const sections: Record<string, SectionFinding> = {};
  const missing: string[] = [];
  for (const def of defs) {
    const isPresent = present.has(def.id);
    sections[def.id] = { present: isPresent, required: required.has(def.id), evidence: isPresent ? (evidence.get(def.id) ?? []) : [] };
    if (required.has(def.id) && !isPresent) missing.push(def.id);
  }

  const ready = result.classification === "scoped-deliverable" && missing.length === 0;
  const labels =
    result.classification === "scoped-deliverable"
      ? [settings.labels.scoped.name, ready ? settings.labels.ready.name : settings.labels.incomplete.name]
      : result.classification === "needs-owner"
        ? [settings.labels.owner.name]
        : [];

  return { classification: result.classification, score: result.score, signals: result.signals, sections, missing, labels, ready };
}
