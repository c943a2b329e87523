/**
 * From corpus rows to a model: line units labelled from the rows' evidence, one line model per
 * section, then the class model over issue features whose section probabilities come from line
 * models that did not see the issue (cross-fitted), as they will be at run time.
 */

import { readFileSync, readdirSync } from "node:fs";
import { DEFAULT_SETTINGS } from "../../lib/config/schema.js";
import { sectionDefs } from "../../lib/engine/prepare.js";
import { buildHeadingIndex } from "../../lib/engine/detect-sections.js";
import { extract } from "../../lib/engine/learned/extract.js";
import { MODEL_FORMAT } from "../../lib/engine/learned/model.js";
import { judge, lineScores } from "../../lib/engine/learned/predict.js";
import { presenceFeatures } from "../../lib/engine/learned/presence.js";
import { SECTION_IDS } from "../../lib/engine/section-defs.js";
import { fitBinary, fitSoftmax, toRow, vectorise } from "./logistic.js";
import { fitPresence } from "./presence.js";

export const CLASSES = ["needs-owner", "scoped-deliverable", "unclear"];
export const SETTINGS = { lineFit: { epochs: 120, rate: 0.3, l2: 1e-3 }, issueFit: { epochs: 200, rate: 0.3, l2: 1e-3 }, presence: 0.2, minCount: 2, innerFolds: 4, presenceFit: { epochs: 300, rate: 0.3, l2: 0.1 }, presenceWeight: 1, presenceBeta: 0.9, stage: true, issueWeight: 0.5 };

export function loadCorpus(dir) {
  const rows = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort()) {
    for (const line of readFileSync(new URL(file, dir), "utf8").split("\n")) if (line.trim()) rows.push({ ...JSON.parse(line), file });
  }
  return rows;
}

const defs = sectionDefs(DEFAULT_SETTINGS);
const index = buildHeadingIndex(defs, DEFAULT_SETTINGS.sections.aliases);

/** A corpus row read the way the engine reads an issue. */
export function prepare(row) {
  const extracted = extract(row.title, row.body.replace(/\r\n?/g, "\n"), { defs, index });
  return { row, extracted };
}

function fnv(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Folds grouped by repository: repositories ordered by a hash of their name, dealt in turn. */
export function groupedFolds(items, k, salt = "") {
  const repos = [...new Set(items.map((it) => it.row.repo))].sort((a, b) => fnv(salt + a) - fnv(salt + b) || (a < b ? -1 : 1));
  const fold = new Map(repos.map((r, i) => [r, i % k]));
  return items.map((it) => fold.get(it.row.repo));
}

function round(x) {
  return Math.round(x * 1e4) / 1e4;
}

function sortedWeights(names, w) {
  const out = {};
  names.forEach((f, i) => {
    const x = round(w[i]);
    if (x !== 0) out[f] = x;
  });
  return out;
}

/**
 * Each unit's weight in the line models' loss: an issue of n units weighs n^(1 − issueWeight) in all,
 * so that a few long issues do not outweigh the many short ones (0 weighs every line alike, 1 every
 * issue alike). Scaled to a mean of 1.
 */
function unitWeights(items, issueWeight) {
  const raw = items.flatMap(({ extracted }) => extracted.units.map(() => Math.pow(extracted.units.length, -issueWeight)));
  const mean = raw.reduce((a, b) => a + b, 0) / (raw.length || 1);
  return raw.map((x) => x / mean);
}

export function fitLines(items, settings = SETTINGS) {
  const examples = [];
  const labels = Object.fromEntries(SECTION_IDS.map((id) => [id, []]));
  for (const { row, extracted } of items) {
    for (const u of extracted.units) {
      examples.push({ features: new Map(u.features.map((f) => [f, 1])) });
      for (const id of SECTION_IDS) labels[id].push((row.evidence[id] ?? []).includes(u.line) ? 1 : 0);
    }
  }
  const { names, rows } = vectorise(examples, { minCount: settings.minCount });
  const weights = unitWeights(items, settings.issueWeight ?? 0);
  const lines = {};
  for (const id of SECTION_IDS) {
    const w = fitBinary(rows, labels[id], names.length, settings.lineFit, settings.linePositive ?? 1, weights);
    lines[id] = { presence: settings.presence, weights: sortedWeights(names, w) };
  }
  return lines;
}

/** What the class model and the presence models read of an issue, given line models. */
function issueExample(item, lines) {
  const model = { format: MODEL_FORMAT, lines, issue: { classes: CLASSES, weights: {} } };
  const judged = judge(item.extracted, model);
  const scores = lineScores(item.extracted, model);
  const presence = Object.fromEntries(SECTION_IDS.map((id) => [id, presenceFeatures(id, scores, item.extracted)]));
  return { values: judged.features.values, presence };
}

/** Issue examples for each training issue from line models fitted without it. */
function crossFitted(items, settings) {
  const folds = groupedFolds(items, settings.innerFolds, "inner");
  const out = new Array(items.length);
  for (let f = 0; f < settings.innerFolds; f++) {
    const lines = fitLines(items.filter((_, i) => folds[i] !== f), settings);
    items.forEach((it, i) => {
      if (folds[i] === f) out[i] = issueExample(it, lines);
    });
  }
  return { examples: out, folds };
}

function fitSections(items, examples, folds, settings) {
  const sections = {};
  for (const id of SECTION_IDS) {
    const labels = items.map((it) => (it.row.sections[id] === true ? 1 : 0));
    sections[id] = fitPresence(examples.map((e) => e.presence[id]), labels, folds, settings);
  }
  return sections;
}

export function fitModel(items, settings = SETTINGS) {
  const lines = fitLines(items, settings);
  const { examples, folds } = crossFitted(items, settings);
  const { names, rows } = vectorise(examples.map((e) => ({ features: e.values })), { minCount: settings.minCount });
  const y = items.map((it) => CLASSES.indexOf(it.row.classification));
  const w = fitSoftmax(rows, y, names.length, CLASSES.length, settings.issueFit);
  const weights = {};
  names.forEach((f, i) => {
    const ws = CLASSES.map((_, c) => round(w[i * CLASSES.length + c]));
    if (ws.some((x) => x !== 0)) weights[f] = ws;
  });
  const model = { format: MODEL_FORMAT, lines, issue: { classes: CLASSES, weights } };
  if (settings.stage) model.sections = fitSections(items, examples, folds, settings);
  return model;
}

export { toRow };
