import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";

/** GitHub caps a delivery's payload at 25 MB; anything larger is not from GitHub. */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;

type Middleware = (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;

interface Options {
  /** Probot's webhook middleware: it receives the deliveries that pass the checks here. */
  middleware: Middleware;
  verify(body: string, signature: string): Promise<boolean>;
  log: Logger;
  maxBytes?: number;
}

type Body = { ok: true; text: string } | { ok: false; bytes: number };

/** Reads a request's body, stopping as soon as it passes `maxBytes`. */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        req.off("data", onData);
        req.pause();
        chunks.length = 0;
        resolve({ ok: false, bytes });
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve({ ok: true, text: Buffer.concat(chunks).toString("utf8") }));
    req.once("error", reject);
  });
}

/**
 * Ends a refused request whose body is still arriving. Closing the connection at once would reset
 * it while the client's bytes are unread, and a reset makes the client drop the answer it was
 * about to read. So the answer is sent first, what follows is read and thrown away, and the
 * connection closes when the client stops (its body ends), after `ms`, or after `maxBytes`
 * more, whichever comes first: a client that never reads the answer costs two seconds at most.
 */
function lingerThenClose(req: IncomingMessage, res: ServerResponse, { ms = 2000, maxBytes = 16 * 1024 * 1024 } = {}): void {
  let discarded = 0;
  const finish = () => {
    clearTimeout(timer);
    req.off("data", onData);
    if (!res.writableEnded) res.end();
  };
  const onData = (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > maxBytes) finish();
  };
  const timer = setTimeout(finish, ms);
  req.on("data", onData);
  req.once("end", finish);
  req.once("error", finish);
  res.once("close", finish);
  req.resume();
}

/** Why a verified body cannot be an event's payload, or undefined when it can. */
function malformed(body: string): string | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return "Invalid JSON";
  }
  return typeof payload === "object" && payload !== null && !Array.isArray(payload) ? undefined : "The payload is not a JSON object";
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
};

/**
 * The webhook route in front of Probot's middleware. A body over the cap is refused with 413 from
 * its Content-Length, or as soon as the bytes read pass the cap, without reading the rest; a body
 * whose signature does not match, or that is not a JSON object, is refused with 400. Each refusal
 * is one log line (delivery id, event, size, reason), never the payload: Probot's own path for a bad
 * signature logs the whole payload. What passes goes to Probot's middleware as read.
 */
export function deliveryRoute({ middleware, verify, log, maxBytes = MAX_BODY_BYTES }: Options): Middleware {
  return async (req, res) => {
    if (req.method !== "POST") return middleware(req, res);
    const delivery = header(req, "x-github-delivery");
    const event = header(req, "x-github-event");
    const refuse = (status: number, reason: string, bytes: number, { close = false }: { close?: boolean } = {}) => {
      log.warn({ delivery, event, bytes, status, reason }, "delivery refused");
      const text = JSON.stringify({ error: `Error: ${reason}` });
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...(close ? { connection: "close" } : {}) });
      if (close) {
        res.write(text);
        lingerThenClose(req, res);
      } else res.end(text);
    };

    const declared = Number(header(req, "content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) return refuse(413, `The body is larger than ${maxBytes} bytes`, declared, { close: true });
    const body = await readBody(req, maxBytes);
    if (!body.ok) return refuse(413, `The body is larger than ${maxBytes} bytes`, body.bytes, { close: true });

    const bytes = Buffer.byteLength(body.text);
    const signature = header(req, "x-hub-signature-256");
    if (!signature) return refuse(400, "The x-hub-signature-256 header is missing", bytes);
    if (!(await verify(body.text, signature).catch(() => false))) return refuse(400, "The signature does not match the body and the webhook secret", bytes);
    const why = malformed(body.text);
    if (why) return refuse(400, why, bytes);
    // Probot's middleware takes a body already read from `body` (as Express leaves it).
    (req as IncomingMessage & { body?: string }).body = body.text;
    return middleware(req, res);
  };
}
