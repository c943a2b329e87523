import { readdirSync, readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * The server's threads by scheduling priority. Linux gives each thread its own nice value, and
 * `setPriority` with a thread's id sets that thread's alone. The webhook thread (the process's main
 * thread) keeps the process's priority; everything else runs below it, so that on a busy machine the
 * acknowledgements go first. Where there is no /proc, or lowering is not allowed, threads keep the
 * process's priority.
 */
export const BACKGROUND_NICE = 10;

const lower = (tid: number): void => {
  if (!Number.isInteger(tid) || tid === process.pid) return;
  try {
    setPriority(tid, BACKGROUND_NICE);
  } catch {
    // The thread has ended, or the system does not allow it: it keeps its priority.
  }
};

/** The calling thread, unless it is the process's main thread. */
export function lowerThisThread(): void {
  try {
    lower(Number(readlinkSync("/proc/thread-self").split("/").pop()));
  } catch {
    // No /proc/thread-self.
  }
}

/**
 * Every thread of the process but the main one, as they are when called: V8's platform threads
 * (background compilation, and the garbage collector's helpers where it uses them) and libuv's
 * thread pool if it has started. Threads started later by the main thread keep its priority.
 */
export function lowerOtherThreads(): void {
  let tids: string[];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return;
  }
  for (const tid of tids) lower(Number(tid));
}
