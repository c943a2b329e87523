import type { ServerResponse } from "node:http";
import type { Logger } from "pino";

/** A successful check is trusted this long, so that a health check every few seconds costs GitHub little. */
const TRUSTED_MS = 60_000;

/**
 * `GET /ping`: 200 `PONG` when the app can authenticate with GitHub (`check` resolves), else 503
 * with the reason on one line. A container's health check then reports a wrong key or app id,
 * which a plain "the process answers" would call healthy.
 */
export function pingRoute(check: () => Promise<void>, log: Logger) {
  let okUntil = 0;
  let running: Promise<string | null> | null = null;
  let lastFailure: string | null = null;
  const probe = (): Promise<string | null> => {
    running ??= check()
      .then(() => {
        okUntil = Date.now() + TRUSTED_MS;
        if (lastFailure) log.info("the app authenticates with GitHub again");
        lastFailure = null;
        return null;
      })
      .catch((error: unknown) => {
        const status = (error as { status?: unknown }).status;
        const reason = `the app cannot authenticate with GitHub: ${typeof status === "number" ? `${status} ` : ""}${String((error as Error).message ?? error).split("\n")[0]}`;
        // Once per change, not once per health check.
        if (reason !== lastFailure) log.error(reason);
        lastFailure = reason;
        return reason;
      })
      .finally(() => (running = null));
    return running;
  };
  return async (res: ServerResponse): Promise<void> => {
    const failure = Date.now() < okUntil ? null : await probe();
    res.writeHead(failure ? 503 : 200, { "content-type": "text/plain" }).end(failure ?? "PONG");
  };
}
