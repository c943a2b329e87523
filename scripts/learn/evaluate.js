/**
 * Cross-validation grouped by repository: every issue judged by a model fitted on folds that hold
 * none of its repository's issues, with the same code that runs in the app.
 */

import { judge } from "../../lib/engine/learned/predict.js";
import { SECTION_IDS } from "../../lib/engine/section-defs.js";
import { CLASSES, fitModel, groupedFolds, SETTINGS } from "./pipeline.js";

/**
 * Out-of-fold results, one per item, in order: `judgeWith(model, item)` for each item under the model
 * fitted without its fold (the bare judgement by default). `fraction` keeps that share of each
 * training fold.
 */
export function crossValidate(items, { k = 5, settings = SETTINGS, fraction = 1, judgeWith = (model, it) => judge(it.extracted, model) } = {}) {
  const folds = groupedFolds(items, k);
  const out = new Array(items.length);
  for (let f = 0; f < k; f++) {
    let train = items.filter((_, i) => folds[i] !== f);
    if (fraction < 1) train = train.filter((_, i) => (i * 7919) % 100 < fraction * 100);
    const model = fitModel(train, settings);
    items.forEach((it, i) => {
      if (folds[i] === f) out[i] = judgeWith(model, it);
    });
  }
  return out;
}

/** The class an issue gets at a threshold: the app's own rule. */
export { decide } from "../../lib/engine/analyze.js";

function f1(p, r) {
  return p + r ? (2 * p * r) / (p + r) : 0;
}

/**
 * Scores predictions against the rows: `predicted[i]` has `classification` and `sections` (id →
 * { present, lines: number[] }).
 */
export function score(items, predicted) {
  const confusion = Object.fromEntries(CLASSES.map((a) => [a, Object.fromEntries(CLASSES.map((b) => [b, 0]))]));
  let correct = 0;
  const sec = Object.fromEntries(SECTION_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0, ltp: 0, lfp: 0, lfn: 0 }]));
  items.forEach(({ row }, i) => {
    const p = predicted[i];
    confusion[row.classification][p.classification]++;
    if (row.classification === p.classification) correct++;
    for (const id of SECTION_IDS) {
      const s = sec[id];
      const truth = row.sections[id] === true;
      const got = p.sections[id]?.present === true;
      if (truth && got) s.tp++;
      else if (got) s.fp++;
      else if (truth) s.fn++;
      const gold = new Set(row.evidence[id] ?? []);
      const lines = new Set(got ? p.sections[id].lines : []);
      for (const l of lines) gold.has(l) ? s.ltp++ : s.lfp++;
      for (const l of gold) if (!lines.has(l)) s.lfn++;
    }
  });
  const sections = {};
  let tp = 0, fp = 0, fn = 0, ltp = 0, lfp = 0, lfn = 0;
  for (const id of SECTION_IDS) {
    const s = sec[id];
    const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
    const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
    sections[id] = { precision, recall, f1: f1(precision, recall) };
    tp += s.tp; fp += s.fp; fn += s.fn; ltp += s.ltp; lfp += s.lfp; lfn += s.lfn;
  }
  const macro = SECTION_IDS.reduce((a, id) => a + sections[id].f1, 0) / SECTION_IDS.length;
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  const lineP = ltp / (ltp + lfp || 1);
  const lineR = ltp / (ltp + lfn || 1);
  return { accuracy: correct / items.length, confusion, sections, macro, precision, recall, lineF1: f1(lineP, lineR) };
}
