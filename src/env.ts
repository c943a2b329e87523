import { createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseEnv } from "node:util";
import { z } from "zod";

/**
 * The server's environment, parsed once, before it listens. Every variable the server reads is
 * here, with what it means (the README's table is checked against these descriptions). An empty
 * value counts as unset, as in a `.env` copied from `.env.example`.
 */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const PORT = z.string().regex(/^\d+$/, "must be a port number").transform(Number).refine((n) => n >= 1 && n <= 65_535, "must be a port number from 1 to 65535");

export const ENV_SCHEMA = z.object({
  APP_ID: optional(z.string().regex(/^[1-9]\d*$/, "must be the app's numeric id")).describe("The GitHub App's id. Without it `npm start` serves Probot's setup page, which registers the app."),
  PRIVATE_KEY: optional(z.string()).describe("The app's private key (PEM; line breaks may be written `\\n`, or the whole key base64-encoded)."),
  PRIVATE_KEY_PATH: optional(z.string()).describe("The path of the app's private key file, instead of `PRIVATE_KEY`."),
  WEBHOOK_SECRET: optional(z.string()).describe("The secret GitHub signs deliveries with; required with `APP_ID`."),
  HOST: optional(z.string()).describe("The address the server listens on: `localhost` unless set; the Docker image sets `0.0.0.0`."),
  PORT: optional(PORT).describe("The port the server listens on (3000)."),
  WEBHOOK_PATH: optional(z.string().startsWith("/", "must be a path starting with /")).describe("Where deliveries are received (`/api/github/webhooks`)."),
  WEBHOOK_PROXY_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })).describe("A smee.io channel that forwards GitHub's deliveries to this server, for local use."),
  GH_ORG: optional(z.string()).describe("The organisation to register the app on from the setup page (else your own account)."),
  GHE_HOST: optional(z.string().regex(/^[^/\s]+$/, "must be a host name (and port), without a scheme or path")).describe("The host of a GitHub Enterprise Server."),
  GHE_PROTOCOL: optional(z.enum(["https", "http"], { error: "must be https or http" })).describe("`http` for a GitHub Enterprise Server without TLS (https)."),
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })).describe("The Redis that replicas share: throttling, delivery ids, per-item locks, queued jobs and settings versions."),
  HANDOFF_THROTTLE: optional(z.enum(["on", "off"], { error: "must be on or off" })).describe("`off` turns Octokit's write pacing off, for servers without rate limits and for tests (on)."),
  LOG_LEVEL: optional(z.enum(["trace", "debug", "info", "warn", "error", "fatal"], { error: "must be trace, debug, info, warn, error or fatal" })).describe("How much is logged (info); skips are logged at debug."),
  LOG_FORMAT: optional(z.enum(["json", "pretty"], { error: "must be json or pretty" })).describe("`json`, or `pretty` for people (json when NODE_ENV is production, else pretty)."),
  LOG_LEVEL_IN_STRING: optional(z.enum(["true", "false"], { error: "must be true or false" })).describe("`true` writes the level as a word in JSON logs (false)."),
  LOG_MESSAGE_KEY: optional(z.string()).describe("The key of the message in JSON logs (`msg`)."),
  SENTRY_DSN: optional(z.url({ error: "must be a URL" })).describe("Sends errors to Sentry."),
  NODE_ENV: optional(z.string()).describe("`production` makes `APP_ID` required and logs JSON."),
});

type RawEnv = z.infer<typeof ENV_SCHEMA>;

interface Common {
  host: string;
  port: number;
  webhookPath: string;
  webhookProxy: string | undefined;
  logLevel: NonNullable<RawEnv["LOG_LEVEL"]>;
  logFormat: "json" | "pretty";
  logLevelInString: boolean;
  logMessageKey: string | undefined;
  sentryDsn: string | undefined;
}

/** `setup`: no app yet, Probot's setup page registers one. `app`: the app's credentials, checked. */
export type ServerEnv =
  | (Common & { mode: "setup" })
  | (Common & {
      mode: "app";
      appId: number;
      privateKey: string;
      secret: string;
      baseUrl: string;
      redisUrl: string | undefined;
      throttle: boolean;
    });

