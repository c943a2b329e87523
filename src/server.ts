import type { Logger } from "pino";
import { ProbotOctokit, run } from "probot";
import type { Handoff } from "./app/handoff.js";
import { handoff } from "./index.js";

/**
 * `npm start`: the webhook server. Probot reads its settings from the environment (APP_ID,
 * PRIVATE_KEY, WEBHOOK_SECRET, PORT, GHE_HOST…). HANDOFF_THROTTLE=off turns Octokit's pacing off,
 * for GitHub Enterprise servers without rate limits and for test servers. On SIGTERM the server stops
 * taking webhooks and the work already acknowledged is finished before the process exits.
 */
interface LimitedRequest {
  method: string;
  url: string;
  request: { retryCount: number };
}

/**
 * Octokit for the server: throttling on (unless HANDOFF_THROTTLE=off), and, unlike Probot's default,
 * a request that hits a secondary rate limit is retried (twice at most) after the wait GitHub asks
 * for, like a primary one: acknowledged work is not dropped.
 */
const Octokit = ProbotOctokit.defaults((o: Record<string, unknown> & { log?: Logger; throttle?: object }) => {
  const retry = (kind: string) => (retryAfter: number, options: LimitedRequest) => {
    o.log?.warn(`${kind} rate limit on ${options.method} ${options.url}: retrying in ${retryAfter} s`);
    return options.request.retryCount < 2;
  };
  return {
    ...o,
    throttle: { ...o.throttle, enabled: process.env.HANDOFF_THROTTLE !== "off", onRateLimit: retry("primary"), onSecondaryRateLimit: retry("secondary") },
  };
});

let state: Handoff | undefined;
let log: Logger | undefined;
const server = await run(
  (app) => {
    log = app.log;
    // REDIS_URL: Probot shares its throttling through Redis, and handoff its delivery ids and locks.
    state = handoff({ ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}) })(app);
  },
  { Octokit },
);

let stopping = false;
const drain = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log?.info({ signal, queued: state?.queue.size ?? 0 }, "stopping: finishing acknowledged work");
  await server.stop();
  await state?.close();
  log?.info("stopped");
  process.exit(0);
};
process.once("SIGTERM", () => void drain("SIGTERM"));
process.once("SIGINT", () => void drain("SIGINT"));
