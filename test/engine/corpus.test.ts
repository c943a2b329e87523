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

  test("classification agrees on at least 90% of rows", () => {
    // Printed so that every run shows where the engine stands.
    process.stdout.write(formatReport("corpus", report) + "\n");
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  // The target is 0.9 for every section. These floors are what the engine reaches today, so that a
  // change that makes any section worse fails here; raise them as the detection improves.
  const floors: Record<string, { precision: number; recall: number }> = {
    context: { precision: 0.88, recall: 0.82 },
    scope: { precision: 0.77, recall: 0.93 },
    contract: { precision: 0.85, recall: 0.8 },
    acceptance: { precision: 0.8, recall: 0.76 },
    done: { precision: 0.81, recall: 0.81 },
    dependencies: { precision: 0.93, recall: 1 },
    constraints: { precision: 1, recall: 0.61 },
  };
  test.each(Object.entries(floors))("section %s: precision and recall do not fall below today's figures", (id, floor) => {
    const s = report.sections[id]!;
    expect({ precision: s.precision >= floor.precision, recall: s.recall >= floor.recall }).toEqual({ precision: true, recall: true });
  });

  // The rows written to trap template leftovers: no evidence the engine gives may point at a line
  // that is inside an HTML comment, a "_No response_" field, a placeholder, or an empty heading.
  const traps: Array<[string, RegExp]> = [
    ["an issue-form field left as _No response_", /_No response_/],
    ["an HTML comment", /<!--/],
    ["an empty heading", /^#{1,6} [^\n]+\n+(?:#{1,6} |$(?![\s\S]))/m],
    ["an unchanged placeholder", /^\s*(?:[-*] (?:\[ \] )?)?(?:TBD|N\/A|X|first|<[^>\n]+>)\s*$/m],
  ];
  const deadLines = (body: string): Set<number> => {
    const dead = new Set<number>();
    const lines = body.split("\n");
    let inComment = false;
    lines.forEach((line, i) => {
      const opens = line.includes("<!--");
      if (inComment || opens) dead.add(i + 1);
      if (opens && !line.slice(line.indexOf("<!--")).includes("-->")) inComment = true;
      else if (inComment && line.includes("-->")) inComment = false;
      if (/^\s*(?:[-*] (?:\[ \] )?)?(?:_No response_|TBD|N\/A|X|first|second|third|<[^>]+>)\s*$/.test(line) || /^#{1,6} /.test(line)) dead.add(i + 1);
    });
    return dead;
  };
  test.each(traps)("rows with %s: no evidence comes from template leftovers", (_name, re) => {
    const trapped = rows.filter((r) => re.test(r.body));
    expect(trapped.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const row of trapped) {
      const dead = deadLines(row.body);
      const a = analyze({ title: row.title, body: row.body });
      for (const [id, s] of Object.entries(a.sections)) for (const e of s.evidence) if (dead.has(e.line)) wrong.push(`${row.id}:${id}:${e.line}`);
    }
    expect(wrong).toEqual([]);
  });
});
