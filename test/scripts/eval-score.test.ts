/**
 * The figures `npm run eval` prints, on two issues worked out by hand. The scorer is plain JS under
 * scripts/ that reads the built engine (`npm test` builds lib/ first).
 */

interface Predicted {
  classification: string;
  sections: Record<string, { present: boolean; lines: number[] }>;
}
interface Evaluate {
  decide(probabilities: Record<string, number>, threshold: number): string;
  score(items: unknown[], predicted: Predicted[]): {
    accuracy: number;
    confusion: Record<string, Record<string, number>>;
    sections: Record<string, { precision: number; recall: number; f1: number }>;
    macro: number;
    precision: number;
    recall: number;
    lineF1: number;
  };
}

const { decide, score } = (await import(new URL("../../scripts/learn/evaluate.js", import.meta.url).href)) as Evaluate;

const none = { context: false, scope: false, contract: false, acceptance: false, done: false, dependencies: false, constraints: false };
const items = [
  { row: { classification: "scoped-deliverable", sections: { ...none, context: true, scope: true }, evidence: { context: [1, 2], scope: [3] } } },
  { row: { classification: "needs-owner", sections: { ...none, done: true }, evidence: { done: [2] } } },
];
const predicted: Predicted[] = [
  { classification: "scoped-deliverable", sections: { context: { present: true, lines: [1] }, scope: { present: true, lines: [3, 4] }, acceptance: { present: true, lines: [5] } } },
  { classification: "unclear", sections: {} },
];

test("score: class accuracy and confusion, rows labelled and columns predicted", () => {
  const s = score(items, predicted);
  expect(s.accuracy).toBe(0.5);
  expect(s.confusion["scoped-deliverable"]!["scoped-deliverable"]).toBe(1);
  expect(s.confusion["needs-owner"]!["unclear"]).toBe(1);
});

test("score: per-section, macro, pooled and line-level figures", () => {
  const s = score(items, predicted);
  expect(s.sections["context"]).toEqual({ precision: 1, recall: 1, f1: 1 });
  expect(s.sections["scope"]).toEqual({ precision: 1, recall: 1, f1: 1 });
  expect(s.sections["acceptance"]).toEqual({ precision: 0, recall: 0, f1: 0 });
  expect(s.sections["done"]).toEqual({ precision: 0, recall: 0, f1: 0 });
  expect(s.macro).toBeCloseTo(2 / 7);
  // present: 2 right, 1 extra (acceptance), 1 missed (done)
  expect(s.precision).toBeCloseTo(2 / 3);
  expect(s.recall).toBeCloseTo(2 / 3);
  // lines: 1 and 3 right; 4 and 5 extra; context's 2 and done's 2 missed
  expect(s.lineF1).toBeCloseTo(0.5);
});

test("decide: the most probable class, unless a label is below the threshold", () => {
  expect(decide({ "needs-owner": 0.45, "scoped-deliverable": 0.3, unclear: 0.25 }, 0.4)).toBe("needs-owner");
  expect(decide({ "needs-owner": 0.38, "scoped-deliverable": 0.32, unclear: 0.3 }, 0.4)).toBe("unclear");
});
