import type { Logger } from "pino";
import { ProbotOctokit, run } from "probot";
import type { Handoff } from "./app/handoff.js";
import { handoff } from "./index.js";

/**
 * `npm start`: the webhook server. Probot reads its settings from the environment (APP_ID,
 * PRIVATE_KEY, WEBHOOK_SECRET, PORT, GHE_HOST…); HANDOFF_THROTTLE=off turns Octokit's write pacing off
 * for GitHub Enterprise servers without rate limits and for test servers. On SIGTERM the server stops
 * taking webhooks and the work already acknowledged is finished before the process exits.
 */
const Octokit =
  process.env.HANDOFF_THROTTLE === "off"
    ? ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, throttle: { ...(o.throttle as object), enabled: false } }))
    : undefined;

let state: Handoff | undefined;
let log: Logger | undefined;
const server = await run(
  (app) => {
    log = app.log;
    state = handoff()(app);
  },
  Octokit ? { Octokit } : {},
);

let stopping = false;
const drain = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log?.info({ signal, queued: state?.queue.size ?? 0 }, "stopping: finishing acknowledged work");
  await server.stop();
  await state?.queue.idle();
  log?.info("stopped");
  process.exit(0);
};
process.once("SIGTERM", () => void drain("SIGTERM"));
process.once("SIGINT", () => void drain("SIGINT"));
