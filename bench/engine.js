#!/usr/bin/env node
// Engine benchmark: time per analysis for ordinary bodies of about 1 KB, 8 KB and 64 KB and for
// adversarial 65,536-character inputs, beside a bare parse by the engine's markdown-it instance.
// Budgets: 64 KB body < 20 ms median, adversarial < 100 ms, doubling the input at most triples the
// time, engine ≤ 3× the bare parse on the 8 KB body; the model file under 2 MB, read in under 200 ms.
import { performance } from "node:perf_hooks";
import { statSync } from "node:fs";
import { analyze } from "../lib/engine/index.js";
import { MODEL_PATH, readModel } from "../lib/engine/learned/model.js";
import { parseMarkdown } from "../lib/engine/markdown.js";

const SIZE = 65_536;

const SECTION = (i) => `## Context ${i}

The billing service (\`services/billing\`) exports invoices by hand every month; finance spends a day on it.
Currently @finance-lead runs a SQL script against the replica, see #${100 + i} and https://wiki.example.com/billing/${i}.

## Scope

- An export endpoint and a background job that writes CSV to S3
- A download link in the admin UI
- Out of scope: PDF invoices, credit notes

## API contract

\`POST /v1/invoices/export\` with body:

\`\`\`json
{ "month": "2026-${String((i % 12) + 1).padStart(2, "0")}", "format": "csv", "notify": ["finance@example.com"] }
\`\`\`

| Method | Path | Response |
|---|---|---|
| POST | /v1/invoices/export | 202 Accepted, \`{ "jobId": "..." }\` |
| GET | /v1/exports/{jobId} | 200 OK, status and URL |

## Acceptance criteria

- [ ] the CSV has one row per invoice line, amounts in cents
- [ ] a second request for the same month returns the same job id
- [x] an unknown month returns \`422 Unprocessable Entity\`

## Definition of done

Unit tests pass in CI, the API docs are updated, deployed to staging and reviewed by finance.

Blocked by #${40 + i}; needs read access to the billing replica. p95 under 500 ms for the status call; GDPR: no personal data in the file.

`;

function ordinary(size) {
  let out = "";
  for (let i = 0; out.length < size; i++) out += SECTION(i);
  return out.slice(0, size);
}

const fill = (unit, size = SIZE) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const ADVERSARIAL = {
  "run of *": (n) => fill("*", n),
  "run of _": (n) => fill("_", n),
  "run of [": (n) => fill("[", n),
  "run of ![": (n) => fill("![", n),
  "run of [a](": (n) => fill("[a](", n),
  "run of `": (n) => fill("`", n),
  "run of <!--": (n) => fill("<!--", n),
  "run of ~": (n) => fill("~", n),
  "run of spaces": (n) => "a" + fill(" ", n - 2) + "b",
  "run of **a ": (n) => fill("**a ", n),
  "nested lists": (n) => {
    let s = "";
    for (let d = 0; s.length < n; d++) s += " ".repeat((d % 200) * 2) + "- item must return 404\n";
    return s.slice(0, n);
  },
  "nested quotes": (n) => fill(">", n - 10) + " must fix",
  "wide table": (n) => {
    const cols = Math.floor(n / 8 / 3);
    const row = "|" + " a |".repeat(cols) + "\n";
    const sep = "|" + "---|".repeat(cols) + "\n";
    return (row + sep + row.repeat(3)).slice(0, n);
  },
  "many short lines": (n) => fill("- [ ] POST /v1/x must return 201\n", n),
  "one long line": (n) => fill("the endpoint must return 404 when blocked by #12 p95 under 30 ms ", n),
};

/** Medians of two functions sampled in turn, so that both see the same machine load. */
function timePair(a, b, minMs = 300, minRuns = 15) {
  const sa = [];
  const sb = [];
  const start = performance.now();
  while (sa.length < minRuns || performance.now() - start < minMs) {
    let t0 = performance.now();
    a();
    sa.push(performance.now() - t0);
    t0 = performance.now();
    b();
    sb.push(performance.now() - t0);
    if (sa.length > 4000) break;
  }
  const median = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [median(sa), median(sb)];
}

