import { jest } from "@jest/globals";
import fc from "fast-check";
import { analyze, MAX_COMMENT, renderChecklist } from "../../src/engine/index.js";
import { parseSettings } from "../../src/config/index.js";

/** Runs per property: enough to reach the rare shapes of hostile input. */
const RUNS = 10_000;

const markdownish = fc.stringMatching(/^(?:[#>*_`~\[\]()!<>\-|: \n\t]|[a-z0-9]|POST \/v1|- \[ \] |```|<!--|-->|@a|#1|\*\*){0,400}$/);

jest.setTimeout(120_000);

describe("properties", () => {
  test("analyze never throws and always returns a well-formed Analysis", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.oneof(fc.string({ maxLength: 3000 }), markdownish), (title, body) => {
        const a = analyze({ title, body });
        expect(["scoped-deliverable", "needs-owner", "unclear"]).toContain(a.classification);
        expect(a.ready).toBe(a.classification === "scoped-deliverable" && a.missing.length === 0);
        for (const id of a.missing) expect(a.sections[id]?.present).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  test("the rendered comment stays within GitHub's limit", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), markdownish, (title, body) => {
        expect(renderChecklist(analyze({ title, body })).length).toBeLessThanOrEqual(MAX_COMMENT);
      }),
      { numRuns: RUNS },
    );
  });

  test("parseSettings never throws on any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 500 }), fc.stringMatching(/^(?:[a-z_]{1,10}|: |\n|  |- |\[|\]|\{|\}|"|&a|\*a|!!|#|\t){0,80}$/)), (text) => {
        const r = parseSettings(text, "x.yml");
        if (!r.ok) for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  });
});
