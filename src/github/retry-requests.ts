import type { ProbotOctokit } from "probot";
import { sleep as wait } from "../app/issue-queue.js";

/**
 * Retries for the server's requests to GitHub, in place of Octokit's retry plugin (which queues every
 * request through a rate limiter of its own, at a cost in time and CPU on each request, retried or
 * not).
 *
 * - A 5xx answer or a connection that failed (Octokit reports it as 500): retried after 1 s, 4 s, 9 s.
 * - With `limits` (Octokit's throttling off, so nothing else waits for GitHub's rate limits): a 429, or
 *   a 403 for a primary or secondary rate limit, is retried after the wait GitHub asks for
 *   (`retry-after`, else `x-ratelimit-reset`), if that is at most `maxWaitMs`.
 * - Anything else (404, 422, another 403…) is not retried.
 * - A request made with `request: { retries: 0 }` is never retried: a write that must not happen twice
 *   when GitHub made it but its answer was lost.
 */
export interface RetryPolicy {
  retries: number;
  /** The first wait; attempt n waits n² times it. */
  baseMs: number;
  limits: boolean;
  maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseMs: 1000, limits: false, maxWaitMs: 120_000 };

interface ErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** How long to wait before the next attempt, or null when the error is not one to retry. */
export function retryWait(error: unknown, attempt: number, policy: RetryPolicy, now = Date.now()): number | null {
  const e = (error ?? {}) as ErrorLike;
  if (typeof e.status !== "number") return null;
  if (e.status >= 500) return attempt * attempt * policy.baseMs;
  if (!policy.limits) return null;
  const headers = e.response?.headers ?? {};
  const limited = e.status === 429 || (e.status === 403 && (headers["x-ratelimit-remaining"] === "0" || /secondary rate limit/i.test(String(e.message ?? ""))));
  if (!limited) return null;
  const after = headers["retry-after"] === undefined ? NaN : Number(headers["retry-after"]);
  const reset = headers["x-ratelimit-reset"] === undefined ? NaN : Number(headers["x-ratelimit-reset"]);
  // Without either header GitHub asks for at least a minute.
  const wait = Number.isFinite(after) ? after * 1000 : Number.isFinite(reset) ? reset * 1000 - now : 60_000;
  const ms = Math.max(0, wait);
  return ms <= policy.maxWaitMs ? ms : null;
}

type Hook = ProbotOctokit["hook"];
type RequestOptions = { method?: string; url?: string; request?: { retries?: number } };

/** The Octokit plugin: `ProbotOctokit.plugin(retryRequests({ limits: true }))`. */
export function retryRequests(overrides: Partial<RetryPolicy> = {}, sleep = wait) {
  const policy = { ...DEFAULT_RETRY, ...overrides };
  return (octokit: { hook: Hook; log?: { warn(message: string): void } }) => {
    octokit.hook.wrap("request", async (request, options) => {
      const opts = options as RequestOptions;
      const retries = opts.request?.retries ?? policy.retries;
      for (let attempt = 1; ; attempt++) {
        try {
          return await request(options);
        } catch (error) {
          const wait = attempt <= retries ? retryWait(error, attempt, policy) : null;
          if (wait === null) throw error;
          // `request.retryCount` is left to the throttling plugin, which counts its own retries there.
          octokit.log?.warn(`${opts.method} ${opts.url} failed (${(error as ErrorLike).status}): attempt ${attempt + 1} of ${retries + 1} in ${Math.round(wait / 100) / 10} s`);
          await sleep(wait);
        }
      }
    });
  };
}
