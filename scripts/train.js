#!/usr/bin/env node
// Fits the learned engine on the corpus in data/corpus/ and writes model/handoff-model.json.
// The output depends only on the corpus and the code: features are sorted, weights rounded, and the
// fitting visits examples in a fixed order, so two runs write the same bytes.
// `--check` writes nothing and exits 1 when the committed model is not the one this would write.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fitModel, loadCorpus, prepare, SETTINGS } from "./learn/pipeline.js";

const MODEL = new URL("../model/handoff-model.json", import.meta.url);
const CORPUS = new URL("../data/corpus/", import.meta.url);

/** JSON with every object's keys in sorted order, one section model per line for readable diffs. */
function stableJson(value) {
  const sort = (v) => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])]));
    return v;
  };
  const sorted = sort(value);
  const parts = Object.entries(sorted).map(([k, v]) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const inner = Object.entries(v).map(([k2, v2]) => `    ${JSON.stringify(k2)}: ${JSON.stringify(v2)}`);
      return `  ${JSON.stringify(k)}: {\n${inner.join(",\n")}\n  }`;
    }
    return `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  });
  return `{\n${parts.join(",\n")}\n}\n`;
}

const check = process.argv.includes("--check");
const started = Date.now();
const rows = loadCorpus(CORPUS);
const model = fitModel(rows.map(prepare), SETTINGS);
const text = stableJson({ ...model, corpus: { rows: rows.length, repositories: new Set(rows.map((r) => r.repo)).size } });
const path = fileURLToPath(MODEL);

if (check) {
  let current = "";
  try {
    current = readFileSync(path, "utf8");
  } catch {
    // missing: reported below
  }
  if (current !== text) {
    console.error(`${path} is not the model the corpus and code give: run \`npm run train\` and commit it.`);
    process.exit(1);
  }
  console.log(`model/handoff-model.json is current (${rows.length} issues, ${Date.now() - started} ms)`);
} else {
  writeFileSync(path, text);
  console.log(`wrote model/handoff-model.json: ${rows.length} issues, ${(text.length / 1024).toFixed(0)} KB, ${Date.now() - started} ms`);
}
