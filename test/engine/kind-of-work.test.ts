import { bugReportParts } from "../../src/engine/bug-report.js";
import { kindOfWork } from "../../src/engine/kind-of-work.js";
import { toBlocks } from "../../src/engine/markdown.js";

const kind = (title: string, body = "", hasContract = false) => kindOfWork(title, toBlocks(body), { hasContract, bugReport: null });

describe("the kind of work", () => {
  test.each([
    ["Checkout crashes when the cart is empty", "bug fix"],
    ["Migrate the sessions table to Postgres 16", "migration"],
    ["Add a webhook for refunds", "API work"],
    ["Dark mode for the settings page", "UI work"],
    ["Document the export command in the README", "documentation"],
    ["Build the Docker image in the CI pipeline", "infrastructure"],
    ["Let users pick a default currency", "feature"],
  ])("%s: %s", (title, expected) => {
    expect(kind(title).kind).toBe(expected);
  });

  test("an interface is touched when the words say so or a contract is written", () => {
    expect(kind("Dark mode for the settings page").touchesInterface).toBe(false);
    expect(kind("Export invoices as CSV", "Add a `--format` flag to the CLI.").touchesInterface).toBe(true);
    expect(kind("Let users pick a default currency", "", true).touchesInterface).toBe(true);
  });

  test("the line that named the kind is given; a feature has none", () => {
    expect(kind("Let users pick a default currency").evidence).toBeNull();
    expect(kind("Upgrade the ORM", "").evidence).toEqual({ line: 0, text: "title: Upgrade the ORM" });
  });
});

describe("a bug report's labelled parts", () => {
  test("steps and actual behaviour are context, expected behaviour acceptance", () => {
    const body = ["### Steps to reproduce", "1. open an invoice", "2. print it", "", "**Expected:** one page", "", "Actual: two pages", "", "## Notes", "printing from Firefox"].join("\n");
    const parts = bugReportParts(toBlocks(body));
    expect(parts.context.map((e) => e.line)).toEqual([2, 3, 7]);
    expect(parts.acceptance.map((e) => e.line)).toEqual([5]);
  });

  test("a label left empty or filled with a placeholder gives nothing", () => {
    const body = ["**Expected behavior**", "A clear and concise description of what you expected to happen.", "", "**Actual behavior**", "_No response_"].join("\n");
    expect(bugReportParts(toBlocks(body))).toEqual({ context: [], acceptance: [] });
  });
});
