import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Bottleneck from "bottleneck";
import { Probot, ProbotOctokit, run } from "probot";
import { EnvError, parseServerEnv, withDotEnv, type ServerEnv } from "./env.js";
import { deliveryRoute } from "./http/deliveries.js";
import { pingRoute } from "./http/ping.js";
import { handoff } from "./index.js";

/**
 * `npm start`: the app on one Probot instance, behind a node:http server with three routes: the
 * webhook path (Probot's middleware behind a size and signature check; POST / too), `GET /ping`,
 * and 404.
 * Without APP_ID it is Probot's own setup page instead, which registers the app.
 */
let env: ServerEnv;
try {
  env = parseServerEnv(withDotEnv(process.env));
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  process.stderr.write(`handoff: ${error.message}\n`);
  process.exit(1);
}

interface Limited {
  method: string;
  url: string;
  request: { retryCount: number };
}

/**
 * Probot's Octokit with its retry and throttling plugins, configured: a request that hits a primary
 * or a secondary rate limit is retried twice after the wait GitHub asks for (Probot's default gives
 * up on a secondary one). HANDOFF_THROTTLE=off takes the pacing away (the throttling plugin's
 * limiters without limits), not the waits: a rate limit is waited out in both modes.
 */
const octokitFor = ({ throttle }: { throttle: boolean }): typeof ProbotOctokit => {
  const unpaced = () => new Bottleneck.Group({ maxConcurrent: null, minTime: 0 });
  const limiters = throttle ? {} : { global: unpaced(), auth: unpaced(), write: unpaced(), search: unpaced(), notifications: unpaced() };
  return ProbotOctokit.defaults((o: Record<string, unknown> & { log?: { warn(message: string): void }; throttle?: object }) => {
    const retry = (kind: string) => (retryAfter: number, options: Limited) => {
      o.log?.warn(`${kind} rate limit on ${options.method} ${options.url}: retrying in ${retryAfter} s`);
      return options.request.retryCount < 2;
    };
    return { ...o, throttle: { ...o.throttle, ...limiters, onRateLimit: retry("primary"), onSecondaryRateLimit: retry("secondary") } };
  });
};

if (env.mode === "setup") {
  await run(() => undefined);
} else {
  await serve(env);
}

async function serve(env: Extract<ServerEnv, { mode: "app" }>): Promise<void> {
  const probot = new Probot({
    appId: env.appId,
    privateKey: env.privateKey,
    secret: env.secret,
    baseUrl: env.baseUrl,
    logLevel: env.logLevel,
    logFormat: env.logFormat,
    logLevelInString: env.logLevelInString,
    ...(env.logMessageKey ? { logMessageKey: env.logMessageKey } : {}),
    ...(env.sentryDsn ? { sentryDsn: env.sentryDsn } : {}),
    ...(env.redisUrl ? { redisConfig: env.redisUrl } : {}),
    webhookPath: env.webhookPath,
    Octokit: octokitFor({ throttle: env.throttle }),
  });
  await probot.ready();
  const log = probot.log.child({ name: "server" });
  const state = handoff(env.redisUrl ? { redisUrl: env.redisUrl } : {})(probot);

  const webhooks = deliveryRoute({
    middleware: await probot.getNodeMiddleware({ path: env.webhookPath }),
    verify: (body, signature) => probot.webhooks.verify(body, signature),
    log,
  });
  const ping = pingRoute(async () => {
    const octokit = await probot.auth();
    await octokit.request("GET /app");
  }, log);

  let stopping = false;
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    // After SIGTERM: deliveries go elsewhere (GitHub records the failure; the app redelivers it).
    if (stopping) return void res.writeHead(503, { connection: "close" }).end();
    const path = (req.url ?? "/").split("?")[0]!.replace(/\/+$/, "") || "/";
    // Probot's setup page registers the app with the server's root URL as its webhook URL: deliveries
    // are taken there too.
    if (path === "/" && req.method === "POST") req.url = env.webhookPath;
    if (path === env.webhookPath || req.url === env.webhookPath) return webhooks(req, res);
    if (path === "/ping" && req.method === "GET") return ping(res);
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
  };
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log.error({ err: error }, "request failed");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.port, env.host, resolve);
  });
  log.info(`listening on http://${env.host}:${env.port}${env.webhookPath}`);
  const proxy = env.webhookProxy ? await startProxy(env.webhookProxy, `http://127.0.0.1:${env.port}${env.webhookPath}`, log) : undefined;

  // SIGTERM (docker stop, Kubernetes): stop taking deliveries, answer those in flight, finish the
  // work acknowledged, let go of Redis, exit 0.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping: no more deliveries");
    proxy?.close();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    log.info({ queued: state.queue.size }, "stopping: finishing acknowledged work");
    await state.close();
    log.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

/** WEBHOOK_PROXY_URL: a smee.io channel forwarding GitHub's deliveries here, for local use. */
async function startProxy(source: string, target: string, log: Probot["log"]): Promise<{ close(): void }> {
  // Not a dependency of the app: installed by whoever develops with a proxy, as Probot suggests.
  const name = "smee-client";
  let SmeeClient: new (options: { source: string; target: string; logger: unknown }) => { start(): Promise<{ close(): void }> };
  try {
    ({ SmeeClient } = (await import(name)) as { SmeeClient: typeof SmeeClient });
  } catch {
    process.stderr.write("handoff: WEBHOOK_PROXY_URL: needs the smee-client package (npm install --no-save smee-client)\n");
    process.exit(1);
  }
  log.info({ source }, "forwarding deliveries from the proxy");
  return new SmeeClient({ source, target, logger: log }).start();
}
