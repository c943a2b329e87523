/**
 * The second stage of section presence: per section, a logistic model over issue-level presence
 * features computed from line models that did not see the issue, and the probability threshold that
 * served best on issues held out of its own fitting (grouped by repository).
 */

import { fitBinary, predictBinary, toRow, vectorise } from "./logistic.js";

const THRESHOLDS = Array.from({ length: 17 }, (_, i) => 0.1 + i * 0.05);

function round(x) {
  return Math.round(x * 1e4) / 1e4;
}

function fitOne(examples, labels, settings) {
  const { names, index, rows } = vectorise(examples.map((features) => ({ features })));
  const w = fitBinary(rows, labels, names.length, settings.presenceFit, settings.presenceWeight ?? 1);
  return { names, index, w };
}

/** F-score weighing recall `beta` times as much as precision. */
function fScore(tp, fp, fn, beta) {
  const b2 = beta * beta;
  return tp ? ((1 + b2) * tp) / ((1 + b2) * tp + b2 * fn + fp) : 0;
}

/** The threshold with the best F-score over held-out probabilities; ties go to the one nearest 0.5. */
function bestThreshold(probabilities, labels, beta) {
  let best = 0.5;
  let bestScore = -1;
  for (const t of THRESHOLDS) {
    let tp = 0, fp = 0, fn = 0;
    probabilities.forEach((p, i) => {
      if (p >= t && labels[i]) tp++;
      else if (p >= t) fp++;
      else if (labels[i]) fn++;
    });
    const score = fScore(tp, fp, fn, beta);
    if (score > bestScore + 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(best - 0.5))) {
      best = t;
      bestScore = score;
    }
  }
  return round(best);
}

/**
 * One presence model for a section. `examples[i]` are the presence features of item i (a Map),
 * `labels[i]` whether it provides the section, `folds[i]` its inner fold.
 */
export function fitPresence(examples, labels, folds, settings) {
  const held = new Array(examples.length);
  for (let f = 0; f < settings.innerFolds; f++) {
    const train = examples.map((_, i) => i).filter((i) => folds[i] !== f);
    const m = fitOne(train.map((i) => examples[i]), train.map((i) => labels[i]), settings);
    examples.forEach((e, i) => {
      if (folds[i] === f) held[i] = predictBinary(m.w, toRow(e, m.index));
    });
  }
  const { names, w } = fitOne(examples, labels, settings);
  const weights = {};
  names.forEach((f, i) => {
    const x = round(w[i]);
    if (x !== 0) weights[f] = x;
  });
  return { weights, threshold: bestThreshold(held, labels, settings.presenceBeta) };
}
