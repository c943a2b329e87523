import { DEFAULT_SETTINGS } from "../../src/config/schema.js";
import { prepare } from "../../src/engine/analyze.js";
import { detectSections } from "../../src/engine/detect-sections.js";
import { analyze } from "../../src/engine/index.js";
import { toBlocks } from "../../src/engine/markdown.js";

const present = (body: string, title = "Add an export endpoint for invoices") => {
  const a = analyze({ title, body });
  return Object.entries(a.sections)
    .filter(([, s]) => s.present)
    .map(([id]) => id);
};

/** What the rule detectors find: the heading index and content patterns whose verdicts the line models read as features. */
const detected = (body: string, title = "Add an export endpoint for invoices") => {
  const { defs, index } = prepare(DEFAULT_SETTINGS);
  const { evidence } = detectSections(toBlocks(body), title, defs, index);
  return [...evidence].filter(([, e]) => e.length > 0).map(([id]) => id);
};

describe("sections that do not count", () => {
  test.each([
    ["an empty heading", "## API contract\n\n## Acceptance criteria\n"],
    ["an issue-form field left empty", "### API contract\n\n_No response_\n\n### Acceptance criteria\n\n_No response_\n"],
    ["unchanged placeholders", "## Acceptance criteria\n\n- [ ] first\n- [ ] second\n- [ ] third\n\n## API contract\n\nTBD\n\n## Definition of done\n\nN/A\n"],
    ["text inside an HTML comment", "## API contract\n\n<!-- describe the API here: POST /v1/orders with its JSON body -->\n\n## Acceptance criteria\n<!--\n- [ ] must return 201\n-->\n"],
    ["an angle-bracket placeholder", "## API contract\n\n<describe the endpoints here>\n"],
  ])("%s", (_name, body) => {
    expect(present(body)).toEqual([]);
  });
});

describe("the rule detectors: sections by heading and by content", () => {
  test.each([
    ["an endpoint line without a heading is a contract", "We need `POST /v1/invoices/export` to start the export.", ["contract"]],
    ["a JSON block is a contract", '```json\n{ "invoiceId": "inv_1", "format": "csv" }\n```', ["contract"]],
    ["a task list of conditions is acceptance", "- [ ] the export contains every invoice of the month\n- [ ] amounts are in cents", ["acceptance"]],
    ["a task list of things to do is scope", "- [ ] Add the export job\n- [ ] Write the CSV serialiser", ["scope"]],
    ["blocked by an issue is a dependency", "Blocked by #41 (the billing schema).", ["dependencies"]],
    ["related is not a dependency", "Related: #12", []],
    ["a latency bound is a constraint", "The export must finish within 30 seconds for a month of data, p95 under 800 ms for the status call.", ["constraints"]],
    ["a rate that is the feature is a contract", "Clients may call it at most 10 requests per minute per key.", ["contract"]],
    ["done: tests, docs, deployed", "Done when unit tests pass, the docs are updated and it is deployed to staging.", ["done"]],
  ])("%s", (_name, body, expected) => {
    expect(detected(body)).toEqual(expected);
  });

  test.each([
    ["a deadline in another language is a constraint", "As prioridades precisam estar fechadas até 15 de julho.", ["constraints"]],
    ["a described security measure is not a constraint", "The old API has no audit logging.", []],
    ["a required security measure is", "Exports must be encrypted at rest and never contain personal data.", ["constraints"]],
    ["a list of behaviour statements is acceptance", "- a repeat with the same key returns the stored response\n- a different body returns `409 Conflict`", ["acceptance"]],
    ["a list of options to choose from is not scope", "Options on the table:\n\n- one schema per tenant\n- row-level security\n- a database per large customer", []],
    ["a vague expectation is not acceptance", "### Expected behaviour\n\nThere should be no 502 errors.", []],
    ["a link alone is not a contract", "## API contract\n\nSee https://developer.example.com/docs/api", []],
    ["an observed server error is context, not contract", "Since Monday about 2% of `POST /v1/checkout` requests get a 502 from the load balancer, always in bursts.", ["context"]],
    ["a question is not context", "Why does the SDK retry POST calls on a timeout, and could that create duplicate charges in production?", []],
  ])("%s", (_name, body, expected) => {
    expect(detected(body)).toEqual(expected);
  });

  test("a Definition of done that only lists the deliverable is scope, not done", () => {
    expect(detected("## Definition of done\n\n- The export endpoint exists\n- The CSV has one row per invoice line")).toEqual(["scope"]);
  });

  test("acceptance criteria that only say PR merged and docs updated are done, not acceptance", () => {
    expect(detected("## Acceptance criteria\n\n- [ ] PR merged\n- [ ] Docs updated")).toEqual(["done"]);
  });

  test("words in code blocks are not prose", () => {
    const body = "```\nError: the client must send an endpoint id\n  at handler (server.js:10)\n```";
    expect(detected(body)).toEqual([]);
  });

  test("evidence carries line numbers and excerpts", () => {
    const a = analyze({ title: "Add invoice export", body: "## Context\n\nInvoices live in the billing service today and finance exports them by hand every month.\n\n## API\n\n`POST /v1/invoices/export`" });
    expect(a.sections.context?.evidence[0]).toEqual({ line: 3, text: "Invoices live in the billing service today and finance exports them by hand every month." });
    expect(a.sections.contract?.evidence[0]).toEqual({ line: 7, text: "`POST /v1/invoices/export`" });
  });
});

