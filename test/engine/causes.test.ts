/**
 * Issues written for these tests, one or more for each way the keyword rules went wrong on issues
 * they had never seen: work items left unclear, form taken for meaning, context and contracts
 * without cue words, scope and acceptance in prose, and requirements that did not fit the work.
 *
 * `test.failing` marks the cases the shipped model still gets wrong (issue #14 lists them): each
 * asserts the right answer, and starts failing the suite the day the model gets it right, so that
 * the mark is taken off.
 */
import { analyze } from "../../src/engine/index.js";

const present = (title: string, body: string) =>
  Object.entries(analyze({ title, body }).sections)
    .filter(([, s]) => s.present)
    .map(([id]) => id);

describe("1. work items are labelled, not left unclear", () => {
  test.each([
    ["Turn on audit logging in staging"],
    ["Purge soft-deleted accounts from the newsletter provider"],
    ["Upgrade Redis 6 to 7 (maintenance window on Sunday)"],
    ["Kafka: consumer for the invoice-paid topic"],
  ])("a one-line task: %s", (title) => {
    expect(analyze({ title, body: "" }).classification).toBe("scoped-deliverable");
  });

  test("a complete spec stays a deliverable although one line of it sounds like ownership", () => {
    const body = [
      "## Context",
      "Partners are paid out by a monthly bank transfer that finance prepares by hand in the ledger service.",
      "## Scope",
      "- A payouts endpoint in the ledger service and a job that sends the transfers",
      "- Out of scope: currency conversion",
      "## API contract",
      '`POST /v2/payouts` with `{ "partner": "p_1", "amount": 1200 }` returns `201 Created` with the payout id.',
      "## Acceptance criteria",
      "- [ ] a payout above the partner's balance is refused with `422`",
      "- [ ] the same idempotency key twice creates one payout",
      "## Definition of done",
      "- integration tests pass in CI",
      "- runbook entry for failed payouts",
    ].join("\n");
    const a = analyze({ title: "Payout API", body });
    expect(a.classification).toBe("scoped-deliverable");
    expect(a.missing).toEqual([]);
  });
});

describe("2. the kind of work is read from its meaning, not its form", () => {
  test("production crashes of unknown cause, asked as a question, need an owner", () => {
    const body = "Since the last release the ingest workers in production are OOM-killed every few days, and nobody knows why. Each time the queue backs up for an hour and on-call restarts them by hand.";
    expect(analyze({ title: "Why do the ingest workers keep getting OOM-killed in production?", body }).classification).toBe("needs-owner");
  });

  test.failing("a decision to make across services needs an owner", () => {
    const body = "Three services use RabbitMQ, two use SQS and the new billing service wants Kafka. We should pick one broker for everything and plan the move.";
    expect(analyze({ title: "Which message broker should all our services standardise on?", body }).classification).toBe("needs-owner");
  });

  test("a roadmap to write, phrased as a task, needs an owner", () => {
    expect(analyze({ title: "Create the integrations roadmap for next year", body: "Collect what partners ask for and decide what we build in which quarter." }).classification).toBe("needs-owner");
  });

  test("a question about the roadmap is unclear", () => {
    expect(analyze({ title: "Is a public GraphQL API on the roadmap?", body: "We would love to query orders with GraphQL. Any plans?" }).classification).toBe("unclear");
  });
});

describe("3. context without cue words", () => {
  test.failing("the current behaviour in a bug's description is context", () => {
    const body = "When a customer uploads a CSV that starts with a byte-order mark, the import skips the first column without a warning.\n\nThe importer should read the first column like any other.";
    expect(present("CSV import drops the first column", body)).toContain("context");
  });

  test.failing("why the work is needed is context", () => {
    const body = "Why is this needed?\n\nSupport spends about two hours a week re-running imports that failed on a timeout.\n\n- retry a failed import up to three times";
    expect(present("Retry failed imports", body)).toContain("context");
  });
});

describe("4. contracts in other shapes than METHOD /path", () => {
  test("a function signature is a contract", () => {
    expect(present("Billing export changes", "Expose `exportInvoices(month: string): Promise<ExportJob>` from the billing package.")).toContain("contract");
  });

  test.failing("a status code to change is a contract", () => {
    expect(present("Billing export changes", "Change the response for a deleted invoice from 404 to 410 Gone.")).toContain("contract");
  });

  test.failing("a method and a path in prose is a contract", () => {
    expect(present("Billing export changes", "Upload clients send POST requests to `/api/uploads` with the file as multipart form data.")).toContain("contract");
  });

  test("a quoted error that names a method is not a contract", () => {
    const body = "Since Tuesday the nightly sync fails with `Error: GET request to upstream failed: ECONNRESET` after about ten minutes.";
    expect(present("Nightly sync fails", body)).not.toContain("contract");
  });
});

describe("5. scope, acceptance and constraints in prose", () => {
  test("scope in a sentence", () => {
    const body = "The job reads the nightly ledger file, turns each row into a payout record and stores it. Reconciliation reports are out of scope.";
    expect(present("Import the nightly ledger file", body)).toContain("scope");
  });

  test("one vague line is not scope", () => {
    expect(present("Add the partner export", "Create it as described in the wiki.")).not.toContain("scope");
  });

  test("a must statement is acceptance", () => {
    const body = "Uploads over 10 MB are accepted today and then fail later.\n\nThe importer must reject a file over 10 MB at once, with a message that gives the limit.";
    expect(present("Reject oversized uploads", body)).toContain("acceptance");
  });

  test("must not change existing data is a constraint", () => {
    const body = "Add a `region` column to the accounts table, filled from the billing address.\n\nThe migration must not change any existing customer data and must run without downtime.";
    expect(present("Add a region column to accounts", body)).toContain("constraints");
  });
});

describe("6. requirements that fit the work", () => {
  test("UI work is not asked for an API contract", () => {
    const body = "The settings page is always light.\n\n- add a dark theme toggle to the settings page\n- remember the choice per user";
    const a = analyze({ title: "Dark mode for the settings page", body });
    expect(a.classification).toBe("scoped-deliverable");
    expect(a.kind.name).toBe("UI work");
    expect(a.missing).not.toContain("contract");
    expect(a.sections.contract?.required).toBe(false);
  });

  test("a good bug report is asked for neither scope nor a definition of done", () => {
    const body = ["**Steps to reproduce**", "1. Open an invoice with 40 lines", "2. Download it as PDF", "", "**Expected:** every line is on the PDF, over two pages", "", "**Actual:** the PDF stops after line 28"].join("\n");
    const a = analyze({ title: "Invoice PDF is cut after 28 lines", body });
    expect(a.classification).toBe("scoped-deliverable");
    expect(a.kind.name).toBe("bug fix");
    expect(a.sections.context?.present).toBe(true);
    expect(a.sections.acceptance?.present).toBe(true);
    expect(a.missing).toEqual([]);
    expect(a.ready).toBe(true);
  });

  test("with fit_to_kind off, the settings' required list holds for every kind", async () => {
    const { parseSettings } = await import("../../src/config/index.js");
    const r = parseSettings("sections:\n  fit_to_kind: false\n");
    if (!r.ok) throw new Error("settings should be valid");
    const a = analyze({ title: "Dark mode for the settings page", body: "- add a dark theme toggle to the settings page" }, r.settings);
    expect(a.missing).toContain("contract");
  });
});
