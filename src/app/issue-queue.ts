/** A run of a key's work; `first` is false for a run that catches up with later events. */
export type Run = (pass: { first: boolean }) => Promise<void>;

/**
 * How a run that catches up waits for the burst that asked for it to end: until no event has come for
 * `quietMs`, `maxMs` at most. Events of one burst (an issue opened and edited at once, labels set one
 * by one) then cost one catch-up run rather than one per wave.
 */
export interface CatchUp {
  quietMs: number;
  maxMs: number;
}

export const NO_WAIT: CatchUp = { quietMs: 0, maxMs: 0 };

export interface QueueTiming {
  /** How a run that catches up with later events waits for them to stop. */
  catchUp?: CatchUp;
  /**
   * How the first run of a key that settles waits for the events of its burst (an issue opened and
   * edited at once): they are all covered by that run, and no run is needed to catch up with them.
   */
  settle?: CatchUp;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `lastAsked()` is `quietMs` in the past, or `maxMs` have gone by. */
export async function quietPeriod(lastAsked: () => number, { quietMs, maxMs }: CatchUp): Promise<void> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const wait = Math.min(lastAsked() + quietMs, deadline) - Date.now();
    if (wait <= 0) return;
    await sleep(wait);
  }
}

/**
 * Serialises work per key (one issue). Work asked for while a run is going collapses into one more
 * run afterwards, however many times it was asked: eleven events at once cost at most two runs. The
 * run that catches up is the one asked for last, so it works from the latest event (a pull request's
 * newest head commit, the last push).
 */
export class IssueQueue {
  private readonly entries = new Map<string, { again: boolean; run: Run; waiting: Array<() => void>; askedAt: number }>();
  private readonly active = new Set<Promise<void>>();
  readonly catchUp: CatchUp;
  readonly settle: CatchUp;

  constructor(
    readonly onError: (key: string, error: unknown) => void,
    { catchUp = NO_WAIT, settle = NO_WAIT }: QueueTiming = {},
  ) {
    this.catchUp = catchUp;
    this.settle = settle;
  }

  /**
   * `run` is called with `first: true` on the first run, false on runs that catch up with later events.
   * With `settle`, the first run waits until the key's work has stopped being asked for (see
   * `QueueTiming.settle`), and runs the work asked for last.
   * The promise resolves once a run that started after this call has finished (failed runs included:
   * their errors go to `onError`); callers answering a webhook do not wait for it.
   */
  enqueue(key: string, run: Run, { settle = false }: { settle?: boolean } = {}): Promise<void> {
    return new Promise<void>((done) => {
      const entry = this.entries.get(key);
      if (entry) {
        entry.again = true;
        entry.run = run;
        entry.askedAt = Date.now();
        entry.waiting.push(done);
        return;
      }
      const fresh = { again: false, run, waiting: [done], askedAt: Date.now() };
      this.entries.set(key, fresh);
      const loop = (async () => {
        let first = true;
        try {
          do {
            // Let webhooks waiting for their answer go first: the work happens after the acknowledgement.
            await new Promise<void>((resolve) => setImmediate(resolve));
            if (!first) await quietPeriod(() => fresh.askedAt, this.catchUp);
            else if (settle) await quietPeriod(() => fresh.askedAt, this.settle);
            fresh.again = false;
            const covered = fresh.waiting;
            fresh.waiting = [];
            try {
              await fresh.run({ first });
            } catch (error) {
              this.onError(key, error);
            }
            for (const resolve of covered) resolve();
            first = false;
          } while (fresh.again);
        } finally {
          this.entries.delete(key);
        }
      })();
      this.active.add(loop);
      void loop.finally(() => this.active.delete(loop));
    });
  }

  /** Resolves once no work is queued or running (used on shutdown and in tests). */
  async idle(): Promise<void> {
    while (this.active.size) await Promise.all([...this.active]);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Remembers recent delivery ids, so a redelivered webhook is processed once. */
export class RecentDeliveries {
  private readonly ids = new Set<string>();

  constructor(private readonly max = 10_000) {}

  /** True the first time an id is seen. */
  first(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.max) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
