import { jest } from "@jest/globals";
import { spawn } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { CHECKLIST_MARKER } from "../../src/engine/index.js";
import { LocalGitHub } from "../local-github/server.js";
import { freePort, issuePayload, rssKb, SECRET, startApp, type App } from "./harness.js";

jest.setTimeout(120_000);

const serverJs = fileURLToPath(new URL("../../lib/server.js", import.meta.url));
const MiB = 1024 * 1024;
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

/** The server started with exactly `env` (and PATH): its exit code, its standard error, and whether anything answered on its port. */
async function startUntilExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string; listened: boolean }> {
  const port = await freePort();
  const child = spawn(process.execPath, [serverJs], { env: { PATH: process.env.PATH ?? "", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "error", ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += String(d)));
  let listened = false;
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const timeout = setTimeout(() => child.kill("SIGKILL"), 15_000);
  void (async () => {
    while (child.exitCode === null && child.signalCode === null) {
      listened ||= await fetch(`http://127.0.0.1:${port}/ping`).then(
        () => true,
        () => false,
      );
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const code = await exited;
  clearTimeout(timeout);
  return { code, stderr, listened };
}

/**
 * A POST to the webhook path that declares `declared` bytes (or none: chunked) and sends `chunks` of
 * 1 MiB until answered. Written on a plain socket: nothing in the test process stands between the
 * bytes and the server, and the answer is read even while the body is still being written.
 */
function postLarge(port: number, declared: number | undefined, chunks: number): Promise<{ status: number; body: string; sentMiB: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let sent = 0;
    let answer = "";
    let answered = false;
    const head = [
      "POST /api/github/webhooks HTTP/1.1",
      `Host: 127.0.0.1:${port}`,
      "Content-Type: application/json",
      "X-GitHub-Event: issues",
      "X-GitHub-Delivery: large-1",
      "X-Hub-Signature-256: sha256=00",
      declared === undefined ? "Transfer-Encoding: chunked" : `Content-Length: ${declared}`,
      "",
      "",
    ].join("\r\n");
    const chunk = Buffer.alloc(MiB, "a");
    const framed = declared === undefined ? Buffer.concat([Buffer.from(`${MiB.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]) : chunk;
    const write = () => {
      while (!answered && sent < chunks) {
        sent++;
        if (!socket.write(framed)) return void socket.once("drain", write);
      }
    };
    socket.on("data", (d) => {
      answered = true;
      answer += String(d);
    });
    // The server closes the connection after refusing: what is left of the body cannot be written
    // (EPIPE, or a reset). Whether its answer arrived first is for "close" to tell.
    socket.on("error", (error: NodeJS.ErrnoException) => {
      answered = true;
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    socket.on("close", () => {
      const [headers = "", body = ""] = answer.split("\r\n\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1]);
      if (!status) return reject(new Error(`no answer: ${JSON.stringify(answer.slice(0, 200))}`));
      resolve({ status, body, sentMiB: sent });
    });
    socket.write(head, write);
  });
}

function signedPost(port: number, id: string, body: string, secret = SECRET, path = "/api/github/webhooks"): Promise<number> {
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-github-event": "issues", "x-github-delivery": id, "x-hub-signature-256": "sha256=" + createHmac("sha256", secret).update(body).digest("hex") },
    body,
  }).then(async (res) => {
    await res.arrayBuffer();
    return res.status;
  });
}

const logLines = (app: App) =>
  app
    .stdout()
    .split("\n")
    .filter((l) => l.trim() !== "");

describe("the server's environment: a wrong or missing variable stops it before it listens, in one line naming the variable", () => {
  const app = { APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: "s" };
  test.each([
    ["APP_ID without WEBHOOK_SECRET", { APP_ID: "1", PRIVATE_KEY: privateKey }, "handoff: WEBHOOK_SECRET: required when APP_ID is set: without it anyone could sign deliveries"],
    ["APP_ID without a key", { APP_ID: "1", WEBHOOK_SECRET: "s" }, "handoff: PRIVATE_KEY: required when APP_ID is set (or PRIVATE_KEY_PATH, the path of the key file)"],
    ["a key that is not PEM", { ...app, PRIVATE_KEY: "not a key" }, "handoff: PRIVATE_KEY: is not a PEM private key (-----BEGIN … PRIVATE KEY-----)"],
    ["a PEM key that does not parse", { ...app, PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\\nAAAA\\n-----END RSA PRIVATE KEY-----" }, /^handoff: PRIVATE_KEY: is not a valid private key \(.+\)$/],
    ["a key file that does not exist", { APP_ID: "1", WEBHOOK_SECRET: "s", PRIVATE_KEY_PATH: "/nonexistent/key.pem" }, "handoff: PRIVATE_KEY_PATH: cannot read /nonexistent/key.pem (ENOENT)"],
    ["an APP_ID that is not a number", { ...app, APP_ID: "my-app" }, "handoff: APP_ID: must be the app's numeric id"],
    ["a PORT that is not a port", { ...app, PORT: "eighty" }, "handoff: PORT: must be a port number"],
    ["a REDIS_URL that is not a Redis URL", { ...app, REDIS_URL: "localhost:6379" }, "handoff: REDIS_URL: must be a redis:// or rediss:// URL"],
    ["an unknown LOG_LEVEL", { ...app, LOG_LEVEL: "loud" }, "handoff: LOG_LEVEL: must be trace, debug, info, warn, error or fatal"],
    ["HANDOFF_THROTTLE neither on nor off", { ...app, HANDOFF_THROTTLE: "no" }, "handoff: HANDOFF_THROTTLE: must be on or off"],
    ["production without APP_ID", { NODE_ENV: "production" }, "handoff: APP_ID: required when NODE_ENV is production (the setup page is for development)"],
  ])("%s", async (_name, env, message) => {
    const { code, stderr, listened } = await startUntilExit(env as Record<string, string>);
    expect(code).toBe(1);
    expect(listened).toBe(false);
    const lines = stderr.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    if (typeof message === "string") expect(lines[0]).toBe(message);
    else expect(lines[0]).toMatch(message);
  });
});

describe("the running server", () => {
  let local: LocalGitHub;
  let address: string;
  let app: App | undefined;

  beforeEach(async () => {
    local = new LocalGitHub();
    address = await local.start();
  });
  afterEach(async () => {
    app?.child.kill("SIGKILL");
    await app?.exited;
    app = undefined;
    await local.stop();
  });

  test("a body declared larger than 25 MiB: 413 from its headers alone, one log line, nothing reaches GitHub", async () => {
    app = await startApp(address, { env: { LOG_LEVEL: "info", LOG_FORMAT: "json" } });
    // Only the headers are sent: the answer comes without any of the body.
    const answer = await postLarge(app.port, 30 * MiB, 0);
    expect(answer).toEqual({ status: 413, body: JSON.stringify({ error: "Error: The body is larger than 26214400 bytes" }), sentMiB: 0 });
    await new Promise((r) => setTimeout(r, 200));
    const about = logLines(app).filter((l) => l.includes("large-1"));
    expect(about).toHaveLength(1);
    expect(JSON.parse(about[0]!)).toMatchObject({ msg: "delivery refused", delivery: "large-1", event: "issues", bytes: 30 * MiB, status: 413 });
    expect(local.log).toEqual([]);
  });

  test("a body without Content-Length that passes 25 MiB: 413 once the cap is passed, the rest not read, memory bounded", async () => {
    app = await startApp(address, { env: { LOG_LEVEL: "info", LOG_FORMAT: "json" } });
    const before = rssKb(app.child.pid!);
    const answers = await Promise.all(Array.from({ length: 4 }, () => postLarge(app!.port, undefined, 100)));
    const grown = (rssKb(app.child.pid!) - before) / 1024;
    for (const answer of answers) {
      expect(answer.status).toBe(413);
      // The server stopped reading at the cap: the client could not send the 100 MiB.
      expect(answer.sentMiB).toBeLessThan(40);
    }
    process.stdout.write(`oversized: 4 chunked 100 MiB bodies at once refused with 413 after ${answers.map((a) => a.sentMiB).join(", ")} MiB sent; resident memory +${Math.round(grown)} MB\n`);
    // Four bodies held up to the cap at once, at most: 100 MiB each would be 400 MiB.
    expect(grown).toBeLessThan(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(logLines(app).filter((l) => l.includes('"delivery refused"'))).toHaveLength(4);
    expect(local.log).toEqual([]);
  });

  test("a delivery with a wrong signature: 400, and one log line without the payload; a good one at / is taken", async () => {
    app = await startApp(address, { env: { LOG_LEVEL: "info", LOG_FORMAT: "json" } });
    local.addIssue(1, "Add a Stripe webhook endpoint PAYLOAD-MARKER");
    const body = JSON.stringify(issuePayload(local, 1, "opened"));
    expect(await signedPost(app.port, "forged-1", body, "not-the-secret")).toBe(400);
    await new Promise((r) => setTimeout(r, 200));
    const about = logLines(app).filter((l) => l.includes("forged-1"));
    expect(about).toHaveLength(1);
    expect(JSON.parse(about[0]!)).toMatchObject({ msg: "delivery refused", delivery: "forged-1", event: "issues", bytes: Buffer.byteLength(body), status: 400, reason: "The signature does not match the body and the webhook secret" });
    expect(app.stdout()).not.toContain("PAYLOAD-MARKER");
    expect(local.log).toEqual([]);
    // A body of the right size and signature is still taken, at / too: the webhook URL Probot's
    // setup page registers without a proxy.
    expect(await signedPost(app.port, "good-1", body, SECRET, "/")).toBe(200);
    for (let waited = 0; local.issues.get(1)!.comments.length === 0 && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(local.issues.get(1)!.comments.map((c) => c.body.startsWith(CHECKLIST_MARKER))).toEqual([true]);
  });

  test("/ping: PONG while the app authenticates with GitHub, 503 with the reason when it cannot", async () => {
    app = await startApp(address);
    const ping = async () => {
      const res = await fetch(`http://127.0.0.1:${app!.port}/ping`);
      return { status: res.status, body: await res.text() };
    };
    expect(await ping()).toEqual({ status: 200, body: "PONG" });
    expect(local.log).toEqual(["GET /app"]);
    // Trusted for a minute: a health check every few seconds does not cost a request each.
    expect(await ping()).toEqual({ status: 200, body: "PONG" });
    expect(local.log).toEqual(["GET /app"]);

    app.child.kill("SIGKILL");
    await app.exited;
    local.faults = [{ match: /^GET \/app$/, times: 1000, status: 401, message: "A JSON web token could not be decoded" }];
    app = await startApp(address);
    expect(await ping()).toEqual({ status: 503, body: "the app cannot authenticate with GitHub: 401 A JSON web token could not be decoded" });
  });

  test("SIGTERM: deliveries after it are refused, and node, receiving it itself, exits 0 once the work is done", async () => {
    for (let n = 1; n <= 10; n++) local.addIssue(n, "Add a Stripe webhook endpoint");
    local.faults = [{ match: /^POST .*\/comments$/, times: 1000, delayMs: 300 }];
    app = await startApp(address);
    const body = (n: number) => JSON.stringify(issuePayload(local, n, "opened"));
    for (let n = 1; n <= 10; n++) expect(await signedPost(app.port, `term-${n}`, body(n))).toBe(200);
    app.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 100));
    // Still finishing its work: the port is closed to new deliveries.
    expect(app.child.exitCode).toBeNull();
    await expect(signedPost(app.port, "term-late", body(1))).rejects.toThrow();
    expect(await app.exited).toBe(0);
    expect([...local.issues.values()].map((i) => i.comments.filter((c) => c.body.startsWith(CHECKLIST_MARKER)).length)).toEqual(Array(10).fill(1));
  });

  test("GitHub out of reach: the failure is logged once per retry series, by its cause", async () => {
    // Every read of the settings has its connection dropped, as when the network goes.
    local.faults = [{ match: /^GET .*\/contents\//, times: 1000, reset: true }];
    app = await startApp(address, { env: { LOG_LEVEL: "info", LOG_FORMAT: "json" } });
    local.addIssue(1, "Add a Stripe webhook endpoint");
    const started = Date.now();
    expect(await signedPost(app.port, "offline-1", JSON.stringify(issuePayload(local, 1, "opened")))).toBe(200);
    const problems = () => logLines(app!).filter((l) => (JSON.parse(l) as { level: number }).level >= 40);
    // Octokit's retry plugin waits 1, 4 and 9 s between its four attempts.
    while (problems().length === 0 && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1000));
    expect(Date.now() - started).toBeGreaterThanOrEqual(14_000);
    expect(local.log.filter((l) => l.includes("/contents/"))).toHaveLength(4);
    expect(problems()).toHaveLength(1);
    expect(JSON.parse(problems()[0]!)).toMatchObject({ msg: expect.stringContaining("work failed"), err: { status: 500, message: expect.stringMatching(/^other side closed/) } });
  });
});
