import { execFileSync } from "node:child_process";
import { readdirSync, readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * The server's threads by scheduling priority. Linux schedules each thread on its own, and
 * `setPriority` with a thread's id sets that thread's nice value alone. The webhook thread (the
 * process's main thread) keeps the process's priority; everything else runs below it, so that on a
 * busy machine the acknowledgements go first.
 *
 * `HANDOFF_WORKER_PRIORITY` says how far below:
 * - `idle` (the default): nice 10, then Linux's SCHED_IDLE policy, set with util-linux's `chrt`. A
 *   thread of normal policy that wakes up takes the CPU from a SCHED_IDLE thread at once; from a
 *   thread that is merely niced, only once that thread's time slice is up, which is most of a
 *   millisecond and more. SCHED_IDLE threads get what CPU their cgroup's other threads leave them:
 *   the server should have its own container or service, as Docker, Kubernetes and systemd give it.
 *   Without `chrt`, or where the system refuses, the threads stay at nice 10.
 * - `low`: nice 10 only.
 * - `normal`: every thread keeps the process's priority.
 * Where there is no /proc, or lowering is not allowed, threads keep the process's priority.
 */
export const BACKGROUND_NICE = 10;

export type WorkerPriority = "idle" | "low" | "normal";

export function workerPriority(raw = process.env.HANDOFF_WORKER_PRIORITY): WorkerPriority {
  const value = raw?.trim() ?? "";
  if (value === "") return "idle";
  if (value === "idle" || value === "low" || value === "normal") return value;
  throw new Error(`HANDOFF_WORKER_PRIORITY must be idle, low or normal, not ${JSON.stringify(raw)}`);
}

/** What a thread was given: the policy asked for, or less where the system did not allow it. */
const lower = (tid: number, priority: WorkerPriority): WorkerPriority => {
  if (priority === "normal" || !Number.isInteger(tid) || tid === process.pid) return "normal";
  try {
    setPriority(tid, BACKGROUND_NICE);
  } catch {
    // The thread has ended, or the system does not allow it: it keeps its priority.
    return "normal";
  }
  if (priority === "low") return "low";
  try {
    execFileSync("chrt", ["--idle", "--pid", "0", String(tid)], { stdio: "ignore", timeout: 5_000 });
    return "idle";
  } catch {
    // No chrt, or the thread has ended, or the system does not allow it: the thread stays at nice 10.
    return "low";
  }
};

/** The calling thread, unless it is the process's main thread. */
export function lowerThisThread(priority: WorkerPriority): WorkerPriority {
  let tid: number;
  try {
    tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
  } catch {
    return "normal"; // No /proc/thread-self.
  }
  return lower(tid, priority);
}

/**
 * Every thread of the process but the main one, as they are when called: V8's platform threads
 * (background compilation, and the garbage collector's helpers where it uses them) and libuv's
 * thread pool if it has started. Threads started later by the main thread keep its priority; those
 * started by a lowered thread inherit its nice value and policy.
 */
export function lowerOtherThreads(priority: WorkerPriority): void {
  if (priority === "normal") return;
  let tids: string[];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return;
  }
  for (const tid of tids) lower(Number(tid), priority);
}
