import { jest } from "@jest/globals";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { main } from "../../src/cli/main.js";
import { parseCorpus } from "../../scripts/corpus-metrics.js";
import { API, github, requests, verifyGithub, writes } from "../helpers/github.js";
import { APP_LABELS, label, RAW } from "../helpers/fixtures.js";
import { createApp, createdNow, deliver, payload } from "../helpers/app.js";

const OWNER = "Codertocat";
const NAME = "Hello-World";
const REPO = `/repos/${OWNER}/${NAME}`;
const SETTINGS = "/contents/.github%2Fhandoff.yml";
const dir = mkdtempSync(join(tmpdir(), "handoff-backlog-"));
const corpus = parseCorpus(readFileSync(new URL("../fixtures/corpus.jsonl", import.meta.url), "utf8"));
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

/** Open items of a repository: `issues` issues drawn from the corpus, with a pull request every `prEvery`. */
function backlog(issues: number, prs: number) {
  const items: Array<Record<string, unknown>> = [];
  let n = 0;
  let made = 0;
  let pulls = 0;
  while (made < issues || pulls < prs) {
    n++;
    const isPr = pulls < prs && (n % 13 === 0 || made >= issues);
    const row = corpus[(n - 1) % corpus.length]!;
    items.push({
      id: 1000 + n,
      node_id: `I${n}`,
      number: n,
      title: row.title,
      body: row.body,
      state: "open",
      locked: false,
      comments: 0,
      labels: [],
      user: { login: "author", id: 5, type: "User" },
      url: `${API}${REPO}/issues/${n}`,
      html_url: `https://github.com/${OWNER}/${NAME}/${isPr ? "pull" : "issues"}/${n}`,
      ...(isPr ? { pull_request: { url: `${API}${REPO}/pulls/${n}` } } : {}),
    });
    if (isPr) pulls++;
    else made++;
  }
  return items;
}

/** The issues list, 100 per page, with GitHub's Link header. */
function listed(items: Array<Record<string, unknown>>) {
  const pages = Math.ceil(items.length / 100);
  for (let p = 1; p <= pages; p++) {
    const next = p < pages ? `<${API}${REPO}/issues?state=open&per_page=100&page=${p + 1}>; rel="next", <${API}${REPO}/issues?state=open&per_page=100&page=${pages}>; rel="last"` : "";
    github()
      .get(`${REPO}/issues`)
      .query(p === 1 ? { state: "open", per_page: 100 } : { state: "open", per_page: 100, page: p })
      .reply(200, items.slice((p - 1) * 100, p * 100), next ? { link: next } : {});
  }
}

function noSettings() {
  github().get(`${REPO}${SETTINGS}`).reply(404).get(`/repos/${OWNER}/.github${SETTINGS}`).reply(404);
}

async function cli(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdin: Readable.from([""]), stdout: (l) => out.push(l), stderr: (l) => err.push(l) }, env);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const TOKEN = { GITHUB_TOKEN: "ghp_test", HANDOFF_THROTTLE: "off" };
const APP = { APP_ID: "1", PRIVATE_KEY: privateKey, HANDOFF_THROTTLE: "off" };

afterEach(verifyGithub);

