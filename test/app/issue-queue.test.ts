import { IssueQueue } from "../../src/app/issue-queue.js";

describe("IssueQueue", () => {
  test("work asked for during a run collapses into one more run, of the work asked for last", async () => {
    const calls: string[] = [];
    const queue = new IssueQueue(() => undefined);
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    queue.enqueue("pr#1", async ({ first }) => {
      calls.push(`sha1 first=${first}`);
      await blocked;
    });
    await new Promise((r) => setImmediate(r));
    queue.enqueue("pr#1", async ({ first }) => void calls.push(`sha2 first=${first}`));
    queue.enqueue("pr#1", async ({ first }) => void calls.push(`sha3 first=${first}`));
    release();
    await queue.idle();
    expect(calls).toEqual(["sha1 first=true", "sha3 first=false"]);
    expect(queue.size).toBe(0);
  });

  test("a failed run is reported and does not stop the run asked for meanwhile", async () => {
    const errors: Array<[string, unknown]> = [];
    const queue = new IssueQueue((key, error) => errors.push([key, error]));
    const calls: boolean[] = [];
    queue.enqueue("a#1", async ({ first }) => {
      calls.push(first);
      queue.enqueue("a#1", async ({ first: again }) => void calls.push(again));
      throw new Error("boom");
    });
    await queue.idle();
    expect(calls).toEqual([true, false]);
    expect(errors).toEqual([["a#1", new Error("boom")]]);
  });

  test("a run that catches up waits until the events have stopped for quietMs, so waves of one burst cost one run", async () => {
    const queue = new IssueQueue(() => undefined, { catchUp: { quietMs: 80, maxMs: 5000 } });
    const calls: Array<[string, number]> = [];
    const t0 = Date.now();
    queue.enqueue("i#1", async () => {
      calls.push(["first", Date.now() - t0]);
      await new Promise((r) => setTimeout(r, 30));
    });
    await new Promise((r) => setImmediate(r));
    // Three waves 40 ms apart, the first during the first run: each comes before the quiet period ends.
    for (const wave of ["a", "b", "c"]) {
      queue.enqueue("i#1", async () => void calls.push([wave, Date.now() - t0]));
      await new Promise((r) => setTimeout(r, 40));
    }
    await queue.idle();
    expect(calls.map(([name]) => name)).toEqual(["first", "c"]);
    // The catch-up started at least quietMs after the last wave (sent at about 80 ms).
    expect(calls[1]![1]).toBeGreaterThanOrEqual(80 + 80 - 5);
  });

  test("events that never stop: the catch-up runs after maxMs anyway", async () => {
    const queue = new IssueQueue(() => undefined, { catchUp: { quietMs: 50, maxMs: 150 } });
    const calls: number[] = [];
    const t0 = Date.now();
    queue.enqueue("i#1", async () => {
      calls.push(Date.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    });
    await new Promise((r) => setImmediate(r));
    const stop = Date.now() + 400;
    while (Date.now() < stop && calls.length < 2) {
      queue.enqueue("i#1", async () => void calls.push(Date.now() - t0));
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(calls.length).toBeGreaterThanOrEqual(2);
    // The first run ended at about 20 ms; the catch-up waited maxMs from then.
    expect(calls[1]!).toBeGreaterThanOrEqual(20 + 150 - 5);
    expect(calls[1]!).toBeLessThan(400);
    await queue.idle();
  });

  test("with settle, the first run waits until the key's work has stopped being asked for, and runs the work asked for last", async () => {
    const queue = new IssueQueue(() => undefined, { settle: { quietMs: 60, maxMs: 1000 } });
    const calls: Array<[string, boolean, number]> = [];
    const t0 = Date.now();
    let last = 0;
    for (const name of ["opened", "edit-1", "edit-2"]) {
      last = Date.now() - t0;
      queue.enqueue("i#1", async ({ first }) => void calls.push([name, first, Date.now() - t0]), { settle: true });
      await new Promise((r) => setTimeout(r, 30));
    }
    await queue.idle();
    expect(calls.map(([name, first]) => [name, first])).toEqual([["edit-2", true]]);
    expect(calls[0]![2]).toBeGreaterThanOrEqual(last + 60 - 5);
  });

  test("without settle, the first run starts at once", async () => {
    const queue = new IssueQueue(() => undefined, { settle: { quietMs: 500, maxMs: 1000 } });
    const t0 = Date.now();
    let at = -1;
    queue.enqueue("i#1", async () => void (at = Date.now() - t0));
    await queue.idle();
    expect(at).toBeLessThan(100);
  });
});
