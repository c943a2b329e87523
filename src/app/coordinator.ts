import { Redis } from "ioredis";
import type { IssueJob } from "../plan/snapshot.js";
import { IssueQueue, RecentDeliveries, sleep, type CatchUp } from "./issue-queue.js";

/** One run of an item's work. */
export interface Pass<J> {
  /** False for a run that catches up with later events. */
  first: boolean;
  /** The jobs queued for the item since its last run (JSON data, so that another replica can queue them). */
  jobs: J[];
  /**
   * True when a run for the item has already started (in this process, or in any replica with
   * Redis) within the last day: an event's payload may then predate what that run wrote (GitHub
   * delivers in no promised order), so its comment count is not to be trusted.
   */
  ranBefore: boolean;
}

/** Runs an item's work with the jobs queued for it. */
export type ItemRun<J> = (pass: Pass<J>) => Promise<void>;

export type IssueRun = ItemRun<IssueJob>;

/**
 * Thrown by a run that did part of its jobs: only `jobs`, the ones not done, are kept for the next
 * run (any other error keeps them all).
 */
export class JobsLeft<J> extends Error {
  constructor(
    readonly jobs: J[],
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Who processes what: delivery de-duplication and the one-run-at-a-time-per-item rule (an issue, a
 * pull request, a repository's settings, backfill, dashboard or labels), with events that arrive
 * during a run collapsing into one more run. In memory for a single process; in Redis when several
 * replicas share the work, so that none of them double-posts.
 */
export interface Coordinator {
  firstDelivery(id: string): Promise<boolean>;
  /**
   * Queues the item's work; resolves once it is queued, with `done`, which resolves once the work
   * has run in this process, or at once when another replica holds the item and will run it.
   * With `settle`, the first run waits for the rest of the burst (the queue's `settle` timing).
   */
  submit<J = IssueJob>(key: string, job: NoInfer<J> | null, run: ItemRun<J>, options?: SubmitOptions): Promise<{ done: Promise<void> }>;
  readonly queue: IssueQueue;
  /**
   * True when nobody has claimed `key` within the last `ms`, and claims it: what rations replies
   * across replicas (one per person, issue and window).
   */
  claim(key: string, ms: number): Promise<boolean>;
  /** The settings of these repositories (`owner/repo`, lower case) changed: on every replica. */
  settingsChanged(repo: string): Promise<void>;
  /** A token per repository that changes whenever its settings change (on any replica). */
  settingsVersions(repos: string[]): Promise<string[]>;
  close(): Promise<void>;
}

export interface SubmitOptions {
  /** Let the first run wait until the events of a burst have stopped (events); not for the backfill. */
  settle?: boolean;
}

/** Claims kept in memory before the expired ones are swept out. */
const SWEEP_AT = 10_000;

/** One process: everything in memory. */
export class MemoryCoordinator implements Coordinator {
  private readonly deliveries = new RecentDeliveries();
  private readonly ran = new RecentDeliveries();
  private readonly pending = new Map<string, unknown[]>();
  private readonly claims = new Map<string, number>();
  private readonly versions = new Map<string, number>();

  constructor(readonly queue: IssueQueue) {}

  async claim(key: string, ms: number): Promise<boolean> {
    const now = Date.now();
    if (this.claims.size >= SWEEP_AT) for (const [k, until] of this.claims) if (until <= now) this.claims.delete(k);
    if ((this.claims.get(key) ?? 0) > now) return false;
    this.claims.set(key, now + ms);
    return true;
  }

  async firstDelivery(id: string): Promise<boolean> {
    return this.deliveries.first(id);
  }

  async settingsChanged(repo: string): Promise<void> {
    this.versions.set(repo, (this.versions.get(repo) ?? 0) + 1);
  }

  async settingsVersions(repos: string[]): Promise<string[]> {
    return repos.map((r) => String(this.versions.get(r) ?? 0));
  }

  async submit<J = IssueJob>(key: string, job: NoInfer<J> | null, run: ItemRun<J>, { settle = false }: SubmitOptions = {}): Promise<{ done: Promise<void> }> {
    if (job) this.pending.set(key, [...(this.pending.get(key) ?? []), job]);
    const done = this.queue.enqueue(key, async ({ first }) => {
      const jobs = (this.pending.get(key) ?? []) as J[];
      this.pending.delete(key);
      try {
        await run({ first, jobs, ranBefore: !this.ran.first(key) });
      } catch (error) {
        // Keep the people's decisions and commands (the jobs not done) for the next run.
        const kept = error instanceof JobsLeft ? (error.jobs as J[]) : jobs;
        this.pending.set(key, [...kept, ...(this.pending.get(key) ?? [])]);
        throw error instanceof JobsLeft ? error.cause : error;
      }
    }, { settle });
    return { done };
  }

  async close(): Promise<void> {}
}

/**
 * An issue's lock lapses this long after its holder was last heard of, so that a replica that dies
 * mid-run does not hold the issue for ever; a live holder extends it every third of that while it
 * works, so that a run waiting out GitHub's rate limit (up to two minutes) keeps it.
 */
const LOCK_MS = 120_000;
const DELIVERY_SECONDS = 24 * 3600;

/** Takes the issue's lock, or, when another run holds it, asks that run for one more pass. */
const ACQUIRE = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
return 0`;

/** After a run: one more pass if asked for (keeping the lock), else release the lock if still ours. */
const RELEASE_OR_AGAIN = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if redis.call('DEL', KEYS[2]) == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
redis.call('DEL', KEYS[1])
return 0`;

/** Extends the lock if it is still ours, and with it another replica's request for one more pass. */
const EXTEND = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 1`;

/** Takes every queued job at once. */
const DRAIN = `
local v = redis.call('LRANGE', KEYS[1], 0, -1)
redis.call('DEL', KEYS[1])
return v`;

/** Several replicas behind a load balancer: delivery ids, locks and queued jobs live in Redis. */
export class RedisCoordinator implements Coordinator {
  private readonly token = `${process.pid}-${Math.random().toString(36).slice(2)}`;

  constructor(
    readonly queue: IssueQueue,
    private readonly redis: Redis,
    private readonly prefix = "handoff:",
    private readonly lockMs = LOCK_MS,
  ) {}

  static connect(url: string, queue: IssueQueue): RedisCoordinator {
    return new RedisCoordinator(queue, new Redis(url, { maxRetriesPerRequest: 3 }));
  }

  async claim(key: string, ms: number): Promise<boolean> {
    return (await this.redis.set(`${this.prefix}claim:${key}`, "1", "PX", ms, "NX")) === "OK";
  }

  async firstDelivery(id: string): Promise<boolean> {
    return (await this.redis.set(`${this.prefix}delivery:${id}`, "1", "EX", DELIVERY_SECONDS, "NX")) === "OK";
  }

  async settingsChanged(repo: string): Promise<void> {
    await this.redis.incr(`${this.prefix}settings:${repo}`);
  }

  async settingsVersions(repos: string[]): Promise<string[]> {
    if (!repos.length) return [];
    const versions = await this.redis.mget(...repos.map((r) => `${this.prefix}settings:${r}`));
    return versions.map((v) => v ?? "0");
  }

  async submit<J = IssueJob>(key: string, job: NoInfer<J> | null, run: ItemRun<J>, { settle = false }: SubmitOptions = {}): Promise<{ done: Promise<void> }> {
    const keys = { lock: `${this.prefix}lock:${key}`, again: `${this.prefix}again:${key}`, jobs: `${this.prefix}jobs:${key}`, ran: `${this.prefix}ran:${key}` };
    if (job) await this.redis.rpush(keys.jobs, JSON.stringify(job));
    const acquired = (await this.redis.eval(ACQUIRE, 2, keys.lock, keys.again, this.token, this.lockMs)) === 1;
    // Another replica holds the issue: it will make one more pass and take the queued jobs.
    if (!acquired) return { done: Promise.resolve() };
    const done = this.queue.enqueue(`redis/${key}`, async ({ first }) => {
      const holding = this.holdLock(key, keys.lock, keys.again);
      try {
        await this.passes(key, keys, run, { first, settle: settle && first });
      } finally {
        clearInterval(holding);
      }
    });
    return { done };
  }

  /** Keeps the issue's lock while this replica works on it. */
  private holdLock(key: string, lockKey: string, againKey: string): NodeJS.Timeout {
    let lost = false;
    const holding = setInterval(() => {
      this.redis.eval(EXTEND, 2, lockKey, againKey, this.token, this.lockMs).then(
        (held) => {
          if (held === 1 || lost) return;
          lost = true;
          this.queue.onError(key, new Error("the issue's Redis lock lapsed during a run (Redis restarted, or this process stalled): another replica may have run the issue at the same time"));
        },
        // Redis out of reach: the lock lapses unless it comes back in time, as it would for a replica
        // that died; the pass's own requests to Redis report the failure.
        () => undefined,
      );
    }, this.lockMs / 3);
    holding.unref();
    return holding;
  }

  /** The issue's passes, while events keep asking for one more; the lock is ours throughout. */
  private async passes<J>(key: string, keys: Record<"lock" | "again" | "jobs" | "ran", string>, run: ItemRun<J>, options: { first: boolean; settle: boolean }): Promise<void> {
    let { first } = options;
    // The first pass waits for the rest of the burst. An event that came meanwhile (to any replica)
    // brought a payload this replica has not seen: the pass then reads the issue as it is now.
    if (options.settle && (await this.quiet(keys.again, this.queue.settle))) first = false;
    else if (!first) await this.quiet(keys.again, this.queue.catchUp);
    for (let again = true, pass = 0; again; first = false, pass++) {
      if (pass > 0) await this.quiet(keys.again, this.queue.catchUp);
      const raw = (await this.redis.eval(DRAIN, 1, keys.jobs)) as string[];
      let failure: { error: unknown } | null = null;
      try {
        const ranBefore = (await this.redis.set(keys.ran, "1", "EX", DELIVERY_SECONDS, "NX")) !== "OK";
        await run({ first, jobs: raw.map((j) => JSON.parse(j) as J), ranBefore });
      } catch (error) {
        // Keep the people's decisions and commands (the jobs not done) for the next run, ahead of
        // those that came since.
        const kept = error instanceof JobsLeft ? error.jobs.map((j) => JSON.stringify(j)) : raw;
        if (kept.length) await this.redis.lpush(keys.jobs, ...[...kept].reverse());
        failure = { error: error instanceof JobsLeft ? error.cause : error };
      }
      // Every pass ends by releasing the lock or taking the pass asked for meanwhile: a failed run
      // never leaves the issue locked with nobody working on it.
      again = (await this.redis.eval(RELEASE_OR_AGAIN, 2, keys.lock, keys.again, this.token, this.lockMs)) === 1;
      if (failure && !again) throw failure.error;
      if (failure) this.queue.onError(key, failure.error);
    }
  }

  /**
   * Before a pass: waits until no replica has asked for one more pass for `quietMs` (`maxMs` at
   * most); true when one asked meanwhile. The requests that came meanwhile are covered by the pass
   * about to start.
   */
  private async quiet(againKey: string, { quietMs, maxMs }: CatchUp): Promise<boolean> {
    if (quietMs <= 0) return false;
    const deadline = Date.now() + maxMs;
    let asked = false;
    for (;;) {
      await sleep(Math.min(quietMs, Math.max(0, deadline - Date.now())));
      if (Date.now() >= deadline || (await this.redis.del(againKey)) !== 1) return asked;
      asked = true;
    }
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
