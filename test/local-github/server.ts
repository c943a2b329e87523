import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkRequest } from "../helpers/openapi.js";

/**
 * A small GitHub on loopback for tests and benchmarks: the REST endpoints the app uses, with state in
 * memory, every request checked against GitHub's REST API description, and faults on demand. The
 * real server (`npm start` with GHE_HOST and GHE_PROTOCOL=http) talks to it under `/api/v3`.
 */
export interface Comment {
  id: number;
  body: string;
  user: { login: string; type: "Bot" | "User" };
  created_at: string;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  locked: boolean;
  labels: string[];
  comments: Comment[];
  user: { login: string; type: "User" | "Bot" };
  created_at: string;
  updated_at: string;
}

export interface Fault {
  /** Matches "METHOD /path" (without /api/v3). */
  match: RegExp;
  /** How many matching requests fail. */
  times: number;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  /** The error message GitHub would send ("You have exceeded a secondary rate limit"). */
  message?: string;
  /** Drop the connection instead of answering. */
  reset?: boolean;
  /** Apply the request, then fail the answer (the write happened, the answer was lost). */
  afterWrite?: boolean;
}

export class LocalGitHub {
  readonly issues = new Map<number, Issue>();
  readonly labels = new Map<string, { name: string; color: string; description: string }>();
  readonly files = new Map<string, string>();
  readonly checkRuns: Array<Record<string, unknown>> = [];
  readonly reactions: Array<{ comment: number; content: string }> = [];
  /** Every request, as "METHOD /path". */
  readonly log: string[] = [];
  /** Requests that do not match GitHub's REST API description. */
  readonly violations: string[] = [];
  faults: Fault[] = [];
  slug = "handoff";
  private nextComment = 1;
  private server: Server | null = null;

  constructor(readonly owner = "acme", readonly repo = "api") {}

  get bot(): string {
    return `${this.slug}[bot]`;
  }

  addIssue(number: number, title: string, body = ""): Issue {
    const now = new Date().toISOString();
    const issue: Issue = { number, title, body, state: "open", locked: false, labels: [], comments: [], user: { login: "author", type: "User" }, created_at: now, updated_at: now };
    this.issues.set(number, issue);
    return issue;
  }

  /** An issue opened by the app (its configuration issue, its dashboard), numbered after the others. */
  private openIssue(title: string, body: string): Issue {
    const issue = this.addIssue(Math.max(0, ...this.issues.keys()) + 1, title, body);
    issue.user = { login: this.bot, type: "Bot" };
    return issue;
  }

  writes(): string[] {
    return this.log.filter((l) => !l.startsWith("GET ") && !l.includes("/access_tokens"));
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
    this.server?.closeAllConnections?.();
  }

