import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { LocalGitHub } from "../local-github/server.js";

const require = createRequire(import.meta.url);
export const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as Array<{ name: string; examples: Array<Record<string, any>> }>;
export const SECRET = "e2e-secret";
const serverJs = fileURLToPath(new URL("../../lib/server.js", import.meta.url));
/** The Node options of `npm start` (`node [options] lib/server.js`), which the server runs with here too. */
const startOptions = (): string[] => {
  const { start } = (require("../../package.json") as { scripts: { start: string } }).scripts;
  const words = start.trim().split(/\s+/);
  if (words[0] !== "node" || words.at(-1) !== "lib/server.js") throw new Error(`npm start is not \`node [options] lib/server.js\` but \`${start}\`: teach the e2e harness to run it`);
  return words.slice(1, -1);
};
const SERVER_NODE_OPTIONS = startOptions();
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface App {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
}

/**
 * The real server, run as `npm start` runs it (`node --single-threaded-gc lib/server.js`), pointed at
 * the local GitHub. To see what it logs while debugging a test: HANDOFF_E2E_OUTPUT=1 (its output on
 * this process's) and HANDOFF_E2E_LOG_LEVEL=debug.
 * `env` is added to the server's environment last.
 */
export async function startApp(
  github: string,
  { throttle = false, script = serverJs, redisUrl, dotEnvIn, env: extraEnv = {} }: { throttle?: boolean; script?: string; redisUrl?: string; dotEnvIn?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<App> {
  const port = await freePort();
  const credentials = { APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET };
  // dotEnvIn: the credentials are in a `.env` file in that directory, which the server runs in, as
  // Probot's setup writes them; not in its environment.
  if (dotEnvIn) writeFileSync(join(dotEnvIn, ".env"), `APP_ID=${credentials.APP_ID}\nWEBHOOK_SECRET=${SECRET}\nPRIVATE_KEY="${privateKey.replace(/\n/g, "\\n")}"\n`);
  const env: NodeJS.ProcessEnv = { ...process.env, ...(redisUrl ? { REDIS_URL: redisUrl } : {}), ...(dotEnvIn ? {} : credentials), PORT: String(port), HOST: "127.0.0.1", GHE_HOST: github, GHE_PROTOCOL: "http", HANDOFF_THROTTLE: throttle ? "on" : "off", LOG_LEVEL: (process.env.HANDOFF_E2E_LOG_LEVEL ?? "error") as NodeJS.ProcessEnv["LOG_LEVEL"], NODE_ENV: "production", ...extraEnv };
  if (dotEnvIn) for (const key of Object.keys(credentials)) delete env[key];
  const child = spawn(process.execPath, script === serverJs ? [...SERVER_NODE_OPTIONS, script] : [script], {
    env,
    ...(dotEnvIn ? { cwd: dotEnvIn } : {}),
    stdio: ["ignore", process.env.HANDOFF_E2E_OUTPUT ? "inherit" : "ignore", "pipe"] as Array<"ignore" | "inherit" | "pipe">,
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
    if (process.env.HANDOFF_E2E_OUTPUT) process.stderr.write(d);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with status ${child.exitCode}: ${stderr}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return { child, port, exited };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`the server did not start: ${stderr}`);
}

export function issuePayload(local: LocalGitHub, number: number, action: "opened" | "edited") {
  const base = structuredClone(examples.find((e) => e.name === "issues")!.examples.find((x) => x.action === action)!);
  const issue = local.issues.get(number)!;
  // As GitHub sends it: the issue as it is when the event is sent, its labels and comment count included.
  base.issue = { ...base.issue, number, title: issue.title, body: issue.body, comments: issue.comments.length, labels: issue.labels.map((name) => ({ id: 1, node_id: "L", url: "u", name, color: "ededed", default: false, description: null })), locked: false, state: "open" };
  base.repository = { ...base.repository, name: local.repo, full_name: `${local.owner}/${local.repo}`, owner: { ...base.repository.owner, login: local.owner } };
  if (action === "edited") base.changes = { body: { from: "" } };
  base.installation = { id: 42 };
  return base;
}

/** A delivery as GitHub sends it: the JSON body and its headers, signed with the app's secret unless `signed` is false. */
export function delivery(id: string, name: string, payload: unknown, signed = true): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { "content-type": "application/json", "x-github-event": name, "x-github-delivery": id };
  if (signed) headers["x-hub-signature-256"] = "sha256=" + createHmac("sha256", SECRET).update(body).digest("hex");
  return { headers, body };
}

export async function deliver(port: number, id: string, name: string, payload: unknown, signed = true): Promise<number> {
  const { headers, body } = delivery(id, name, payload, signed);
  const res = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: "POST", headers, body });
  await res.arrayBuffer();
  return res.status;
}

/**
 * Waits until the app is done: no request to the local GitHub for `quietMs`, and, for each of `apps`,
 * at most a tenth of that window in CPU time. A server whose worker thread is still working through a
 * backlog can go some time without a request (each issue's run waits for a quiet spell in its own
 * events), but not without using the CPU.
 */
export async function settle(local: LocalGitHub, quietMs = 800, apps: App[] = [], maxMs = 90_000): Promise<void> {
  const cpu = () => apps.reduce((sum, app) => sum + cpuMs(app.child.pid!), 0);
  const start = Date.now();
  let last = -1;
  let since = Date.now();
  let cpuSince = cpu();
  while (Date.now() - start < maxMs) {
    if (local.log.length !== last) {
      last = local.log.length;
      since = Date.now();
      cpuSince = cpu();
    } else if (Date.now() - since >= quietMs) {
      const used = cpu() - cpuSince;
      if (used <= quietMs / 10) return;
      since = Date.now();
      cpuSince += used;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the app did not settle");
}

/**
 * The fields of a `stat` file under /proc (a process's or a thread's) from the 3rd on: `fields[0]` is
 * field 3. The 2nd, the name, is in parentheses and may hold spaces.
 */
export function procStat(path: string): string[] {
  const stat = readFileSync(path, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** CPU time a process has used, user and system (fields 14 and 15 of its stat, in clock ticks). */
export function cpuMs(pid: number): number {
  const fields = procStat(`/proc/${pid}/stat`);
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
// USER_HZ: 100 on every Linux architecture Node.js runs on.
const TICKS_PER_SECOND = 100;

export function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