function time(fn, minMs = 150, minRuns = 7) {
  const samples = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
    if (samples.length > 2000) break;
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const title = "Add invoice CSV export endpoint";
const analyse = (body) => () => analyze({ title, body });
const parse = (body) => () => parseMarkdown(body);

// Warm up the JIT on every path before measuring.
for (let i = 0; i < 30; i++) analyze({ title, body: ordinary(8192) });

const rows = [];
let failures = 0;
const fmt = (ms) => ms.toFixed(3);

console.log("## The model file\n");
{
  const bytes = statSync(MODEL_PATH).size;
  const loads = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    readModel(MODEL_PATH);
    loads.push(performance.now() - t0);
  }
  const load = loads.sort((a, b) => a - b)[2];
  const sizeOk = bytes < 2 * 1024 * 1024;
  const loadOk = load < 200;
  if (!sizeOk) failures++;
  if (!loadOk) failures++;
  console.log("| size | budget | read and parse, median of 5 (ms) | budget |");
  console.log("|---:|---|---:|---|");
  console.log(`| ${(bytes / 1024).toFixed(0)} KB | < 2 MB: ${sizeOk ? "met" : "MISSED"} | ${load.toFixed(1)} | < 200 ms: ${loadOk ? "met" : "MISSED"} |\n`);
}

console.log("## Ordinary bodies\n");
console.log("| body | engine median (ms) | bare markdown-it parse (ms) | engine / parse | budget |");
console.log("|---|---:|---:|---:|---|");
for (const [name, size] of [["1 KB", 1024], ["8 KB", 8192], ["32 KB", 32768], ["64 KB", 65536]]) {
  const body = ordinary(size);
  const [e, p] = timePair(analyse(body), parse(body));
  let budget = "";
  if (size === 65536) {
    const ok = e < 20;
    budget = `< 20 ms: ${ok ? "met" : "MISSED"}`;
    if (!ok) failures++;
  }
  if (size === 8192) {
    const ok = e / p <= 3;
    budget = `≤ 3× parse: ${ok ? "met" : "MISSED"}`;
    if (!ok) failures++;
  }
  rows.push({ name, e });
  console.log(`| ${name} | ${fmt(e)} | ${fmt(p)} | ${(e / p).toFixed(2)} | ${budget} |`);
}
const d = rows.find((r) => r.name === "64 KB").e / rows.find((r) => r.name === "32 KB").e;
console.log(`\n32 KB → 64 KB: time × ${d.toFixed(2)} (budget ≤ 3: ${d <= 3 ? "met" : "MISSED"})`);
if (d > 3) failures++;

console.log("\n## Adversarial inputs (65,536 characters)\n");
console.log("| input | engine median (ms) | bare parse (ms) | 32 KB → 64 KB time ratio | budget < 100 ms, ratio ≤ 3 |");
console.log("|---|---:|---:|---:|---|");
for (const [name, make] of Object.entries(ADVERSARIAL)) {
  const big = make(SIZE);
  const half = make(SIZE / 2);
  // Warm both sizes first: the first runs of a new shape of input measure the JIT, not the engine.
  for (let i = 0; i < 3; i++) {
    analyse(half)();
    analyse(big)();
  }
  // Both sizes sampled in turn, so that a change in machine load cannot pass for a change in growth.
  const [e, h] = timePair(analyse(big), analyse(half), 400, 9);
  const p = time(parse(big), 100, 5);
  // Below a millisecond, timer noise dominates the ratio: compare against a 1 ms floor.
  const ratio = Math.max(e, 1) / Math.max(h, 1);
  const ok = e < 100 && ratio <= 3;
  if (!ok) failures++;
  console.log(`| ${name} | ${fmt(e)} | ${fmt(p)} | ${ratio.toFixed(2)} | ${ok ? "met" : "MISSED"} |`);
}

console.log(`\nNode ${process.version}, ${new Date().toISOString().slice(0, 10)}. ${failures ? `${failures} budget(s) MISSED.` : "Every budget met."}`);
process.exitCode = failures ? 1 : 0;