  private issueJson(i: Issue) {
    const base = `https://github.com/${this.owner}/${this.repo}/issues/${i.number}`;
    return {
      id: i.number,
      node_id: `I_${i.number}`,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      locked: i.locked,
      comments: i.comments.length,
      labels: i.labels.map((name) => ({ id: 1, node_id: "L", url: "u", name, color: this.labels.get(name.toLowerCase())?.color ?? "ededed", default: false, description: null })),
      user: { ...i.user, id: 2 },
      html_url: base,
      url: `https://api.github.com/repos/${this.owner}/${this.repo}/issues/${i.number}`,
      created_at: i.created_at,
      updated_at: i.updated_at,
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://local");
    const path = url.pathname.replace(/^\/api\/v3/, "");
    const method = req.method ?? "GET";
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      body = {};
    }
    const line = `${method} ${path}`;
    this.log.push(line);
    this.violations.push(...checkRequest(method, path, raw ? body : undefined));

    const fault = this.faults.find((f) => f.times > 0 && f.match.test(line));
    if (fault) fault.times--;
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.reset && !fault.afterWrite) {
      req.socket.destroy();
      return;
    }
    if (fault && !fault.afterWrite && fault.status) {
      return this.send(res, fault.status, { message: fault.message ?? "injected fault" }, fault.retryAfter);
    }
    const [status, payload] = this.route(method, path, url, body);
    if (fault?.afterWrite) {
      if (fault.reset) {
        req.socket.destroy();
        return;
      }
      return this.send(res, fault.status ?? 502, { message: "injected fault after the write" });
    }
    this.send(res, status, payload);
  }

  private send(res: ServerResponse, status: number, payload: unknown, retryAfter?: number): void {
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
    if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
    if (status === 204) {
      res.writeHead(204, headers).end();
      return;
    }
    if (typeof payload === "string") {
      res.writeHead(status, { "content-type": "application/vnd.github.raw; charset=utf-8" }).end(payload);
      return;
    }
    res.writeHead(status, headers).end(JSON.stringify(payload));
  }

  private route(method: string, path: string, url: URL, body: Record<string, unknown>): [number, unknown] {
    const repoPrefix = `/repos/${this.owner}/${this.repo}`;
    let m: RegExpExecArray | null;
    if (method === "POST" && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) return [201, { token: "ghs_local", expires_at: new Date(Date.now() + 3_600_000).toISOString() }];
    if (method === "GET" && path === "/app") return [200, { id: 1, slug: this.slug, name: "handoff" }];
    if (method === "GET" && (m = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(path))) {
      const file = this.files.get(`${m[1]}/${m[2]}:${decodeURIComponent(m[3]!)}`);
      return file === undefined ? [404, { message: "Not Found" }] : [200, file];
    }
    if (!path.startsWith(repoPrefix)) return [404, { message: "Not Found" }];
    const rest = path.slice(repoPrefix.length);
    if (method === "GET" && rest === "/labels") return [200, [...this.labels.values()].map((l) => ({ id: 1, node_id: "L", url: "u", default: false, ...l }))];
    if (method === "POST" && rest === "/labels") {
      const name = String(body.name);
      if (this.labels.has(name.toLowerCase())) return [422, { message: "Validation Failed", errors: [{ code: "already_exists" }] }];
      this.labels.set(name.toLowerCase(), { name, color: String(body.color), description: String(body.description ?? "") });
      return [201, { id: 1, name }];
    }
    if (method === "GET" && rest === "/issues") {
      const open = [...this.issues.values()].filter((i) => i.state === "open");
      const page = Number(url.searchParams.get("page") ?? 1);
      const creator = url.searchParams.get("creator");
      const chosen = creator ? open.filter((i) => i.user.login === creator) : open;
      return [200, chosen.slice((page - 1) * 100, page * 100).map((i) => this.issueJson(i))];
    }
    if (method === "POST" && rest === "/issues") return [201, this.issueJson(this.openIssue(String(body.title), String(body.body ?? "")))];
    if ((m = /^\/issues\/(\d+)(\/.*)?$/.exec(rest))) {
      const issue = this.issues.get(Number(m[1]));
      const sub = m[2] ?? "";
      if (!issue) return [404, { message: "Not Found" }];
      if (method === "GET" && sub === "") return [200, this.issueJson(issue)];
      if (method === "PATCH" && sub === "") {
        if (typeof body.body === "string") issue.body = body.body;
        if (body.state === "open" || body.state === "closed") issue.state = body.state;
        issue.updated_at = new Date().toISOString();
        return [200, this.issueJson(issue)];
      }
      if (method === "POST" && sub === "/labels") {
        for (const name of body.labels as string[]) if (!issue.labels.some((l) => l.toLowerCase() === name.toLowerCase())) issue.labels.push(name);
        return [200, this.issueJson(issue).labels];
      }
      if (method === "DELETE" && (m = /^\/labels\/(.+)$/.exec(sub))) {
        const name = decodeURIComponent(m[1]!).toLowerCase();
        const before = issue.labels.length;
        issue.labels = issue.labels.filter((l) => l.toLowerCase() !== name);
        return before === issue.labels.length ? [404, { message: "Label does not exist" }] : [200, this.issueJson(issue).labels];
      }
      if (method === "GET" && sub === "/comments") {
        const page = Number(url.searchParams.get("page") ?? 1);
        return [200, issue.comments.slice((page - 1) * 100, page * 100).map((c) => ({ ...c, node_id: "C", user: { ...c.user, id: 3 } }))];
      }
      if (method === "POST" && sub === "/comments") {
        const c: Comment = { id: this.nextComment++, body: String(body.body), user: { login: this.bot, type: "Bot" }, created_at: new Date().toISOString() };
        issue.comments.push(c);
        return [201, { ...c, node_id: "C" }];
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)(\/reactions)?$/.exec(rest))) {
      const id = Number(m[1]);
      const issue = [...this.issues.values()].find((i) => i.comments.some((c) => c.id === id));
      const comment = issue?.comments.find((c) => c.id === id);
      if (!issue || !comment) return [404, { message: "Not Found" }];
      if (m[2] && method === "POST") {
        this.reactions.push({ comment: id, content: String(body.content) });
        return [201, { id: 1, content: body.content }];
      }
      if (method === "PATCH") {
        comment.body = String(body.body);
        return [200, { ...comment, node_id: "C" }];
      }
      if (method === "DELETE") {
        issue.comments = issue.comments.filter((c) => c.id !== id);
        return [204, null];
      }
    }
    if (method === "POST" && rest === "/check-runs") {
      this.checkRuns.push(body);
      return [201, { id: this.checkRuns.length }];
    }
    return [404, { message: `not implemented here: ${method} ${path}` }];
  }
}
