import { analyze, CHECKLIST_MARKER, MAX_COMMENT, neutralise, renderChecklist } from "../../src/engine/index.js";

describe("renderChecklist", () => {
  test("scoped deliverable with gaps", () => {
    const a = analyze({
      title: "Add a refunds endpoint",
      body: "## Context\n\nRefunds are issued by hand in the Stripe dashboard today, by @alice, see #12.\n\n## API\n\n`POST /v1/refunds` with `{ \"charge\": \"ch_1\", \"amount\": 500 }` returns `201 Created`.",
    });
    const md = renderChecklist(a);
    expect(md.split("\n")[0]).toBe(CHECKLIST_MARKER);
    expect(md).toMatchSnapshot();
  });

  test("needs an owner: the signals, no checklist", () => {
    const md = renderChecklist(analyze({ title: "Own the on-call rotation and SLOs for the checkout service", body: "We need someone to run incident response." }));
    expect(md).toContain("### handoff: needs an owner");
    expect(md).not.toContain("API contract");
    expect(md).toMatchSnapshot();
  });

  test("ready: the short summary", () => {
    const body = [
      "## Context",
      "Finance exports invoices by hand from the billing service every month.",
      "## Scope",
      "- An export endpoint and a job that writes CSV to S3",
      "## API contract",
      "`POST /v1/invoices/export` returns `202 Accepted`.",
      "## Acceptance criteria",
      "- [ ] the CSV has one row per invoice line",
      "## Definition of done",
      "- unit tests pass, docs updated",
    ].join("\n");
    const md = renderChecklist(analyze({ title: "Add invoice export endpoint", body }));
    expect(md).toContain("ready to hand off");
    expect(md).toMatchSnapshot();
  });

  test("hidden state goes on the marker line and cannot close the comment early", () => {
    const md = renderChecklist(analyze({ title: "Add a webhook", body: "" }), { state: '{"x":"-->"}' });
    expect(md.split("\n")[0]).toBe(`${CHECKLIST_MARKER}<!-- {"x":"\\u002d\\u002d\\u003e"} -->`);
    expect(JSON.parse('{"x":"\\u002d\\u002d\\u003e"}')).toEqual({ x: "-->" });
  });

  test("a 65,536-character body renders within GitHub's comment limit, mentions neutralised", () => {
    const line = "- [ ] the endpoint must return 404 for @someone when the order of #123 is missing, see https://github.com/o/r/issues/9 and <b>bold</b>\n";
    const body = ("## Acceptance criteria\n" + line.repeat(2000)).slice(0, 65_536);
    const md = renderChecklist(analyze({ title: "Add `@octocat` lookup endpoint", body }));
    expect(md.length).toBeLessThanOrEqual(MAX_COMMENT);
    expect(md).toContain("`@someone`");
    expect(md).not.toMatch(/(^|[^`\w])@someone/);
    expect(md).not.toMatch(/(^|[^`\w/])#123/);
    expect(md).not.toContain("<b>");
  });

  test("clamps whatever it is given to the limit", () => {
    const a = analyze({ title: "Add an endpoint", body: "" });
    const many = Array.from({ length: 5000 }, (_, i) => ({ kind: "scoped:build", weight: 1, evidence: { line: i + 1, text: "x".repeat(100) } }));
    const md = renderChecklist({ ...a, signals: many, sections: Object.fromEntries(Object.entries(a.sections).map(([k, s]) => [k, { ...s, evidence: [] }])) });
    expect(md.length).toBeLessThanOrEqual(MAX_COMMENT);
  });
});

describe("neutralise", () => {
  test.each([
    ["ping @alice please", "ping `@alice` please"],
    ["team @org/backend", "team `@org/backend`"],
    ["mail me at bob@example.com", "mail me at bob@example.com"],
    ["fixes #12 and o/r#3", "fixes `#12` and `o/r#3`"],
    ["see https://github.com/o/r/issues/1", "see `https://github.com/o/r/issues/1`"],
    ["**bold** <img src=x> | pipe", "\\*\\*bold\\*\\* &lt;img src=x&gt; \\| pipe"],
  ])("%s", (input, output) => {
    expect(neutralise(input)).toBe(output);
  });
});
