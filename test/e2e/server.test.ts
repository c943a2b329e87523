import { jest } from "@jest/globals";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHECKLIST_MARKER } from "../../src/engine/index.js";
import { LocalGitHub } from "../local-github/server.js";
import { deliver, examples, issuePayload, rssKb, SECRET, settle, startApp } from "./harness.js";

jest.setTimeout(150_000);

const TITLES = [
  ["Add a Stripe webhook endpoint", ""],
  ["Define SLOs and the on-call rotation for checkout", "Availability and latency targets, error budgets, an escalation policy."],
  ["Why do you use Redis for sessions?", ""],
  ["Migrate sessions from Redis to Postgres", "## Context\nSessions live in Redis today.\n## Scope\n- dual-write for a week\n- out of scope: carts"],
] as const;

/** The labels each of the titles above gets, written out. */
const LABELS: Record<string, string[]> = {
  "Add a Stripe webhook endpoint": ["scoped-deliverable", "needs-spec"],
  "Define SLOs and the on-call rotation for checkout": ["needs-owner"],
  "Why do you use Redis for sessions?": [],
  "Migrate sessions from Redis to Postgres": ["scoped-deliverable", "needs-spec"],
};

function expectedLabels(title: string, _body: string): string[] {
  const labels = LABELS[title];
  if (!labels) throw new Error(`no expected labels for "${title}"`);
  return labels;
}

