/**
 * Development aid while the learned engine is wired in: grouped 5-fold cross-validation over the
 * corpus for fitting settings given as JSON, scored at several presence thresholds and with the
 * model's own presence judgement.
 * Usage: npm run build && node scripts/learn/sweep.js '[{"presence":0.1,"lineFit":{"l2":1e-3}}]'
 */

import { loadCorpus, prepare, SETTINGS } from "./pipeline.js";
import { crossValidate, decide, score } from "./evaluate.js";

const items = loadCorpus(new URL("../../data/corpus/", import.meta.url)).map(prepare);
const variants = JSON.parse(process.argv[2] ?? "[{}]");
for (const v of variants) {
  const settings = { ...SETTINGS, ...v, lineFit: { ...SETTINGS.lineFit, ...(v.lineFit ?? {}) }, issueFit: { ...SETTINGS.issueFit, ...(v.issueFit ?? {}) }, presenceFit: { ...SETTINGS.presenceFit, ...(v.presenceFit ?? {}) } };
  const judged = crossValidate(items, { settings });
  for (const presence of [0.15, 0.2, 0.25, 0.3]) {
    const predicted = judged.map((j) => {
      const classification = decide(j.probabilities, 0.4);
      const sections = {};
      for (const [id, s] of j.sections) {
        const kept = classification !== "unclear" || id === "context";
        sections[id] = { present: kept && s.p >= presence, lines: s.lines.filter((l) => l.p >= presence).map((l) => l.line) };
      }
      return { classification, sections };
    });
    report(v, presence, predicted);
  }
  const byModel = judged.map((j) => {
    const classification = decide(j.probabilities, 0.4);
    const sections = {};
    for (const [id, s] of j.sections) {
      const kept = classification !== "unclear" || id === "context";
      sections[id] = { present: kept && s.present, lines: s.lines.map((l) => l.line) };
    }
    return { classification, sections };
  });
  report(v, "model presence", byModel);
}

function report(v, presence, predicted) {
  const s = score(items, predicted);
  const perSection = Object.entries(s.sections).map(([id, x]) => `${id}:${x.f1.toFixed(2)}`).join(" ");
  console.log(JSON.stringify(v), presence, `class ${s.accuracy.toFixed(3)} macro-F1 ${s.macro.toFixed(3)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} line-F1 ${s.lineF1.toFixed(3)}`, perSection);
}
