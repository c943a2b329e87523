import { parentPort, workerData } from "node:worker_threads";
import { createProbot } from "probot";
import { handoff } from "./index.js";
import { ServerOctokit } from "./server-octokit.js";
import { lowerThisThread, type WorkerPriority } from "./threads.js";

/**
 * The server's worker thread: the whole app (settings, analysis, every request to GitHub) runs here,
 * on events the webhook thread has verified and answered. The webhook thread's event loop then does
 * little besides answering webhooks, and no acknowledgement waits for the work.
 */
// `body`: the delivery's JSON object as it came, its signature verified by the webhook thread.
export interface WorkerEvent {
  id: string;
  name: string;
  body: string;
}
// Events in the order they were acknowledged; "close" comes after the last of them.
export type ToWorker = { type: "events"; events: WorkerEvent[] } | { type: "close" };
export type FromWorker = { type: "closed" };
// What the webhook thread starts the worker thread with.
export interface WorkerData {
  priority: WorkerPriority;
}

if (!parentPort) throw new Error("lib/worker.js is the server's worker thread: start the server with `npm start`");
const port = parentPort;

// Below the webhook thread in the scheduler's eyes (see threads.ts).
const { priority } = workerData as WorkerData;
const given = lowerThisThread(priority);

const env = process.env;
// The same logging as Probot's `run` in the webhook thread: JSON in production, `info` by default.
const probot = createProbot({
  env: { ...env, LOG_LEVEL: env.LOG_LEVEL || "info", LOG_FORMAT: env.LOG_FORMAT || (env.NODE_ENV === "production" ? "json" : "pretty") },
  overrides: { Octokit: ServerOctokit },
});
await probot.ready();
const log = probot.log.child({ name: "handoff" });
if (given !== priority) {
  log.info({ asked: priority, given }, given === "low" ? "handoff: the worker thread runs at nice 10; SCHED_IDLE could not be set (util-linux's chrt is missing, or the system refused it)" : "handoff: the worker thread keeps the webhook thread's priority; this system does not let it be lowered");
}
// REDIS_URL: Probot shares its throttling through Redis, and handoff its delivery ids and locks.
const state = handoff(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {})(probot);

const receiving = new Set<Promise<void>>();
const receive = ({ id, name, body }: WorkerEvent) => {
  const received = Promise.resolve()
    .then(() => probot.receive({ id, name, payload: JSON.parse(body) } as Parameters<typeof probot.receive>[0]))
    .catch((err: unknown) => log.error({ err, delivery: id, event: name }, "handoff: the event could not be queued"));
  receiving.add(received);
  void received.finally(() => receiving.delete(received));
};

port.on("message", (message: ToWorker) => {
  if (message.type === "events") {
    for (const event of message.events) receive(event);
    return;
  }
  // The webhook thread stopped taking webhooks: queue what it sent, finish the work, let go of Redis.
  void (async () => {
    while (receiving.size) await Promise.all([...receiving]);
    log.info({ queued: state.queue.size }, "stopping: finishing acknowledged work");
    await state.close();
    port.postMessage({ type: "closed" } satisfies FromWorker);
  })();
});
