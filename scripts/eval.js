#!/usr/bin/env node
/**
 * Scores the engines on labelled issues.
 *
 * 1. The corpus in data/corpus/: 5-fold cross-validation grouped by repository, the learned engine
 *    (judged out of fold) beside today's rules (which need no training, so every row is scored as it
 *    stands), measured the same way: class accuracy, confusion matrix, per-section precision, recall
 *    and F1, section macro-F1, pooled precision and recall of "present", and line-level evidence F1;
 *    then a learning curve for the learned engine and the targets.
 * 2. The project's own held-out fixtures (test/fixtures/corpus*.jsonl, or the files given) scored by
 *    the app's `analyze`.
 *
 * Usage: npm run eval [-- --misses] [FILE…]   (`--misses` lists every disagreement)
 */

import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_SETTINGS } from "../lib/config/schema.js";
import { analyze, analyzeWith } from "../lib/engine/analyze.js";
import { SECTION_IDS } from "../lib/engine/section-defs.js";
import { formatReport, parseCorpus, scoreCorpus } from "./corpus-metrics.js";
import { crossValidate, decide, score } from "./learn/evaluate.js";
import { loadCorpus, prepare, SETTINGS } from "./learn/pipeline.js";

/** The learned engine's class threshold, the app's default: below it a label gives way to unclear. */
const CLASS_THRESHOLD = 0.4;
const FOLDS = 5;
const FRACTIONS = [0.25, 0.5, 0.75, 1];
const TARGETS = { accuracy: 0.85, macro: 0.72, section: 0.55, pooled: 0.75 };

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const showMisses = args.includes("--misses");
const files = args.filter((a) => !a.startsWith("--"));
const fixtures = files.length ? files.map((f) => resolve(f)) : ["corpus.jsonl", "corpus-b.jsonl", "corpus-c.jsonl"].map((f) => join(root, "test/fixtures", f));

const ORDER = ["scoped-deliverable", "needs-owner", "unclear"];
const SHORT = { "scoped-deliverable": "scoped", "needs-owner": "owner", unclear: "unclear" };
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const num = (x, digits = 2) => x.toFixed(digits);
const mark = (ok) => (ok ? "✓" : "✗");

/** What the app shows: for an unclear issue, only its context. */
function shown(classification, sections) {
  if (classification !== "unclear") return sections;
  return Object.fromEntries(Object.entries(sections).map(([id, s]) => [id, id === "context" ? s : { present: false, lines: [] }]));
}

/** The app's own reading of an issue under a fold's models: `analyze` with those models and the default settings. */
function learnedPrediction(model, { row }) {
  const a = analyzeWith(model, { title: row.title, body: row.body }, { ...DEFAULT_SETTINGS, classify: { ...DEFAULT_SETTINGS.classify, threshold: CLASS_THRESHOLD } });
  const sections = {};
  for (const [id, s] of Object.entries(a.sections)) sections[id] = { present: s.present, lines: s.evidence.map((e) => e.line) };
  return { classification: a.classification, sections };
}

function rulePrediction({ extracted }) {
  const classification = extracted.rule.classification;
  const sections = {};
  for (const [id, evidence] of extracted.ruleEvidence) sections[id] = { present: evidence.length > 0, lines: evidence.map((e) => e.line) };
  return { classification, sections: shown(classification, sections) };
}

/** Rows of fixed-width columns: the first left-aligned, the rest right-aligned. */
function table(rows, widths) {
  return rows.map((cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[0]) : String(c).padStart(widths[i] ?? widths.at(-1)))).join("").trimEnd());
}

function confusionTable(scores) {
  const widths = [22, ...scores.flatMap(() => [12, 8, 8])];
  const names = ["labelled \\ predicted", ...scores.flatMap(([name]) => [name, "", ""])];
  const classes = ["", ...scores.flatMap(() => ORDER.map((c) => SHORT[c]))];
  const body = ORDER.map((e) => [SHORT[e], ...scores.flatMap(([, s]) => ORDER.map((a) => s.confusion[e][a]))]);
  return table([names, classes, ...body], widths).join("\n");
}

function sectionTable(scores) {
  const rows = [["section", ...scores.flatMap(([name]) => [`${name} P`, "R", "F1"])]];
  for (const id of SECTION_IDS) rows.push([id, ...scores.flatMap(([, s]) => [num(s.sections[id].precision), num(s.sections[id].recall), num(s.sections[id].f1)])]);
  rows.push(["macro-F1", ...scores.flatMap(([, s]) => ["", "", num(s.macro)])]);
  rows.push(["pooled present", ...scores.flatMap(([, s]) => [num(s.precision), num(s.recall), ""])]);
  rows.push(["line evidence F1", ...scores.flatMap(([, s]) => ["", "", num(s.lineF1)])]);
  return table(rows, [18, 12, 6, 6, 12, 6, 6]).join("\n");
}

