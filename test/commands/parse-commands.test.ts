import { jest } from "@jest/globals";
import fc from "fast-check";
import { parseCommands } from "../../src/commands/parse-commands.js";
import { SECTION_IDS } from "../../src/engine/section-defs.js";

const parse = (body: string) => parseCommands(body, SECTION_IDS);
const names = (body: string) => parse(body).commands.map((c) => (c.section ? `${c.name} ${c.section}` : c.name));

jest.setTimeout(60_000);

describe("parseCommands", () => {
  test.each([
    ["a command alone", "/handoff hire", ["hire"]],
    ["any case", "/HANDOFF Contract", ["contract"]],
    ["anywhere in the comment, at the start of a line", "Thanks!\n\n/handoff check\nand then\n/handoff explain", ["check", "explain"]],
    ["several, in order", "/handoff n/a contract\n/handoff template", ["na contract", "template"]],
    ["n/a written other ways", "/handoff na dependencies\n/handoff N/A Constraints", ["na dependencies", "na constraints"]],
    ["bare /handoff is help", "/handoff", ["help"]],
  ])("found: %s", (_name, body, expected) => {
    expect(names(body)).toEqual(expected);
  });

  test.each([
    ["a fenced code block", "```\n/handoff hire\n```"],
    ["an indented code block", "Example:\n\n    /handoff hire\n"],
    ["a quote", "> /handoff hire"],
    ["a nested quote", "> > /handoff hire"],
    ["an HTML comment", "<!--\n/handoff hire\n-->"],
    ["an inline HTML comment", "<!-- /handoff hire -->"],
    ["inline code", "Type `/handoff hire` to do it"],
    ["the middle of a sentence", "You can run /handoff hire here"],
    ["a list item", "- /handoff hire"],
    ["a heading", "## /handoff hire"],
    ["another word that starts the same", "/handoffs hire"],
  ])("not a command: %s", (_name, body) => {
    expect(parse(body)).toEqual({ commands: [], problems: [] });
  });

  test("unknown subcommands and bad sections are reported, not ignored", () => {
    expect(parse("/handoff frobnicate\n/handoff n/a api\n/handoff n/a\n/handoff hire now").problems.map((p) => p.message)).toEqual([
      'unknown command "frobnicate"',
      'unknown section "api" (sections: context, scope, contract, acceptance, done, dependencies, constraints)',
      "/handoff n/a takes one section: context, scope, contract, acceptance, done, dependencies, constraints",
      "/handoff hire takes no arguments",
    ]);
  });

  test("a comment with many commands is cut at ten, and says so", () => {
    const r = parse(Array.from({ length: 15 }, () => "/handoff help").join("\n"));
    expect(r.commands).toHaveLength(10);
    expect(r.problems.map((p) => p.message)).toEqual(["more than 10 commands in one comment"]);
  });

  test("property: never throws, on any comment text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.stringMatching(/^(?:\/handoff ?|n\/a |hire|> |```|<!--|-->|\n|    |[a-z ]){0,300}$/)), (body) => {
        const r = parse(body);
        for (const c of r.commands) expect(c.text.toLowerCase().startsWith("/handoff")).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });

  test("linear time on 65,536-character comments", () => {
    const inputs = ["/handoff hire\n", "> /handoff x\n", "```\n", "/handoff ", " ", "<!--", "/"];
    // The fastest of runs taken in turn: other test files share the machine, and the minimum is the
    // measure least disturbed by them.
    const medians = (a: string, b: string): [number, number] => {
      const ta: number[] = [];
      const tb: number[] = [];
      for (let i = 0; i < 9; i++) {
        let t0 = performance.now();
        parse(a);
        ta.push(performance.now() - t0);
        t0 = performance.now();
        parse(b);
        tb.push(performance.now() - t0);
      }
      return [Math.min(...ta), Math.min(...tb)];
    };
    for (const unit of inputs) {
      const big = unit.repeat(Math.ceil(65_536 / unit.length)).slice(0, 65_536);
      const half = big.slice(0, 32_768);
      medians(half, big);
      const [tb, th] = medians(big, half);
      // Doubling the input may not more than triple the time (with a 2 ms floor against timer noise).
      expect({ unit, linear: Math.max(tb, 2) / Math.max(th, 2) <= 3, fast: tb < 200 }).toEqual({ unit, linear: true, fast: true });
    }
  });
});
