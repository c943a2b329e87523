import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import type { Handoff, HandoffOptions } from "../../src/app/handoff.js";
import { handoff } from "../../src/index.js";

const require = createRequire(import.meta.url);

export const INSTALLATION = 42;
export const APP_SLUG = "handoff";
export const BOT = `${APP_SLUG}[bot]`;

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

/** Probot with throttling off (the function form, or every write waits), Octokit's retries off unless asked for, and a silent log. */
export async function createApp(options: HandoffOptions = {}, { retry = false }: { retry?: boolean } = {}): Promise<{ probot: Probot; handoff: Handoff }> {
  const probot = new Probot({
    appId: 1,
    privateKey,
    log: pino({ level: "silent" }),
    // Octokit's retry plugin, as the server has it, for the few tests that prove the behaviour under
    // faults; off elsewhere.
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({
      ...o,
      retry: { enabled: retry },
      throttle: { ...(o.throttle as object), enabled: false },
    })),
  });
  let state: Handoff | undefined;
  await probot.load((app) => {
    state = handoff(options)(app);
  });
  return { probot, handoff: state! };
}

interface Example {
  name: string;
  examples: Array<Record<string, unknown> & { action?: string }>;
}

const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as Example[];

/** A real payload from @octokit/webhooks-examples, deep-copied, with the installation the app needs. */
export function payload(event: string, action?: string, index = 0): Record<string, any> {
  const found = examples.find((e) => e.name === event)?.examples.filter((x) => action === undefined || x.action === action)[index];
  if (!found) throw new Error(`no example for ${event}.${action}`);
  return { ...structuredClone(found), installation: { id: INSTALLATION, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI=" } };
}

/**
 * The creation date of an issue opened the moment its event is delivered: the only payload whose
 * "no comments" the app believes without a read.
 */
export function createdNow(): { created_at: string } {
  return { created_at: new Date().toISOString() };
}

let delivery = 0;
/** Delivers an event to the app as GitHub would, and waits until the work it queued is done. */
export async function deliver(app: { probot: Probot; handoff: Handoff }, name: string, body: Record<string, unknown>, id = `delivery-${++delivery}`): Promise<void> {
  await app.probot.receive({ id, name, payload: body } as Parameters<Probot["receive"]>[0]);
  await app.handoff.queue.idle();
}
