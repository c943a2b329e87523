import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ENV_SCHEMA, EnvError, parseServerEnv, withDotEnv } from "../../src/env.js";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
const readme = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");

describe("the server's environment", () => {
  test("the README's table lists exactly the variables of the schema, with their descriptions", () => {
    const block = /<!-- env:start[^>]*-->\n([\s\S]*?)\n<!-- env:end -->/.exec(readme)?.[1];
    const expected = ["| variable | meaning |", "|---|---|", ...Object.entries(ENV_SCHEMA.shape).map(([name, schema]) => `| \`${name}\` | ${schema.description} |`)].join("\n");
    expect(block).toBe(expected);
  });

  test("without APP_ID (empty counts as unset): Probot's setup page, with the defaults", () => {
    expect(parseServerEnv({ APP_ID: "", WEBHOOK_SECRET: "", LOG_LEVEL: "info" })).toEqual({
      mode: "setup",
      host: "localhost",
      port: 3000,
      webhookPath: "/api/github/webhooks",
      webhookProxy: undefined,
      logLevel: "info",
      logFormat: "pretty",
      logLevelInString: false,
      logMessageKey: undefined,
      sentryDsn: undefined,
    });
  });

  test("the app's credentials: the key as PEM, with escaped line breaks, base64-encoded or from a file", () => {
    const base = { APP_ID: "12", WEBHOOK_SECRET: "s", HOST: "0.0.0.0", PORT: "8080", GHE_HOST: "github.example.com", REDIS_URL: "redis://redis:6379", HANDOFF_THROTTLE: "off", NODE_ENV: "production" };
    const dir = mkdtempSync(join(tmpdir(), "handoff-env-"));
    try {
      writeFileSync(join(dir, "key.pem"), privateKey);
      for (const key of [{ PRIVATE_KEY: privateKey }, { PRIVATE_KEY: privateKey.replace(/\n/g, "\\n") }, { PRIVATE_KEY: Buffer.from(privateKey).toString("base64") }, { PRIVATE_KEY_PATH: "key.pem" }]) {
        expect(parseServerEnv({ ...base, ...key }, dir)).toMatchObject({
          mode: "app",
          appId: 12,
          privateKey: privateKey,
          secret: "s",
          host: "0.0.0.0",
          port: 8080,
          baseUrl: "https://github.example.com/api/v3",
          redisUrl: "redis://redis:6379",
          throttle: false,
          logFormat: "json",
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("each problem is an EnvError naming its variable", () => {
    const problem = (env: Record<string, string>) => {
      try {
        parseServerEnv(env as NodeJS.ProcessEnv);
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError);
        return (error as EnvError).variable;
      }
      return "none";
    };
    const app = { APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: "s" };
    expect(problem({ ...app, PORT: "70000" })).toBe("PORT");
    expect(problem({ ...app, WEBHOOK_PATH: "hooks" })).toBe("WEBHOOK_PATH");
    expect(problem({ ...app, WEBHOOK_PROXY_URL: "smee.io/x" })).toBe("WEBHOOK_PROXY_URL");
    expect(problem({ ...app, GHE_HOST: "https://github.example.com" })).toBe("GHE_HOST");
    expect(problem({ ...app, GHE_PROTOCOL: "ftp" })).toBe("GHE_PROTOCOL");
    expect(problem({ ...app, LOG_FORMAT: "yaml" })).toBe("LOG_FORMAT");
    expect(problem({ ...app, WEBHOOK_SECRET: "" })).toBe("WEBHOOK_SECRET");
    expect(problem(app)).toBe("none");
  });

  test("a .env file's variables are applied over the process's, as Probot does; none is no change", () => {
    const dir = mkdtempSync(join(tmpdir(), "handoff-env-"));
    try {
      expect(withDotEnv({ A: "1" }, dir)).toEqual({ A: "1" });
      writeFileSync(join(dir, ".env"), 'APP_ID=7\nPRIVATE_KEY="line1\\nline2"\n');
      expect(withDotEnv({ A: "1", APP_ID: "3" }, dir)).toEqual({ A: "1", APP_ID: "7", PRIVATE_KEY: "line1\nline2" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
