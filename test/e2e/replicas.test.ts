import { jest } from "@jest/globals";
import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { JobsLeft, RedisCoordinator, type Pass } from "../../src/app/coordinator.js";
import { IssueQueue } from "../../src/app/issue-queue.js";
import type { IssueJob } from "../../src/plan/snapshot.js";
import { CHECKLIST_MARKER } from "../../src/engine/index.js";
import { LocalGitHub } from "../local-github/server.js";
import { describeWithRedisServer } from "../helpers/redis-server.js";
import { deliver, examples, freePort, issuePayload, settle, startApp, type App } from "./harness.js";

jest.setTimeout(120_000);

/** A real redis-server (Debian's package; `.ci/run` installs it) on a free loopback port. */
async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const failed = new Promise<never>((_, reject) => child.once("error", (e) => reject(new Error(`redis-server could not start (${e.message}): install it with apt-get install redis-server (CI=true requires these tests)`))));
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await Promise.race([client.connect().then(() => client.ping()), failed]);
      await client.quit();
      return { url, child };
    } catch (error) {
      client.disconnect();
      if ((error as Error).message.startsWith("redis-server could not start")) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill("SIGKILL");
  throw new Error("redis-server did not answer");
}

const TITLE = "two replicas sharing one Redis";

describeWithRedisServer(TITLE, "test/e2e/replicas.test.ts")(TITLE, () => {
  let redis: { url: string; child: ChildProcess } | undefined;
  const url = (): string => {
    if (!redis) throw new Error("redis-server is not running");
    return redis.url;
  };
  let local: LocalGitHub | undefined;
  let apps: App[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => {
    // Undefined when redis-server did not start: beforeAll's error is the one to read.
    redis?.child.kill("SIGKILL");
  });
  afterEach(async () => {
    for (const app of apps) {
      app.child.kill("SIGKILL");
      await app.exited;
    }
    apps = [];
    await local?.stop();
    local = undefined;
  });

  test("deliveries for the same 50 issues split between them in parallel: one checklist per issue, the right labels", async () => {
    const github = (local = new LocalGitHub());
    const address = await github.start();
    for (let n = 1; n <= 50; n++) github.addIssue(n, n % 2 ? "Add a Stripe webhook endpoint" : "Define SLOs and the on-call rotation for checkout");
    apps = [await startApp(address, { redisUrl: url() }), await startApp(address, { redisUrl: url() })];
    // A GitHub slow enough that runs for the same issue in the two replicas overlap.
    local.faults = [{ match: /^POST .*\/issues\/\d+\/(labels|comments)$/, times: 100_000, delayMs: 150 }];
    const sends: Array<Promise<number>> = [];
    for (let round = 0; round < 4; round++) {
      for (let n = 1; n <= 50; n++) {
        const payload = issuePayload(local, n, round === 0 ? "opened" : "edited");
        // Each event to both replicas at once: a different event to each, and every fifth also
        // redelivered with the same id to the other.
        sends.push(deliver(apps[(n + round) % 2]!.port, `rep-${round}-${n}`, "issues", payload));
        sends.push(deliver(apps[(n + round + 1) % 2]!.port, `rep-${round}-${n}-b`, "issues", issuePayload(local, n, "edited")));
        if (n % 5 === 0) sends.push(deliver(apps[(n + round + 1) % 2]!.port, `rep-${round}-${n}`, "issues", payload));
      }
    }
    const statuses = await Promise.all(sends);
    expect(statuses.every((s) => s === 200)).toBe(true);
    await settle(local, 2000);
    // Never double-posted: one create per issue, and no duplicate ever had to be cleaned up.
    for (let n = 1; n <= 50; n++) expect({ n, creates: local.log.filter((l) => l === `POST /repos/acme/api/issues/${n}/comments`).length }).toEqual({ n, creates: 1 });
    expect(local.log.filter((l) => l.startsWith("DELETE ") && l.includes("/issues/comments/"))).toEqual([]);
    for (const issue of local.issues.values()) {
      const checklists = issue.comments.filter((c) => c.body.startsWith(CHECKLIST_MARKER)).length;
      expect({ n: issue.number, checklists }).toEqual({ n: issue.number, checklists: 1 });
      expect({ n: issue.number, labels: [...issue.labels].sort() }).toEqual({ n: issue.number, labels: issue.number % 2 ? ["needs-spec", "scoped-deliverable"] : ["needs-owner"] });
    }
    expect(local.violations).toEqual([]);
  });

  test("a settings push delivered to one replica changes what the other decides next", async () => {
    const github = (local = new LocalGitHub());
    const address = await github.start();
    github.addIssue(1, "Add a Stripe webhook endpoint");
    github.addIssue(2, "Add a Stripe webhook endpoint");
    apps = [await startApp(address, { redisUrl: url() }), await startApp(address, { redisUrl: url() })];
    const [a, b] = apps as [App, App];
    // B learns the settings (none: the defaults) and keeps them in its cache.
    expect(await deliver(b.port, "settings-1", "issues", issuePayload(github, 1, "opened"))).toBe(200);
    await settle(github);
    expect([...github.issues.get(1)!.labels].sort()).toEqual(["needs-spec", "scoped-deliverable"]);
    // A settings file lands on the default branch; its push reaches A only.
    github.files.set("acme/api:.github/handoff.yml", "labels:\n  scoped: { name: contractable }\n");
    const push = structuredClone(examples.find((e) => e.name === "push")!.examples[4]!);
    push.repository = { ...push.repository, name: github.repo, full_name: `${github.owner}/${github.repo}`, owner: { ...push.repository.owner, login: github.owner, name: github.owner } };
    push.commits[0].added = [".github/handoff.yml"];
    push.installation = { id: 42 };
    expect(await deliver(a.port, "settings-2", "push", push)).toBe(200);
    await settle(github);
    expect(github.checkRuns).toEqual([expect.objectContaining({ head_sha: push.after, conclusion: "success" })]);
    // The next issue event reaches B, which decides with the new settings.
    expect(await deliver(b.port, "settings-3", "issues", issuePayload(github, 2, "opened"))).toBe(200);
    await settle(github);
    expect([...github.issues.get(2)!.labels].sort()).toEqual(["contractable", "needs-spec"]);
    expect(github.violations).toEqual([]);
  });

  test("invalid settings, issues opened at both replicas and a push at once: one configuration issue; a valid push closes it", async () => {
    const github = (local = new LocalGitHub());
    const address = await github.start();
    github.files.set("acme/api:.github/handoff.yml", "classify:\n  threshold: high\n");
    for (let n = 1; n <= 6; n++) github.addIssue(n, "Add a Stripe webhook endpoint");
    apps = [await startApp(address, { redisUrl: url() }), await startApp(address, { redisUrl: url() })];
    const [a, b] = apps as [App, App];
    const push = (after: string) => {
      const p = structuredClone(examples.find((e) => e.name === "push")!.examples[4]!);
      p.repository = { ...p.repository, name: github.repo, full_name: `${github.owner}/${github.repo}`, owner: { ...p.repository.owner, login: github.owner, name: github.owner } };
      p.commits[0].modified = [".github/handoff.yml"];
      p.after = after;
      p.installation = { id: 42 };
      return p;
    };
    const sends = [deliver(a.port, "config-push-1", "push", push("1".repeat(40)))];
    for (let n = 1; n <= 6; n++) sends.push(deliver(apps[n % 2]!.port, `config-open-${n}`, "issues", issuePayload(github, n, "opened")));
    expect(await Promise.all(sends)).toEqual(Array(7).fill(200));
    await settle(github, 2000);
    const configIssues = () => [...github.issues.values()].filter((i) => i.body.startsWith("<!-- handoff:config -->"));
    expect(configIssues().map((i) => i.state)).toEqual(["open"]);
    expect(github.log.filter((l) => l === "POST /repos/acme/api/issues")).toHaveLength(1);
    for (let n = 1; n <= 6; n++) expect({ n, labels: github.issues.get(n)!.labels }).toEqual({ n, labels: [] });

    // The file fixed, its push reaching the other replica: whichever opened the issue, it is closed.
    github.files.set("acme/api:.github/handoff.yml", "classify:\n  threshold: 0.7\n");
    expect(await deliver(b.port, "config-push-2", "push", push("2".repeat(40)))).toBe(200);
    await settle(github, 2000);
    expect(configIssues().map((i) => i.state)).toEqual(["closed"]);
    expect(github.violations).toEqual([]);
  });

  test("a reply claimed on one replica is not made again from the other within its window, and is again after it", async () => {
    const a = new RedisCoordinator(new IssueQueue(() => undefined), new Redis(url()), "test-claim:");
    const b = new RedisCoordinator(new IssueQueue(() => undefined), new Redis(url()), "test-claim:");
    try {
      expect(await a.claim("reply:acme/api#1:mallory:denied", 300)).toBe(true);
      expect(await b.claim("reply:acme/api#1:mallory:denied", 300)).toBe(false);
      expect(await b.claim("reply:acme/api#1:trudy:denied", 300)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(await b.claim("reply:acme/api#1:mallory:denied", 300)).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test("a run that fails while another event waits: the waiting pass runs with every job, first the failed run's, and the lock is let go", async () => {
    const errors: unknown[] = [];
    const queue = new IssueQueue((_key, error) => errors.push(error));
    const redisA = new Redis(url());
    const redisB = new Redis(url());
    const a = new RedisCoordinator(queue, redisA, "test-fail:");
    const b = new RedisCoordinator(new IssueQueue(() => undefined), redisB, "test-fail:");
    try {
      const passes: Array<{ first: boolean; jobs: IssueJob[] }> = [];
      let release!: () => void;
      const blocked = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const job = (label: string): IssueJob => ({ label, added: true, by: "octocat" });
      await a.submit("acme/api#1", job("first"), async ({ first, jobs }) => {
        passes.push({ first, jobs });
        if (passes.length === 1) {
          started();
          await blocked;
          throw new Error("GitHub is down");
        }
      });
      await running;
      // Another replica's event for the same issue, while the first run holds the lock.
      const other = jest.fn(async () => undefined);
      await b.submit("acme/api#1", job("second"), other);
      release();
      await queue.idle();
      expect(other).not.toHaveBeenCalled();
      expect(passes).toEqual([
        { first: true, jobs: [job("first")] },
        { first: false, jobs: [job("first"), job("second")] },
      ]);
      expect(errors).toEqual([new Error("GitHub is down")]);
      // The lock is free: the next event is run at once, by whichever replica gets it.
      const next = jest.fn(async () => undefined);
      await b.submit("acme/api#1", null, next);
      await new Promise((r) => setTimeout(r, 50));
      // It ran before: an event's comment count is not to be trusted.
      expect(next).toHaveBeenCalledWith({ first: true, jobs: [], ranBefore: true });
    } finally {
      await a.close();
      await b.close();
    }
  });

  test("a run longer than the lock's lifetime keeps the lock, and another replica's request for one more pass: its event waits for the run instead of running beside it", async () => {
    const errors: unknown[] = [];
    const queue = new IssueQueue((_key, error) => errors.push(error), { catchUp: { quietMs: 50, maxMs: 500 } });
    const redisA = new Redis(url());
    const redisB = new Redis(url());
    // A lock that would lapse 1.5 s after it was taken if nobody extended it.
    const a = new RedisCoordinator(queue, redisA, "test-hold:", 1500);
    const b = new RedisCoordinator(new IssueQueue(() => undefined), redisB, "test-hold:", 1500);
    try {
      const passes: Array<{ first: boolean; labels: string[] }> = [];
      const job = (label: string): IssueJob => ({ label, added: true, by: "octocat" });
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      await a.submit("acme/api#3", null, async ({ first, jobs }) => {
        passes.push({ first, labels: jobs.map((j) => ("label" in j ? j.label : "")) });
        if (passes.length === 1) {
          started();
          // Waiting out a rate limit, say: three times the lock's lifetime.
          await new Promise((r) => setTimeout(r, 4500));
        }
      });
      await running;
      // Past the lock's lifetime; the other replica's request for one more pass would lapse 1.5 s
      // after it, still during the run, if nobody extended it either.
      await new Promise((r) => setTimeout(r, 2000));
      expect(Number(await redisB.pttl("test-hold:lock:acme/api#3"))).toBeGreaterThan(0);
      const other = jest.fn(async () => undefined);
      await b.submit("acme/api#3", job("late"), other);
      await queue.idle();
      expect(other).not.toHaveBeenCalled();
      expect(passes).toEqual([
        { first: true, labels: [] },
        { first: false, labels: ["late"] },
      ]);
      expect(errors).toEqual([]);
      // Let go once the work is done.
      expect(await redisB.exists("test-hold:lock:acme/api#3")).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test("the lock taken by another holder mid-run (it lapsed): the run reports it", async () => {
    const errors: unknown[] = [];
    const queue = new IssueQueue((_key, error) => errors.push(error));
    const redisA = new Redis(url());
    const a = new RedisCoordinator(queue, redisA, "test-lost:", 600);
    try {
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      await a.submit("acme/api#4", null, async () => {
        started();
        await new Promise((r) => setTimeout(r, 1000));
      });
      await running;
      // As if Redis had lost the key and another replica had taken the issue.
      await redisA.set("test-lost:lock:acme/api#4", "another-replica");
      await queue.idle();
      expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining("Redis lock lapsed during a run") })]);
      expect(await redisA.get("test-lost:lock:acme/api#4")).toBe("another-replica");
    } finally {
      await redisA.del("test-lost:lock:acme/api#4");
      await a.close();
    }
  });

  test("another replica's events in waves during a run: one more pass, once they have stopped for quietMs", async () => {
    const queue = new IssueQueue(() => undefined, { catchUp: { quietMs: 100, maxMs: 2000 } });
    const redisA = new Redis(url());
    const redisB = new Redis(url());
    const a = new RedisCoordinator(queue, redisA, "test-waves:");
    const b = new RedisCoordinator(new IssueQueue(() => undefined), redisB, "test-waves:");
    try {
      const passes: Array<{ first: boolean; labels: string[]; at: number }> = [];
      const t0 = Date.now();
      const job = (label: string): IssueJob => ({ label, added: true, by: "octocat" });
      await a.submit("acme/api#2", null, async ({ first, jobs }) => {
        passes.push({ first, labels: jobs.map((j) => ("label" in j ? j.label : "")), at: Date.now() - t0 });
        if (passes.length === 1) await new Promise((r) => setTimeout(r, 50));
      });
      // Three waves 60 ms apart from the other replica, the first while the first pass runs.
      const other = jest.fn(async () => undefined);
      for (const wave of ["w1", "w2", "w3"]) {
        await new Promise((r) => setTimeout(r, wave === "w1" ? 10 : 60));
        await b.submit("acme/api#2", job(wave), other);
      }
      const lastWave = Date.now() - t0;
      await queue.idle();
      expect(other).not.toHaveBeenCalled();
      expect(passes.map(({ first, labels }) => ({ first, labels }))).toEqual([
        { first: true, labels: [] },
        { first: false, labels: ["w1", "w2", "w3"] },
      ]);
      expect(passes[1]!.at).toBeGreaterThanOrEqual(lastWave + 100 - 10);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test("an item's first pass waits for its burst; an event another replica received meanwhile makes it read the item again", async () => {
    const queue = new IssueQueue(() => undefined, { settle: { quietMs: 100, maxMs: 2000 } });
    const a = new RedisCoordinator(queue, new Redis(url()), "test-settle:");
    const b = new RedisCoordinator(new IssueQueue(() => undefined), new Redis(url()), "test-settle:");
    try {
      const passes: Array<{ first: boolean; labels: string[] }> = [];
      const job = (label: string): IssueJob => ({ label, added: true, by: "octocat" });
      const run = async ({ first, jobs }: Pass<IssueJob>) => void passes.push({ first, labels: jobs.map((j) => ("label" in j ? j.label : "")) });
      // Alone: one pass, which trusts the payload it came with.
      await a.submit("acme/api#5", job("alone"), run, { settle: true });
      await queue.idle();
      expect(passes).toEqual([{ first: true, labels: ["alone"] }]);
      passes.length = 0;
      // Another replica's event during the wait: still one pass, for both, reading the issue.
      const other = jest.fn(async () => undefined);
      await a.submit("acme/api#6", job("mine"), run, { settle: true });
      await new Promise((r) => setTimeout(r, 30));
      await b.submit("acme/api#6", job("theirs"), other, { settle: true });
      await queue.idle();
      expect(other).not.toHaveBeenCalled();
      expect(passes).toEqual([{ first: false, labels: ["mine", "theirs"] }]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test("jobs of any kind queued by another replica reach the holder's next pass; a pass that did part of them keeps only the rest", async () => {
    interface Answer {
      comment: number;
    }
    const errors: unknown[] = [];
    const queueA = new IssueQueue((_key, error) => errors.push(error));
    const queueB = new IssueQueue(() => undefined);
    const a = new RedisCoordinator(queueA, new Redis(url()), "test-kinds:");
    const b = new RedisCoordinator(queueB, new Redis(url()), "test-kinds:");
    try {
      const passes: Answer[][] = [];
      let release!: () => void;
      const blocked = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      await a.submit<Answer>("dashboard/acme/api", { comment: 1 }, async ({ jobs }) => {
        passes.push(jobs);
        if (passes.length === 1) {
          started();
          await blocked;
        }
        // The first answer of the second pass made, then GitHub fails.
        if (passes.length === 2) throw new JobsLeft(jobs.slice(1), new Error("GitHub is down"));
      });
      await running;
      const other = jest.fn(async () => undefined);
      await b.submit<Answer>("dashboard/acme/api", { comment: 2 }, other);
      await b.submit<Answer>("dashboard/acme/api", { comment: 3 }, other);
      release();
      await queueA.idle();
      expect(other).not.toHaveBeenCalled();
      expect(passes).toEqual([[{ comment: 1 }], [{ comment: 2 }, { comment: 3 }]]);
      expect(errors).toEqual([new Error("GitHub is down")]);
      // The answer not made waits for the item's next run, on whichever replica.
      const next = jest.fn(async (_pass: Pass<Answer>) => undefined);
      await b.submit<Answer>("dashboard/acme/api", null, next);
      await queueB.idle();
      expect(next).toHaveBeenCalledWith({ first: true, jobs: [{ comment: 3 }], ranBefore: true });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
