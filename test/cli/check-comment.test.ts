import { Readable } from "node:stream";
import { main } from "../../src/cli/main.js";
import { createApp, createdNow, deliver, payload } from "../helpers/app.js";
import { labelsExist, noSettings, REPO, token } from "../helpers/fixtures.js";
import { github, verifyGithub } from "../helpers/github.js";
import { COMPLETE_SPEC } from "../helpers/specs.js";

afterEach(verifyGithub);

/** The comment the app posts on issues.opened for this issue, read off the request it makes (null: none). */
async function appPosts(issue: { title: string; body: string }, updatedAt: string): Promise<string | null> {
  const app = await createApp();
  token();
  noSettings();
  let posted: string | null = null;
  const p = payload("issues", "opened");
  Object.assign(p.issue, issue, { labels: [], comments: 0, updated_at: updatedAt, ...createdNow() });
  const scope = github();
  const classified = !/^why /i.test(issue.title);
  if (classified) {
    labelsExist();
    scope.post(`${REPO}/issues/1/labels`).reply(200, []);
    scope
      .post(`${REPO}/issues/1/comments`, (body: { body: string }) => {
        posted = body.body;
        return true;
      })
      .reply(201, { id: 100 });
  }
  await deliver(app, "issues", p);
  return posted;
}

/** `handoff check --comment` on the issue written as a file: its title as a `# Title` line, then its body. */
async function cliPrints(issue: { title: string; body: string }, now: string) {
  const out: string[] = [];
  const err: string[] = [];
  const text = `# ${issue.title}\n\n${issue.body}\n`;
  const code = await main(["check", "-", "--comment"], { stdin: Readable.from([text]), stdout: (l) => out.push(l), stderr: (l) => err.push(l), cwd: "/", now: () => new Date(now) });
  return { code, stdout: out.length ? out.join("\n") : null, stderr: err.join("\n") };
}

const AT = "2026-03-01T12:34:56.000Z";

describe("handoff check --comment", () => {
  test.each([
    ["a one-liner (missing sections)", { title: "Add a Stripe webhook endpoint", body: "" }],
    ["a complete spec (ready, with the time it became ready)", COMPLETE_SPEC],
    ["work that needs an owner", { title: "Define SLOs for checkout", body: "Availability and latency targets, with error budgets, and the on-call rotation that defends them." }],
    ["a spec with evidence on numbered lines", { title: "Add a refunds endpoint", body: "## API\n\n`POST /v1/refunds` returns `201 Created`.\n\n## Acceptance criteria\n\n- [ ] a refund of more than the charge returns 422" }],
  ])("%s: exactly the Markdown the app posts", async (_, issue) => {
    const posted = await appPosts(issue, AT);
    expect(posted).not.toBeNull();
    expect(await cliPrints(issue, AT)).toEqual({ code: 0, stdout: posted, stderr: "" });
  });

  test("an issue the app stays quiet on: nothing on stdout, a note on stderr, exit 0", async () => {
    const issue = { title: "Why do you use Redis instead of Postgres for the queue?", body: "Just curious, is this expected?" };
    expect(await appPosts(issue, AT)).toBeNull();
    expect(await cliPrints(issue, AT)).toEqual({ code: 0, stdout: null, stderr: "handoff: the app posts no comment on this issue: it does not read as a work item (a /handoff check comment would make it post one)" });
  });
});