describe("analyze", () => {
  test("a one-line deliverable: scoped, every required section missing", () => {
    const a = analyze({ title: "Add a Stripe webhook endpoint", body: "" });
    expect(a.classification).toBe("scoped-deliverable");
    expect(a.missing).toEqual(["context", "scope", "contract", "acceptance", "done"]);
    expect(a.labels).toEqual(["scoped-deliverable", "needs-spec"]);
    expect(a.ready).toBe(false);
  });

  test("a complete spec is ready", () => {
    const body = [
      "## Context",
      "Finance exports invoices by hand from the billing service every month, which takes a day.",
      "## Scope",
      "- An export endpoint and a background job writing CSV to S3",
      "- Out of scope: PDF invoices",
      "## API contract",
      "`POST /v1/invoices/export` with `{ \"month\": \"2026-10\" }` returns `202 Accepted` and a job id.",
      "## Acceptance criteria",
      "- [ ] the CSV has one row per invoice line",
      "- [ ] a second request for the same month returns the same job id",
      "## Definition of done",
      "- unit tests pass in CI, docs updated, deployed to staging",
    ].join("\n");
    const a = analyze({ title: "Add invoice CSV export endpoint", body });
    expect(a.classification).toBe("scoped-deliverable");
    expect(a.missing).toEqual([]);
    expect(a.ready).toBe(true);
    expect(a.labels).toEqual(["scoped-deliverable", "handoff-ready"]);
  });

  test("needs-owner work is labelled as such, whatever the quality of its spec", () => {
    const a = analyze({ title: "Define SLOs and the on-call rotation for the payments API", body: "## Acceptance criteria\n- [ ] an availability SLO is agreed\n- [ ] the rotation is in PagerDuty" });
    expect(a.classification).toBe("needs-owner");
    expect(a.labels).toEqual(["needs-owner"]);
    expect(a.score).toBeLessThan(0);
  });

  test("a question is unclear and gets no label", () => {
    const a = analyze({ title: "Why do you use Redis for sessions?", body: "Just curious, is there a reason not to use Postgres?" });
    expect(a.classification).toBe("unclear");
    expect(a.labels).toEqual([]);
  });

  test("settings: custom sections, aliases and required lists", async () => {
    const { parseSettings } = await import("../../src/config/index.js");
    const r = parseSettings("sections:\n  required: [scope, security-review]\n  aliases:\n    scope: [Lieferumfang]\n  custom:\n    - id: security-review\n      title: Security review\n      headings: [Threat model]\n");
    if (!r.ok) throw new Error("settings should be valid");
    const a = analyze({ title: "Add SSO login", body: "## Lieferumfang\n\n- SAML login page\n- SCIM sync\n\n## Threat model\n\nTokens are signed and expire after 5 minutes." }, r.settings);
    expect(a.sections["security-review"]).toMatchObject({ present: true, required: true });
    expect(a.sections.scope?.present).toBe(true);
    expect(a.missing).toEqual([]);
  });

  test("deterministic: the same input gives the same analysis", () => {
    const input = { title: "Migrate sessions from Redis to Postgres", body: "## Scope\n- move the table\n- dual write for a week" };
    expect(JSON.stringify(analyze(input))).toBe(JSON.stringify(analyze(input)));
  });
});
