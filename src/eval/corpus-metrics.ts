import { analyze } from "../engine/analyze.js";
import { SECTION_IDS } from "../engine/section-defs.js";
import type { Analysis, Classification } from "../engine/types.js";

/** One labelled issue: the format of `test/fixtures/corpus.jsonl`. */
export interface CorpusRow {
  id: string;
  title: string;
  body: string;
  classification: Classification;
  sections: Record<string, boolean>;
  note?: string;
}

export interface SectionScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface CorpusReport {
  rows: number;
  agreed: number;
  accuracy: number;
  /** confusion[expected][actual] */
  confusion: Record<Classification, Record<Classification, number>>;
  sections: Record<string, SectionScore>;
  misses: Array<{ id: string; expected: Classification; actual: Classification; score: number; title: string }>;
  sectionMisses: Array<{ id: string; section: string; expected: boolean; actual: boolean }>;
}

const CLASSES: Classification[] = ["scoped-deliverable", "needs-owner", "unclear"];

export function parseCorpus(text: string): CorpusRow[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as CorpusRow);
}

/** Runs every row through the engine and scores classification and each section. */
export function scoreCorpus(rows: CorpusRow[], run: (row: CorpusRow) => Analysis = (r) => analyze({ title: r.title, body: r.body })): CorpusReport {
  const confusion = Object.fromEntries(CLASSES.map((e) => [e, Object.fromEntries(CLASSES.map((a) => [a, 0]))])) as CorpusReport["confusion"];
  const counts = Object.fromEntries(SECTION_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const misses: CorpusReport["misses"] = [];
  const sectionMisses: CorpusReport["sectionMisses"] = [];
  let agreed = 0;
  for (const row of rows) {
    const a = run(row);
    confusion[row.classification][a.classification]++;
    if (a.classification === row.classification) agreed++;
    else misses.push({ id: row.id, expected: row.classification, actual: a.classification, score: a.score, title: row.title });
    for (const id of SECTION_IDS) {
      const expected = row.sections[id] === true;
      const actual = a.sections[id]?.present === true;
      const c = counts[id]!;
      if (expected && actual) c.tp++;
      else if (!expected && actual) c.fp++;
      else if (expected && !actual) c.fn++;
      if (expected !== actual) sectionMisses.push({ id: row.id, section: id, expected, actual });
    }
  }
  const sections: Record<string, SectionScore> = {};
  for (const [id, c] of Object.entries(counts)) {
    sections[id] = { ...c, precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1, recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1 };
  }
  return { rows: rows.length, agreed, accuracy: rows.length ? agreed / rows.length : 1, confusion, sections, misses, sectionMisses };
}

const SHORT: Record<Classification, string> = { "scoped-deliverable": "scoped", "needs-owner": "owner", unclear: "unclear" };

/** The report as plain text: a confusion matrix and a precision/recall table. */
export function formatReport(name: string, r: CorpusReport): string {
  const pct = (x: number) => (x * 100).toFixed(1) + "%";
  const lines = [`${name}: ${r.agreed}/${r.rows} classifications agree (${pct(r.accuracy)})`, "", "expected \\ actual   scoped    owner  unclear"];
  for (const e of CLASSES) lines.push(`${SHORT[e].padEnd(18)}${CLASSES.map((a) => String(r.confusion[e][a]).padStart(9)).join("")}`);
  lines.push("", "section        precision  recall    tp  fp  fn");
  for (const [id, s] of Object.entries(r.sections)) {
    lines.push(`${id.padEnd(14)}${s.precision.toFixed(2).padStart(10)}${s.recall.toFixed(2).padStart(8)}${String(s.tp).padStart(6)}${String(s.fp).padStart(4)}${String(s.fn).padStart(4)}`);
  }
  return lines.join("\n");
}
