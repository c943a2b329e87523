import { toBlocks, stripHtml } from "../../src/engine/markdown.js";

describe("toBlocks", () => {
  test("headings of every level, bold pseudo-headings, task lists, tables, code and comments", () => {
    const body = [
      "# Title heading", // 1
      "", // 2
      "**Acceptance criteria:**", // 3
      "- [ ] returns 404 <!-- not this -->", // 4
      "- [x] logs the request", // 5
      "", // 6
      "| Method | Path |", // 7
      "|---|---|", // 8
      "| POST | /v1/orders |", // 9
      "", // 10
      "```json", // 11
      '{ "id": 1 }', // 12
      "```", // 13
      "", // 14
      "<!--", // 15
      "describe the API here", // 16
      "-->", // 17
      "#### Deep", // 18
      "text with @someone", // 19
    ].join("\n");
    const blocks = toBlocks(body);
    expect(blocks.map((b) => [b.type, b.line, b.level, b.text])).toEqual([
      ["heading", 1, 1, "Title heading"],
      ["heading", 3, 7, "Acceptance criteria:"],
      ["item", 4, 0, "returns 404"],
      ["item", 5, 0, "logs the request"],
      ["row", 7, 0, "Method | Path"],
      ["row", 9, 0, "POST | /v1/orders"],
      ["code", 12, 0, '{ "id": 1 }\n'],
      ["heading", 18, 4, "Deep"],
      ["paragraph", 19, 0, "text with @someone"],
    ]);
    expect(blocks[2]?.task).toEqual({ checked: false });
    expect(blocks[3]?.task).toEqual({ checked: true });
    expect(blocks[4]?.header).toBe(true);
    expect(blocks[6]?.lang).toBe("json");
  });

  test("a bold lead followed by text on the next lines splits into heading and content", () => {
    const blocks = toBlocks("**Describe the bug**\nThe export stops at 10,000 rows.\nEvery time.");
    expect(blocks.map((b) => [b.type, b.line, b.text])).toEqual([
      ["heading", 1, "Describe the bug"],
      ["paragraph", 2, "The export stops at 10,000 rows.\nEvery time."],
    ]);
  });

  test("issue-form fields: `### Field` then its value", () => {
    const blocks = toBlocks("### API contract\n\n_No response_\n\n### Version\n\n4.2.0\n");
    expect(blocks.map((b) => [b.type, b.text])).toEqual([
      ["heading", "API contract"],
      ["paragraph", "No response"],
      ["heading", "Version"],
      ["paragraph", "4.2.0"],
    ]);
  });

  test("URLs stay text; links keep their label and URL as text", () => {
    const blocks = toBlocks("See https://example.com/docs and [the docs](https://example.com/x).");
    expect(blocks[0]?.text).toBe("See https://example.com/docs and [the docs](https://example.com/x).");
  });

  test("stripHtml removes comments, also unclosed ones, and tags", () => {
    expect(stripHtml("a <!-- b --> c <b>d</b> e <!-- never closed")).toBe("a  c d e ");
    expect(stripHtml("1 < 2 and x<y")).toBe("1 < 2 and x<y");
  });
});
