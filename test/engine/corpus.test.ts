import { readFileSync } from "node:fs";
import { formatReport, parseCorpus, scoreCorpus } from "../../src/eval/corpus-metrics.js";
import { analyze } from "../../src/engine/index.js";

const rows = parseCorpus(readFileSync(new URL("../fixtures/corpus.jsonl", import.meta.url), "utf8"));

describe("labelled corpus (test/fixtures/corpus.jsonl)", () => {
  test("has at least 60 rows of each kind the engine must handle", () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const classes = new Set(rows.map((r) => r.classification));
    expect([...classes].sort()).toEqual(["needs-owner", "scoped-deliverable", "unclear"]);
  });

  const report = scoreCorpus(rows);

  test("classification agrees on at least 90% of rows; every section has precision and recall of at least 0.9", () => {
    // Printed so that a failing run shows where the engine stands.
    process.stdout.write(formatReport("corpus", report) + "\n");
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
    for (const [id, s] of Object.entries(report.sections)) {
      expect({ id, precision: s.precision >= 0.9, recall: s.recall >= 0.9 }).toEqual({ id, precision: true, recall: true });
    }
  });

  // The rows written to trap template leftovers: nothing the analysis reports present may be
  // absent in the labels (no false positive from an empty field, a placeholder or a comment).
  const traps: Array<[string, RegExp]> = [
    ["an issue-form field left as _No response_", /_No response_/],
    ["an HTML comment", /<!--/],
    ["an empty heading", /^#{1,6} [^\n]+\n+(?:#{1,6} |$(?![\s\S]))/m],
    ["an unchanged placeholder", /^\s*(?:[-*] (?:\[ \] )?)?(?:TBD|N\/A|X|first|<[^>\n]+>)\s*$/m],
  ];
  test.each(traps)("rows with %s: no section reported present that the labels say is absent", (_name, re) => {
    const trapped = rows.filter((r) => re.test(r.body));
    expect(trapped.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const row of trapped) {
      const a = analyze({ title: row.title, body: row.body });
      for (const [id, s] of Object.entries(a.sections)) if (s.present && !row.sections[id]) wrong.push(`${row.id}:${id}`);
    }
    expect(wrong).toEqual([]);
  });
});