function targetTable(scores) {
  const lowest = (s) => SECTION_IDS.reduce((a, id) => (s.sections[id].f1 < s.sections[a].f1 ? id : a));
  const targets = [
    [`class accuracy ≥ ${pct(TARGETS.accuracy)}`, TARGETS.accuracy, (s) => [s.accuracy, pct(s.accuracy)]],
    [`section macro-F1 ≥ ${num(TARGETS.macro)}`, TARGETS.macro, (s) => [s.macro, num(s.macro, 3)]],
    [`every section F1 ≥ ${num(TARGETS.section)}`, TARGETS.section, (s) => [s.sections[lowest(s)].f1, `${lowest(s)} ${num(s.sections[lowest(s)].f1, 3)}`]],
    [`pooled precision ≥ ${num(TARGETS.pooled)}`, TARGETS.pooled, (s) => [s.precision, num(s.precision, 3)]],
    [`pooled recall ≥ ${num(TARGETS.pooled)}`, TARGETS.pooled, (s) => [s.recall, num(s.recall, 3)]],
  ];
  const rows = [["target", ...scores.map(([name]) => name)]];
  for (const [name, min, value] of targets) {
    rows.push([name, ...scores.map(([, s]) => {
      const [x, shownValue] = value(s);
      return `${shownValue} ${mark(x >= min)}`;
    })]);
  }
  return table(rows, [28, 22]).join("\n");
}

/** One line on where the curve is heading, from its last step and its whole span. */
function trend(curve) {
  const first = curve[0];
  const [prev, last] = curve.slice(-2);
  const step = (last.accuracy - prev.accuracy + (last.macro - prev.macro)) / 2;
  const span = `from ${first.fraction * 100}% to 100%: class ${pct(first.accuracy)} → ${pct(last.accuracy)}, macro-F1 ${num(first.macro)} → ${num(last.macro)}`;
  if (step > 0.01) return `still rising at full size (${span}): more labelled rows should help.`;
  if (step < -0.01) return `the last step fell (${span}): the figures are noisy at this size; read the span, not the step.`;
  return `flattening at full size (${span}): more rows of the same kind add little; features or labels matter more.`;
}

function corpusMisses(items, learned, rules) {
  const lines = ["class disagreements on data/corpus (labelled: learned / rules):"];
  items.forEach(({ row }, i) => {
    const l = learned[i].classification;
    const r = rules[i].classification;
    if (l === row.classification && r === row.classification) return;
    const tag = (c) => (c === row.classification ? "ok" : SHORT[c]);
    lines.push(`  ${row.id.padEnd(6)} ${SHORT[row.classification].padEnd(8)} ${tag(l).padEnd(8)}/ ${tag(r).padEnd(8)} ${row.title.slice(0, 70)}`);
  });
  return lines.join("\n");
}

function fixtureMisses(report) {
  const lines = ["classification misses:"];
  for (const m of report.misses) lines.push(`  ${m.id} expected ${m.expected}, got ${m.actual} (score ${m.score}): ${m.title}`);
  lines.push("", "section misses:");
  const byRow = new Map();
  for (const m of report.sectionMisses) byRow.set(m.id, [...(byRow.get(m.id) ?? []), `${m.expected ? "-" : "+"}${m.section}`]);
  for (const [id, list] of byRow) lines.push(`  ${id}: ${list.join(" ")}`);
  return lines.join("\n");
}

const started = Date.now();
const items = loadCorpus(new URL("../data/corpus/", import.meta.url)).map(prepare);
const repos = new Set(items.map((it) => it.row.repo)).size;

const curve = [];
let learned = [];
for (const fraction of FRACTIONS) {
  const predicted = crossValidate(items, { k: FOLDS, settings: SETTINGS, fraction, judgeWith: learnedPrediction });
  const s = score(items, predicted);
  curve.push({ fraction, accuracy: s.accuracy, macro: s.macro, lineF1: s.lineF1, score: s });
  if (fraction === 1) learned = predicted;
}
const rules = items.map(rulePrediction);
const scores = [
  ["learned", curve.at(-1).score],
  ["rules", score(items, rules)],
];

console.log(`data/corpus: ${items.length} issues from ${repos} repositories, ${FOLDS}-fold cross-validation grouped by repository`);
console.log(`learned: the app's analyze under models fitted without the issue's fold, class threshold ${CLASS_THRESHOLD}, the lines it quotes (at most 5 per section)`);
console.log(`rules: the keyword detectors on every row (they need no training), at their own threshold, all their lines`);
console.log(`unclear issues keep only their context section, as the app shows them\n`);
console.log(scores.map(([name, s]) => `class accuracy ${name}: ${pct(s.accuracy)}`).join("    "));
console.log("");
console.log(confusionTable(scores));
console.log("");
console.log(sectionTable(scores));
console.log("");
console.log("learning curve (learned engine; share of each training fold kept)");
console.log(table([["fraction", "class", "macro-F1", "line-F1"], ...curve.map((c) => [`${c.fraction * 100}%`, pct(c.accuracy), num(c.macro), num(c.lineF1)])], [10, 8, 10, 9]).join("\n"));
console.log(`reading: ${trend(curve)}`);
console.log("");
console.log(targetTable(scores));
if (showMisses) console.log(`\n${corpusMisses(items, learned, rules)}`);

console.log("\nthe project's own held-out fixtures, scored by the app's analyze with the shipped model\n");
for (const file of fixtures) {
  const report = scoreCorpus(parseCorpus(readFileSync(file, "utf8")), (r) => analyze({ title: r.title, body: r.body }));
  console.log(formatReport(file.startsWith(root) ? file.slice(root.length + 1) : file, report));
  if (showMisses) console.log(`\n${fixtureMisses(report)}`);
  console.log("");
}
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
