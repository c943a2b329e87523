import type { Logger } from "pino";
import { ProbotOctokit } from "probot";
import { retryRequests } from "./github/retry-requests.js";

interface LimitedRequest {
  method: string;
  url: string;
  request: { retryCount: number };
}

const throttled = process.env.HANDOFF_THROTTLE !== "off";

/**
 * Octokit for the server: throttling on (unless HANDOFF_THROTTLE=off, for GitHub Enterprise servers
 * without rate limits and for test servers), and, unlike Probot's default, a request that hits a
 * secondary rate limit is retried (twice at most) after the wait GitHub asks for, like a primary one:
 * acknowledged work is not dropped. Failed requests are retried by `retryRequests` rather than by
 * Octokit's retry plugin; with throttling off it also waits out rate limits.
 */
export const ServerOctokit: typeof ProbotOctokit = ProbotOctokit.plugin(retryRequests({ limits: !throttled })).defaults(
  (o: Record<string, unknown> & { log?: Logger; throttle?: object }) => {
    const retry = (kind: string) => (retryAfter: number, options: LimitedRequest) => {
      o.log?.warn(`${kind} rate limit on ${options.method} ${options.url}: retrying in ${retryAfter} s`);
      return options.request.retryCount < 2;
    };
    return {
      ...o,
      retry: { enabled: false },
      throttle: { ...o.throttle, enabled: throttled, onRateLimit: retry("primary"), onSecondaryRateLimit: retry("secondary") },
    };
  },
);
