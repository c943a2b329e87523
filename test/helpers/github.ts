import nock from "nock";
import { checkRequest } from "./openapi.js";

export const API = "https://api.github.com";

/** Every request the suite makes that does not match GitHub's REST API description. */
export const violations: string[] = [];
/** Every request the suite made, as "METHOD /path". */
export const requests: string[] = [];

nock.disableNetConnect();
nock.emitter.on("no match", (req: { method?: string; path?: string; url?: string; href?: string }) => {
  const where = req.url ?? req.href ?? req.path ?? "?";
  violations.push(`unexpected request: ${req.method ?? "?"} ${where}`);
});

/**
 * A nock scope for the GitHub API whose every intercepted request is checked against the REST API
 * description and recorded.
 */
export function github(): nock.Scope {
  const scope = nock(API);
  scope.on("request", (req: Request, _interceptor: unknown, body: string) => {
    const url = new URL(req.url);
    requests.push(`${req.method} ${url.pathname}`);
    let parsed: unknown;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      parsed = body;
    }
    violations.push(...checkRequest(req.method, url.pathname, parsed));
  });
  return scope;
}

/** The writes among the recorded requests. */
export function writes(): string[] {
  return requests.filter((r) => !r.startsWith("GET ") && !r.includes("/access_tokens"));
}

/** For afterEach: every expected call happened, nothing else was called, and all matched the description. */
export function verifyGithub(): void {
  const pending = nock.pendingMocks();
  const found = [...violations];
  nock.cleanAll();
  violations.length = 0;
  requests.length = 0;
  if (pending.length) throw new Error(`requests expected but not made:\n${pending.join("\n")}`);
  if (found.length) throw new Error(`requests outside GitHub's REST API description:\n${found.join("\n")}`);
}
