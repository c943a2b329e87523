import { IssueQueue } from "../../src/app/issue-queue.js";

describe("IssueQueue", () => {
  test("work asked for during a run collapses into one more run, of the work asked for last", async () => {
    const calls: string[] = [];
    const queue = new IssueQueue(() => undefined);
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    queue.enqueue("pr#1", async (first) => {
      calls.push(`sha1 first=${first}`);
      await blocked;
    });
    await new Promise((r) => setImmediate(r));
    queue.enqueue("pr#1", async (first) => void calls.push(`sha2 first=${first}`));
    queue.enqueue("pr#1", async (first) => void calls.push(`sha3 first=${first}`));
    release();
    await queue.idle();
    expect(calls).toEqual(["sha1 first=true", "sha3 first=false"]);
    expect(queue.size).toBe(0);
  });

  test("a failed run is reported and does not stop the run asked for meanwhile", async () => {
    const errors: Array<[string, unknown]> = [];
    const queue = new IssueQueue((key, error) => errors.push([key, error]));
    const calls: boolean[] = [];
    queue.enqueue("a#1", async (first) => {
      calls.push(first);
      queue.enqueue("a#1", async (again) => void calls.push(again));
      throw new Error("boom");
    });
    await queue.idle();
    expect(calls).toEqual([true, false]);
    expect(errors).toEqual([["a#1", new Error("boom")]]);
  });
});
