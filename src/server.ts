import { once } from "node:events";
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import { run } from "probot";
import { lowerOtherThreads, workerPriority } from "./threads.js";
import type { FromWorker, ToWorker, WorkerData, WorkerEvent } from "./worker.js";

/**
 * `npm start`: the webhook server. Probot reads its settings from the environment (APP_ID,
 * PRIVATE_KEY, WEBHOOK_SECRET, PORT, GHE_HOST, REDIS_URL…; HANDOFF_THROTTLE=off turns Octokit's
 * pacing off). This thread verifies and answers webhooks and hands each event to the worker thread
 * (`worker.ts`), where the app does its work. On SIGTERM the server stops taking webhooks and the work
 * already acknowledged is finished before the process exits.
 */
let worker: Worker | undefined;
let log: Logger | undefined;
let stopping = false;

/**
 * Events go to the worker thread in batches: the first event of a batch waits at most
 * HANDOFF_HANDOVER_MS (50 ms unless set; nothing the app does is that urgent, as a run waits for a
 * quiet spell of 250 ms anyway), and a batch goes sooner once its bodies reach `HANDOVER_CHARS` characters.
 * Under load this wakes the worker thread twenty times a second instead of once per event, which
 * costs both threads markedly less CPU. 0 hands each event over at once.
 */
const handoverMs = (raw = process.env.HANDOFF_HANDOVER_MS): number => {
  if (raw === undefined || raw.trim() === "") return 50;
  const ms = Number(raw);
  if (Number.isInteger(ms) && ms >= 0 && ms <= 60_000) return ms;
  throw new Error(`HANDOFF_HANDOVER_MS must be a whole number of milliseconds from 0 to 60000, not ${JSON.stringify(raw)}`);
};
const HANDOVER_MS = handoverMs();
// How far below the webhook thread the others run (threads.ts); read here so that a wrong value
// stops the server before it takes a webhook.
const WORKER_PRIORITY = workerPriority();
const HANDOVER_CHARS = 4 * 1024 * 1024;
let batch: WorkerEvent[] = [];
let batchChars = 0;
let handover: NodeJS.Timeout | undefined;

const handOver = () => {
  clearTimeout(handover);
  handover = undefined;
  if (!batch.length) return;
  worker?.postMessage({ type: "events", events: batch } satisfies ToWorker);
  batch = [];
  batchChars = 0;
};

const queueEvent = (event: WorkerEvent) => {
  batch.push(event);
  batchChars += event.body.length;
  if (HANDOVER_MS === 0 || batchChars >= HANDOVER_CHARS) handOver();
  else handover ??= setTimeout(handOver, HANDOVER_MS);
};

const startWorker = (appLog: Logger): Worker => {
  // Before the worker thread starts, so that it is not among them: it lowers itself.
  lowerOtherThreads(WORKER_PRIORITY);
  const started = new Worker(new URL("./worker.js", import.meta.url), { workerData: { priority: WORKER_PRIORITY } satisfies WorkerData });
  // The work runs there: without it nothing acknowledged would be done, so the process ends and its
  // supervisor starts a new one.
  started.once("error", (err) => {
    appLog.fatal({ err }, "handoff: the worker thread failed");
    process.exit(1);
  });
  started.once("exit", (code) => {
    if (stopping) return;
    appLog.fatal({ code }, "handoff: the worker thread stopped");
    process.exit(1);
  });
  return started;
};

/** Why a signed delivery's body cannot be an event's payload, or undefined when it can. */
const malformedPayload = (body: string): string | undefined => {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return "Invalid JSON";
  }
  return typeof payload === "object" && payload !== null && !Array.isArray(payload) ? undefined : "The payload is not a JSON object";
};

// The worker connects to Redis itself; this thread makes no request to GitHub and needs no Redis.
// Read through, not copied: Probot's `run` loads `.env` into process.env before it reads it.
const env = new Proxy(process.env, { get: (target, key) => (key === "REDIS_URL" ? undefined : Reflect.get(target, key)) });
const server = await run(
  (app) => {
    log = app.log;
    worker = startWorker(app.log);
    // Probot's webhook middleware hands each delivery to `verifyAndReceive`. Here it is only verified
    // and checked to be a JSON object, and its body goes to the worker thread as it came: parsing it
    // into objects, the event's authenticated Octokit and its context are the worker's work, not this
    // thread's. A wrong signature goes to Probot's own method, which answers 400 and logs it.
    const webhooks = app.webhooks;
    const verifyAndReceive = webhooks.verifyAndReceive.bind(webhooks);
    webhooks.verifyAndReceive = async (event) => {
      if (!(await webhooks.verify(event.payload, event.signature).catch(() => false))) return verifyAndReceive(event);
      const malformed = malformedPayload(event.payload);
      // As @octokit/webhooks reports its own errors: the middleware answers with the first one's status.
      if (malformed) throw new AggregateError([Object.assign(new Error(malformed), { status: 400 })], malformed);
      queueEvent({ id: event.id, name: event.name, body: event.payload });
    };
  },
  { env },
);

const drain = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log?.info({ signal }, "stopping: no more webhooks");
  await server.stop();
  // What was acknowledged and not yet handed over goes first: the worker finishes it before closing.
  handOver();
  if (worker) {
    const closed = new Promise<void>((resolve) => worker!.on("message", (m: FromWorker) => m.type === "closed" && resolve()));
    worker.postMessage({ type: "close" } satisfies ToWorker);
    await Promise.race([closed, once(worker, "exit")]);
  }
  log?.info("stopped");
  process.exit(0);
};
process.once("SIGTERM", () => void drain("SIGTERM"));
process.once("SIGINT", () => void drain("SIGINT"));
