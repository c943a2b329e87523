import { jest } from "@jest/globals";
import { CHECKLIST_MARKER } from "../../src/engine/index.js";
import { LocalGitHub, type Fault } from "../local-github/server.js";
import { deliver, issuePayload, settle, startApp, type App } from "./harness.js";

jest.setTimeout(120_000);

/**
 * GitHub failing in the ways it does: the real server, with Octokit's retry plugin on, against the
 * local GitHub with faults injected. No scenario may end with two checklist comments on an issue.
 */
let local: LocalGitHub;
let app: App;
let address: string;

beforeEach(async () => {
  local = new LocalGitHub();
  address = await local.start();
  app = await startApp(address);
});
afterEach(async () => {
  app.child.kill("SIGKILL");
  await app.exited;
  await local.stop();
});

function checklists(n: number): number {
  return local.issues.get(n)!.comments.filter((c) => c.body.startsWith(CHECKLIST_MARKER)).length;
}

function attempts(re: RegExp): number {
  return local.log.filter((l) => re.test(l)).length;
}

/** Octokit's retry plugin waits 1 s, then 4 s, between attempts: the quiet window must outlast that. */
const RETRY_QUIET_MS = 5500;

async function open(n: number, faults: Fault[], quietMs = RETRY_QUIET_MS): Promise<void> {
  local.addIssue(n, "Add a Stripe webhook endpoint");
  local.faults = faults;
  expect(await deliver(app.port, `open-${n}-${Date.now()}`, "issues", issuePayload(local, n, "opened"))).toBe(200);
  await settle(local, quietMs);
}

describe("faults", () => {
  test.each([
    ["500", { status: 500 }],
    ["502", { status: 502 }],
    ["a reset connection", { reset: true }],
  ])("%s on the labels list, twice: retried, then done", async (_name, fault) => {
    await open(1, [{ match: /^GET .*\/labels$/, times: 2, ...fault }]);
    expect(attempts(/^GET .*\/labels$/)).toBe(3);
    expect(checklists(1)).toBe(1);
    expect(local.issues.get(1)!.labels.sort()).toEqual(["needs-spec", "scoped-deliverable"]);
  });

  test("429 with retry-after: retried after the wait GitHub asks for", async () => {
    const started = Date.now();
    await open(2, [{ match: /^POST .*\/issues\/2\/labels$/, times: 1, status: 429, retryAfter: 1 }]);
    expect(attempts(/^POST .*\/issues\/2\/labels$/)).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(checklists(2)).toBe(1);
  });

  test.each([
    ["on (the default)", true],
    ["off (HANDOFF_THROTTLE=off: no pacing, the same waits)", false],
  ])("403 (a secondary rate limit) with retry-after, throttling %s: retried after the wait", async (_name, throttle) => {
    app.child.kill("SIGKILL");
    await app.exited;
    app = await startApp(address, { throttle });
    const started = Date.now();
    await open(7, [{ match: /^POST .*\/issues\/7\/labels$/, times: 1, status: 403, retryAfter: 2, message: "You have exceeded a secondary rate limit." }]);
    expect(attempts(/^POST .*\/issues\/7\/labels$/)).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(checklists(7)).toBe(1);
  });

  test("422 and 404 are not retried; the next event converges the issue", async () => {
    await open(3, [{ match: /^POST .*\/issues\/3\/labels$/, times: 1, status: 422 }]);
    expect(attempts(/^POST .*\/issues\/3\/labels$/)).toBe(1);
    expect(checklists(3)).toBe(0);
    await open(4, [{ match: /^GET .*\/contents\//, times: 0, status: 404 }]);
    expect(await deliver(app.port, "again-3", "issues", issuePayload(local, 3, "edited"))).toBe(200);
    await settle(local, 1500);
    expect(checklists(3)).toBe(1);
  });

  test("a comment created but its answer lost (502 after the write): found again, not posted twice", async () => {
    await open(5, [{ match: /^POST .*\/issues\/5\/comments$/, times: 1, status: 502, afterWrite: true }]);
    expect(attempts(/^POST .*\/issues\/5\/comments$/)).toBe(1);
    expect(checklists(5)).toBe(1);
  });

  test("a slow GitHub: the webhook is still answered at once, and the work completes", async () => {
    local.addIssue(6, "Add a Stripe webhook endpoint");
    local.faults = [{ match: /./, times: 1000, delayMs: 300 }];
    const started = Date.now();
    expect(await deliver(app.port, "slow-6", "issues", issuePayload(local, 6, "opened"))).toBe(200);
    expect(Date.now() - started).toBeLessThan(250);
    await settle(local, 1500);
    expect(checklists(6)).toBe(1);
  });
});