/** A variable that stops the server: the message is one line and starts with its name. */
export class EnvError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

/** The variables of a `.env` file in `dir`, if there is one, applied over the process's (as Probot does). */
export function withDotEnv(env: NodeJS.ProcessEnv, dir = process.cwd()): NodeJS.ProcessEnv {
  let text: string;
  try {
    text = readFileSync(resolve(dir, ".env"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return env;
    throw new EnvError(".env", `cannot be read (${(error as Error).message})`);
  }
  return { ...env, ...parseEnv(text) };
}

const PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** The key's PEM text, from PRIVATE_KEY (escaped or base64) or the file PRIVATE_KEY_PATH names. */
function readPrivateKey(raw: RawEnv, dir: string): string {
  let pem: string;
  let variable: string;
  if (raw.PRIVATE_KEY !== undefined) {
    variable = "PRIVATE_KEY";
    pem = raw.PRIVATE_KEY;
    if (!PEM.test(pem)) pem = Buffer.from(pem, "base64").toString("utf8");
    pem = pem.replace(/\\n/g, "\n");
  } else if (raw.PRIVATE_KEY_PATH !== undefined) {
    variable = "PRIVATE_KEY_PATH";
    try {
      pem = readFileSync(resolve(dir, raw.PRIVATE_KEY_PATH), "utf8");
    } catch (error) {
      throw new EnvError(variable, `cannot read ${raw.PRIVATE_KEY_PATH} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  } else {
    throw new EnvError("PRIVATE_KEY", "required when APP_ID is set (or PRIVATE_KEY_PATH, the path of the key file)");
  }
  if (!PEM.test(pem)) throw new EnvError(variable, "is not a PEM private key (-----BEGIN … PRIVATE KEY-----)");
  try {
    createPrivateKey(pem);
  } catch (error) {
    throw new EnvError(variable, `is not a valid private key (${(error as Error).message.split("\n")[0]})`);
  }
  return pem;
}

/** Parses the server's environment; throws an EnvError naming the first variable that is wrong. */
export function parseServerEnv(env: NodeJS.ProcessEnv, dir = process.cwd()): ServerEnv {
  const parsed = ENV_SCHEMA.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(String(issue.path[0] ?? "environment"), issue.message);
  }
  const raw = parsed.data;
  const production = raw.NODE_ENV === "production";
  const common: Common = {
    host: raw.HOST ?? "localhost",
    port: raw.PORT ?? 3000,
    webhookPath: raw.WEBHOOK_PATH ?? "/api/github/webhooks",
    webhookProxy: raw.WEBHOOK_PROXY_URL,
    logLevel: raw.LOG_LEVEL ?? "info",
    logFormat: raw.LOG_FORMAT ?? (production ? "json" : "pretty"),
    logLevelInString: raw.LOG_LEVEL_IN_STRING === "true",
    logMessageKey: raw.LOG_MESSAGE_KEY,
    sentryDsn: raw.SENTRY_DSN,
  };
  if (raw.APP_ID === undefined) {
    if (production) throw new EnvError("APP_ID", "required when NODE_ENV is production (the setup page is for development)");
    return { ...common, mode: "setup" };
  }
  if (raw.WEBHOOK_SECRET === undefined) throw new EnvError("WEBHOOK_SECRET", "required when APP_ID is set: without it anyone could sign deliveries");
  return {
    ...common,
    mode: "app",
    appId: Number(raw.APP_ID),
    privateKey: readPrivateKey(raw, dir),
    secret: raw.WEBHOOK_SECRET,
    baseUrl: raw.GHE_HOST ? `${raw.GHE_PROTOCOL ?? "https"}://${raw.GHE_HOST}/api/v3` : "https://api.github.com",
    redisUrl: raw.REDIS_URL,
    throttle: raw.HANDOFF_THROTTLE !== "off",
  };
}
