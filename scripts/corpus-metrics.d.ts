import type { Analysis, Classification } from "../src/engine/types.js";

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

export function parseCorpus(text: string): CorpusRow[];
export function scoreCorpus(rows: CorpusRow[], run: (row: CorpusRow) => Analysis): CorpusReport;
export function formatReport(name: string, report: CorpusReport): string;
