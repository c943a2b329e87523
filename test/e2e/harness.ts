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
  /** What the server has written to its standard output (its log) so far. */
  stdout(): string;
}

/**
 * The real server, run as `npm start` runs it (`node lib/server.js`), pointed at
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
  const child = spawn(process.execPath, [script], {
    env,
    ...(dotEnvIn ? { cwd: dotEnvIn } : {}),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout?.on("data", (d) => {
    stdout += String(d);
    if (process.env.HANDOFF_E2E_OUTPUT) process.stdout.write(d);
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
      return { child, port, exited, stdout: () => stdout };
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
  base.issue = { ...base.issue, number, title: issue.title, body: issue.body, comments: issue.comments.length, created_at: issue.created_at, updated_at: issue.updated_at, labels: issue.labels.map((name) => ({ id: 1, node_id: "L", url: "u", name, color: "ededed", default: false, description: null })), locked: false, state: "open" };
  base.repository = { ...base.repository, name: local.repo, full_name: `${local.owner}/${local.repo}`, owner: { ...base.repository.owner, login: local.owner } };
  if (action === "edited") base.changes = { body: { from: "" } };
  base.installation = { id: 42 };
  return base;
}

/** A delivery as GitHub sends it: the JSON body and its headers, signed with the app's secret unless `signed` is false. */
export function delivery(id: string, name: string, payload: unknown, { signed = true }: { signed?: boolean } = {}): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { "content-type": "application/json", "x-github-event": name, "x-github-delivery": id };
  if (signed) headers["x-hub-signature-256"] = "sha256=" + createHmac("sha256", SECRET).update(body).digest("hex");
  return { headers, body };
}

export async function deliver(port: number, id: string, name: string, payload: unknown, options: { signed?: boolean } = {}): Promise<number> {
  const { headers, body } = delivery(id, name, payload, options);
  const res = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: "POST", headers, body });
  await res.arrayBuffer();
  return res.status;
}

/**
 * Waits until the app is done: no request to the local GitHub for `quietMs`, longer than a run waits
 * for an issue's events to stop (250 ms) before it catches up with them.
 */
export async function settle(local: LocalGitHub, quietMs = 800, maxMs = 90_000): Promise<void> {
  const start = Date.now();
  let last = -1;
  let since = Date.now();
  while (Date.now() - start < maxMs) {
    if (local.log.length !== last) {
      last = local.log.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the app did not settle");
}

export function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