describe("the real server against a local GitHub", () => {
  let local: LocalGitHub;
  let address: string;

  beforeEach(async () => {
    local = new LocalGitHub();
    address = await local.start();
  });
  afterEach(async () => {
    await local.stop();
  });

  test("credentials in .env, as Probot's setup writes them: the server runs the app (not the setup page)", async () => {
    local.addIssue(1, "Add a Stripe webhook endpoint");
    const dir = mkdtempSync(join(tmpdir(), "handoff-env-"));
    const app = await startApp(address, { dotEnvIn: dir });
    try {
      expect(await deliver(app.port, "env-1", "issues", issuePayload(local, 1, "opened"))).toBe(200);
      const checklists = () => local.issues.get(1)!.comments.filter((c) => c.body.startsWith(CHECKLIST_MARKER)).length;
      // The first run starts cold (the token): wait for it, not for a quiet spell.
      for (let waited = 0; checklists() === 0 && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      await settle(local, 500);
      expect(checklists()).toBe(1);
    } finally {
      app.child.kill("SIGKILL");
      await app.exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("unsigned, wrongly signed or malformed deliveries: 4xx, and zero requests to GitHub", async () => {
    local.addIssue(1, "Add a Stripe webhook endpoint");
    const app = await startApp(address);
    try {
      expect(await deliver(app.port, "u1", "issues", issuePayload(local, 1, "opened"), { signed: false })).toBeGreaterThanOrEqual(400);
      const wrong = issuePayload(local, 1, "opened");
      const body = JSON.stringify(wrong);
      const res = await fetch(`http://127.0.0.1:${app.port}/api/github/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-github-event": "issues", "x-github-delivery": "u2", "x-hub-signature-256": "sha256=" + createHmac("sha256", "not-the-secret").update(body).digest("hex") },
        body,
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      // Signed with the app's secret, but not an event: 400 with the reason, and nothing reaches the app.
      const signed = async (id: string, raw: string) => {
        const answer = await fetch(`http://127.0.0.1:${app.port}/api/github/webhooks`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-github-event": "issues", "x-github-delivery": id, "x-hub-signature-256": "sha256=" + createHmac("sha256", SECRET).update(raw).digest("hex") },
          body: raw,
        });
        return { status: answer.status, body: await answer.text() };
      };
      expect(await signed("u3", body.slice(0, -1))).toEqual({ status: 400, body: JSON.stringify({ error: "Error: Invalid JSON" }) });
      expect(await signed("u4", "null")).toEqual({ status: 400, body: JSON.stringify({ error: "Error: The payload is not a JSON object" }) });
      expect(await signed("u5", "[]")).toEqual({ status: 400, body: JSON.stringify({ error: "Error: The payload is not a JSON object" }) });
      await new Promise((r) => setTimeout(r, 300));
      expect(local.log).toEqual([]);
      // The server still handles the next good delivery.
      expect(await deliver(app.port, "u6", "issues", issuePayload(local, 1, "opened"))).toBe(200);
      for (let waited = 0; local.issues.get(1)!.comments.length === 0 && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      expect(local.issues.get(1)!.comments.map((c) => c.body.startsWith(CHECKLIST_MARKER))).toEqual([true]);
    } finally {
      app.child.kill("SIGKILL");
      await app.exited;
    }
  });

  test("5,000 signed deliveries over 200 issues: all acknowledged, one checklist per issue, the right labels", async () => {
    for (let n = 1; n <= 200; n++) {
      const [title, body] = TITLES[n % TITLES.length]!;
      local.addIssue(n, title, body);
    }
    const app = await startApp(address);
    const rssBefore = rssKb(app.child.pid!);
    try {
      const statuses = new Map<number, number>();
      let next = 0;
      const worker = async () => {
        while (next < 5000) {
          const i = next++;
          const n = (i % 200) + 1;
          const status = await deliver(app.port, `load-${i}`, "issues", issuePayload(local, n, i < 200 ? "opened" : "edited"));
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      };
      const started = Date.now();
      await Promise.all(Array.from({ length: 32 }, worker));
      const sent = Date.now() - started;
      await settle(local, 800);
      expect([...statuses.keys()].every((s) => s >= 200 && s < 300)).toBe(true);
      for (const issue of local.issues.values()) {
        const checklists = issue.comments.filter((c) => c.body.startsWith(CHECKLIST_MARKER));
        const expectComment = expectedLabels(issue.title, issue.body).length > 0;
        expect({ n: issue.number, checklists: checklists.length }).toEqual({ n: issue.number, checklists: expectComment ? 1 : 0 });
        expect({ n: issue.number, labels: [...issue.labels].sort() }).toEqual({ n: issue.number, labels: expectedLabels(issue.title, issue.body).sort() });
      }
      expect(local.violations).toEqual([]);
      const rssAfter = rssKb(app.child.pid!);
      // API economy under load: each label created once, one label request and one comment per labelled issue.
      const labelled = [...local.issues.values()].filter((i) => expectedLabels(i.title, i.body).length).length;
      const kinds = (re: RegExp) => local.writes().filter((w) => re.test(w)).length;
      expect({ created: kinds(/^POST \/repos\/acme\/api\/labels$/), added: kinds(/\/issues\/\d+\/labels$/), comments: kinds(/\/comments$/) }).toEqual({ created: 3, added: labelled, comments: labelled });
      process.stdout.write(`load: 5000 deliveries sent in ${sent} ms; ${local.log.length} requests to GitHub, ${local.writes().length} writes; RSS ${Math.round(rssBefore / 1024)} → ${Math.round(rssAfter / 1024)} MB\n`);
      // Bounded: the delivery ids and caches are capped; a leak would show as hundreds of MB here.
      expect(rssAfter).toBeLessThan(400 * 1024);
    } finally {
      app.child.kill("SIGKILL");
      await app.exited;
    }
  });

  test("SIGTERM during a burst: acknowledged work is finished, and after a restart the next event converges each issue", async () => {
    for (let n = 1; n <= 50; n++) local.addIssue(n, "Add a Stripe webhook endpoint");
    local.faults = [{ match: /^POST .*\/comments$/, times: 1000, delayMs: 20 }];
    const first = await startApp(address);
    const sends = Array.from({ length: 50 }, (_, i) => deliver(first.port, `burst-${i}`, "issues", issuePayload(local, i + 1, "opened")));
    await Promise.all(sends);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    // Before it exited, the server did the work of every delivery it had acknowledged.
    expect([...local.issues.values()].filter((i) => i.comments.filter((c) => c.body.startsWith(CHECKLIST_MARKER)).length !== 1).map((i) => i.number)).toEqual([]);
    local.faults = [];
    const second = await startApp(address);
    try {
      for (let n = 1; n <= 50; n++) await deliver(second.port, `after-${n}`, "issues", issuePayload(local, n, "edited"));
      await settle(local, 800);
      for (const issue of local.issues.values()) {
        expect({ n: issue.number, checklists: issue.comments.filter((c) => c.body.startsWith(CHECKLIST_MARKER)).length }).toEqual({ n: issue.number, checklists: 1 });
        expect({ n: issue.number, labels: [...issue.labels].sort() }).toEqual({ n: issue.number, labels: ["needs-spec", "scoped-deliverable"] });
      }
    } finally {
      second.child.kill("SIGKILL");
      await second.exited;
    }
  });

  test("backfill on installation while events arrive for the same issues: one checklist per issue", async () => {
    for (let n = 1; n <= 30; n++) local.addIssue(n, "Add a Stripe webhook endpoint");
    local.files.set(`${local.owner}/${local.repo}:.github/handoff.yml`, "backfill: true\n");
    // A GitHub slow to post comments, so that the backfill's runs and the events' runs overlap.
    local.faults = [{ match: /^POST .*\/issues\/\d+\/comments$/, times: 100_000, delayMs: 100 }];
    const app = await startApp(address);
    try {
      const installed = structuredClone(examples.find((e) => e.name === "installation")!.examples.find((x) => x.action === "created")!);
      installed.installation = { ...installed.installation, id: 42 };
      installed.repositories = [{ id: 1, node_id: "R", name: local.repo, full_name: `${local.owner}/${local.repo}`, private: false }];
      const sends = [deliver(app.port, "install-1", "installation", installed)];
      for (let n = 1; n <= 30; n++) sends.push(deliver(app.port, `open-${n}`, "issues", issuePayload(local, n, "opened")));
      expect(new Set(await Promise.all(sends))).toEqual(new Set([200]));
      await settle(local, 800);
      for (let n = 1; n <= 30; n++) expect({ n, creates: local.log.filter((l) => l === `POST /repos/acme/api/issues/${n}/comments`).length }).toEqual({ n, creates: 1 });
      for (const issue of local.issues.values()) expect({ n: issue.number, labels: [...issue.labels].sort() }).toEqual({ n: issue.number, labels: ["needs-spec", "scoped-deliverable"] });
      // The backfill listed the issues once.
      expect(local.log.filter((l) => l === "GET /repos/acme/api/issues")).toHaveLength(1);
      expect(local.violations).toEqual([]);
    } finally {
      app.child.kill("SIGKILL");
      await app.exited;
    }
  });
});
