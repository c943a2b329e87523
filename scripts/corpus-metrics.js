/**
 * Scores an engine on labelled issues in the format of `test/fixtures/corpus*.jsonl`: class
 * agreement, a confusion matrix, and each section's precision and recall. Development tooling for
 * `npm run eval` and the tests; it is not shipped.
 */

const CLASSES = ["scoped-deliverable", "needs-owner", "unclear"];
const SHORT = { "scoped-deliverable": "scoped", "needs-owner": "owner", unclear: "unclear" };

export function parseCorpus(text) {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l));
}

function ratio(hit, miss) {
  return hit + miss ? hit / (hit + miss) : 1;
}

/** Runs every row through `run` (an issue → Analysis) and scores classification and each section the engine reports. */
export function scoreCorpus(rows, run) {
  const confusion = Object.fromEntries(CLASSES.map((e) => [e, Object.fromEntries(CLASSES.map((a) => [a, 0]))]));
  const counts = new Map();
  const misses = [];
  const sectionMisses = [];
  let agreed = 0;
  for (const row of rows) {
    const a = run(row);
    confusion[row.classification][a.classification]++;
    if (a.classification === row.classification) agreed++;
    else misses.push({ id: row.id, expected: row.classification, actual: a.classification, score: a.score, title: row.title });
    for (const id of Object.keys(a.sections)) {
      const expected = row.sections[id] === true;
      const actual = a.sections[id].present === true;
      if (!counts.has(id)) counts.set(id, { tp: 0, fp: 0, fn: 0 });
      const c = counts.get(id);
      if (expected && actual) c.tp++;
      else if (actual) c.fp++;
      else if (expected) c.fn++;
      if (expected !== actual) sectionMisses.push({ id: row.id, section: id, expected, actual });
    }
  }
  const sections = {};
  for (const [id, c] of counts) sections[id] = { ...c, precision: ratio(c.tp, c.fp), recall: ratio(c.tp, c.fn) };
  return { rows: rows.length, agreed, accuracy: rows.length ? agreed / rows.length : 1, confusion, sections, misses, sectionMisses };
}

/** The report as plain text: a confusion matrix and a precision/recall table. */
export function formatReport(name, r) {
  const pct = (x) => (x * 100).toFixed(1) + "%";
  const lines = [`${name}: ${r.agreed}/${r.rows} classifications agree (${pct(r.accuracy)})`, "", "expected \\ actual   scoped    owner  unclear"];
  for (const e of CLASSES) lines.push(`${SHORT[e].padEnd(18)}${CLASSES.map((a) => String(r.confusion[e][a]).padStart(9)).join("")}`);
  lines.push("", "section        precision  recall    tp  fp  fn");
  for (const [id, s] of Object.entries(r.sections)) {
    lines.push(`${id.padEnd(14)}${s.precision.toFixed(2).padStart(10)}${s.recall.toFixed(2).padStart(8)}${String(s.tp).padStart(6)}${String(s.fp).padStart(4)}${String(s.fn).padStart(4)}`);
  }
  return lines.join("\n");
}
