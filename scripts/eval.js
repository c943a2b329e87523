#!/usr/bin/env node
// Scores the engine on labelled corpora: the project's own (test/fixtures/corpus*.jsonl) and, when it
// is there, the shared development set beside the repository. `--misses` lists every disagreement.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatReport, parseCorpus, scoreCorpus } from "../lib/eval/corpus-metrics.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const showMisses = args.includes("--misses");
const files = args.filter((a) => !a.startsWith("--"));
const corpora = files.length
  ? files.map((f) => resolve(f))
  : ["test/fixtures/corpus.jsonl", "test/fixtures/corpus-b.jsonl", "test/fixtures/corpus-c.jsonl", "../shared/corpus/dev-set.jsonl"].map((f) => join(root, f)).filter((f) => existsSync(f));

for (const file of corpora) {
  const rows = parseCorpus(readFileSync(file, "utf8"));
  const report = scoreCorpus(rows);
  console.log(formatReport(file, report));
  if (showMisses) {
    console.log("\nclassification misses:");
    for (const m of report.misses) console.log(`  ${m.id} expected ${m.expected}, got ${m.actual} (score ${m.score}): ${m.title}`);
    console.log("\nsection misses:");
    const byRow = new Map();
    for (const m of report.sectionMisses) byRow.set(m.id, [...(byRow.get(m.id) ?? []), `${m.expected ? "-" : "+"}${m.section}`]);
    for (const [id, list] of byRow) console.log(`  ${id}: ${list.join(" ")}`);
  }
  console.log("");
}