describe("handoff backlog (read and report)", () => {
  test("250 open issues and 20 pull requests: three list requests, the three tables, no write", async () => {
    const items = backlog(250, 20);
    expect(items).toHaveLength(270);
    noSettings();
    listed(items);
    const r = await cli(["backlog", `${OWNER}/${NAME}`], TOKEN);
    expect(r.code).toBe(0);
    expect(requests.filter((q) => q === `GET ${REPO}/issues`)).toHaveLength(3);
    expect(writes()).toEqual([]);
    expect(r.stdout).toMatch(/^## Backlog of Codertocat\/Hello-World\n\n250 open issues: \*\*\d+\*\* scoped deliverables/);
    for (const table of ["### Ready to hand off", "### Scoped, needs spec", "### Needs an owner", "### Writes --apply would make"]) expect(r.stdout).toContain(table);
    expect(r.stdout).toContain(`[#1](https://github.com/${OWNER}/${NAME}/issues/1)`);
    expect(r.stdout).not.toContain("/pull/");
    expect(r.stderr.split("\n").at(-1)).toBe("backlog: 250/250 issues");
  });

  test("--json validates against the report schema; --csv has one row per issue", async () => {
    const items = backlog(30, 3);
    noSettings();
    listed(items);
    const json = await cli(["backlog", `${OWNER}/${NAME}`, "--json"], TOKEN);
    const ajv = new Ajv({ allErrors: true });
    ((addFormatsModule as unknown as { default?: (a: Ajv) => void }).default ?? (addFormatsModule as unknown as (a: Ajv) => void))(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(new URL("../fixtures/backlog-report.schema.json", import.meta.url), "utf8")));
    const report = JSON.parse(json.stdout) as { totals: { issues: number } };
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(report.totals.issues).toBe(30);
    verifyGithub();

    noSettings();
    listed(items);
    const csv = await cli(["backlog", `${OWNER}/${NAME}`, "--csv"], TOKEN);
    const lines = csv.stdout.split("\n");
    expect(lines[0]).toBe("number,title,url,classification,score,ready,missing,labels");
    expect(lines).toHaveLength(31);
  });

  test("without a token, or --apply without the app's key: one line, nothing requested", async () => {
    expect(await cli(["backlog", `${OWNER}/${NAME}`], {})).toEqual({ code: 2, stdout: "", stderr: "handoff: set GITHUB_TOKEN to a token that can read the repository's issues" });
    expect(await cli(["backlog", `${OWNER}/${NAME}`, "--apply"], { GITHUB_TOKEN: "t" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "handoff: --apply writes as the app, so its comments are the app's own: set APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH)",
    });
    expect((await cli(["backlog", "not-a-repo"], TOKEN)).stderr).toBe('handoff: expected OWNER/REPO, got "not-a-repo"');
  });

  test("GitHub refusing the token: its answer and what to check, exit 70", async () => {
    github().get(`${REPO}${SETTINGS}`).reply(401, { message: "Bad credentials" });
    expect(await cli(["backlog", `${OWNER}/${NAME}`], TOKEN)).toEqual({ code: 70, stdout: "", stderr: "handoff: GitHub answered 401 (Bad credentials); check that GITHUB_TOKEN can read the repository" });
  });
});

/** A GitHub that answers every write the app makes, and records them as "METHOD path body". */
function recordingWrites(into: string[], options: { failAbove?: number } = {}) {
  github().get(`${REPO}/labels`).query({ per_page: 100 }).reply(200, APP_LABELS.map((l) => label(l.name)));
  let comments = 0;
  let failed = false;
  // The first write to an issue numbered above `failAbove` fails, once: an interruption in the middle.
  const fails = (req: Request) => {
    const n = Number(/\/issues\/(\d+)\//.exec(new URL(req.url).pathname)?.[1]);
    if (failed || options.failAbove === undefined || n <= options.failAbove) return false;
    failed = true;
    return true;
  };
  // nock 15 hands a reply function the Fetch Request (a second parameter would make it callback-style).
  const record = async (req: Request) => into.push(`POST ${new URL(req.url).pathname} ${await req.text()}`);
  github()
    .post(/\/issues\/\d+\/labels$/)
    .times(1000)
    .optionally()
    .reply(async (req: Request) => (fails(req) ? [422, { message: "Validation Failed" }] : (await record(req), [200, []])))
    .post(/\/issues\/\d+\/comments$/)
    .times(1000)
    .optionally()
    .reply(async (req: Request) => {
      comments++;
      if (fails(req)) return [422, { message: "Validation Failed" }];
      await record(req);
      return [201, { id: comments }];
    });
}

function asApp() {
  github().get(`${REPO}/installation`).reply(200, { id: 42 });
  github().get("/app").reply(200, { id: 1, slug: "handoff" });
  github().post("/app/installations/42/access_tokens").reply(201, { token: "ghs_x", expires_at: "2099-01-01T00:00:00Z" });
}

jest.setTimeout(60_000);

describe("handoff backlog --apply", () => {
  /** The writes the app makes when each issue is opened, with the settings file `settings` answers. */
  async function writesByApp(issues: ReturnType<typeof backlog>, settings: () => unknown): Promise<string[]> {
    const writes: string[] = [];
    const app = await createApp();
    github().post("/app/installations/42/access_tokens").reply(201, { token: "ghs_x", expires_at: "2099-01-01T00:00:00Z" });
    settings();
    recordingWrites(writes);
    for (const issue of issues) {
      const p = payload("issues", "opened");
      p.issue = { ...p.issue, ...issue, ...createdNow() };
      await deliver(app, "issues", p);
    }
    verifyGithub();
    return writes;
  }

  /** The writes `handoff backlog --apply` makes over the same listing. */
  async function writesByCli(items: ReturnType<typeof backlog>, settings: () => unknown): Promise<string[]> {
    const writes: string[] = [];
    asApp();
    settings();
    listed(items);
    recordingWrites(writes);
    expect((await cli(["backlog", `${OWNER}/${NAME}`, "--apply"], APP)).code).toBe(0);
    return writes;
  }

  test("writes what the app writes for the same issues", async () => {
    const items = backlog(20, 2);
    const issues = items.filter((i) => !i.pull_request);

    const byApp = await writesByApp(issues, noSettings);
    const byCli = await writesByCli(items, noSettings);
    expect(byCli.length).toBeGreaterThan(0);
    expect(byCli.sort()).toEqual(byApp.sort());
  });

  test("issues the settings ignore are left alone, as by the app; the dry run plans nothing for them", async () => {
    const items = backlog(6, 0).map((i) => (i.number === 2 || i.number === 5 ? { ...i, labels: [label("wontfix")] } : i));
    const ignoring = () => github().get(`${REPO}${SETTINGS}`).reply(200, "ignore:\n  labels: [wontfix]\n", RAW);

    const byApp = await writesByApp(items, ignoring);
    const byCli = await writesByCli(items, ignoring);
    expect(byCli.sort()).toEqual(byApp.sort());
    expect(byCli.filter((w) => /\/issues\/[25]\//.test(w))).toEqual([]);
    verifyGithub();

    github().get(`${REPO}${SETTINGS}`).reply(200, "ignore:\n  labels: [wontfix]\n", RAW);
    listed(items);
    const dry = await cli(["backlog", `${OWNER}/${NAME}`], TOKEN);
    expect(dry.stdout).not.toMatch(/^- #[25]: /m);
    expect(dry.stdout).toMatch(/^- #1: /m);
  });

  test("a second --apply run over the result of the first writes nothing", async () => {
    const items = backlog(25, 0);
    const first: string[] = [];
    asApp();
    noSettings();
    listed(items);
    recordingWrites(first);
    expect((await cli(["backlog", `${OWNER}/${NAME}`, "--apply"], APP)).code).toBe(0);
    verifyGithub();

    // The repository as the first run left it: the labels added and the one comment written.
    const after = items.map((i): Record<string, unknown> & { number: number; _comment: string | null } => {
      const added = first.filter((w) => w.startsWith(`POST ${REPO}/issues/${i.number}/labels `)).flatMap((w) => (JSON.parse(w.slice(w.indexOf(" {") + 1)) as { labels: string[] }).labels);
      const comment = first.find((w) => w.startsWith(`POST ${REPO}/issues/${i.number}/comments `));
      return { ...i, number: i.number as number, labels: added.map((n) => label(n)), comments: comment ? 1 : 0, _comment: comment ? (JSON.parse(comment.slice(comment.indexOf(" {") + 1)) as { body: string }).body : null };
    });
    asApp();
    noSettings();
    listed(after.map(({ _comment, ...i }) => i));
    for (const i of after.filter((x) => x._comment)) {
      github()
        .get(`${REPO}/issues/${i.number}/comments`)
        .query({ per_page: 100 })
        .reply(200, [{ id: i.number, body: i._comment, user: { login: "handoff[bot]", type: "Bot" } }]);
    }
    const r = await cli(["backlog", `${OWNER}/${NAME}`, "--apply"], APP);
    expect(r.code).toBe(0);
    expect(writes().filter((w) => !w.includes("/access_tokens"))).toEqual([]);
    expect(r.stderr.split("\n").at(-1)).toBe("backlog: 0 writes made");
  });

  test("interrupted after 40 issues, resumed with --resume: writes only for the remaining issues", async () => {
    const items = backlog(60, 0);
    const resume = join(dir, "resume.json");
    const first: string[] = [];
    asApp();
    noSettings();
    listed(items);
    recordingWrites(first, { failAbove: 40 });
    const r = await cli(["backlog", `${OWNER}/${NAME}`, "--apply", "--resume", resume], APP);
    expect(r.code).toBe(1);
    const done = JSON.parse(readFileSync(resume, "utf8")).done as number[];
    // Issues 1–40 are finished; the failure came on the first later issue that had something to write.
    expect(done.slice(0, 40)).toEqual(items.slice(0, 40).map((i) => i.number));
    expect(r.stderr.split("\n").at(-1)).toBe(`handoff: stopped after ${done.length} of 60 issues (Validation Failed); run again with --resume ${resume} to continue`);
    verifyGithub();

    const second: string[] = [];
    asApp();
    noSettings();
    listed(items);
    recordingWrites(second);
    const again = await cli(["backlog", `${OWNER}/${NAME}`, "--apply", "--resume", resume], APP);
    expect(again.code).toBe(0);
    const numbers = new Set(second.map((w) => Number(/\/issues\/(\d+)\//.exec(w)![1])));
    expect(numbers.size).toBeGreaterThan(0);
    expect([...numbers].filter((n) => done.includes(n))).toEqual([]);
    expect(first.filter((w) => second.includes(w))).toEqual([]);
  });
});
