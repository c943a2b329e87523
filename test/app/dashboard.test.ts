import { readinessMetrics } from "../../src/backlog/readiness.js";
import { BOT, createApp, deliver, payload } from "../helpers/app.js";
import { expected, reply } from "../helpers/expected.js";
import { appComment, coldIssue, label, REPO } from "../helpers/fixtures.js";
import { github, verifyGithub } from "../helpers/github.js";

const COMMENT_ID = 492700400;
const STRIPE = { title: "Add a Stripe webhook endpoint", body: "" };
const checklist = expected("stripe-one-line");

function openIssue(number: number, title: string, extra: Record<string, unknown> = {}) {
  return { id: number, node_id: "n", number, title, body: "", state: "open", locked: false, comments: 0, labels: [], user: { login: "author", type: "User" }, html_url: `https://github.com/Codertocat/Hello-World/issues/${number}`, created_at: "2024-01-01T00:00:00Z", updated_at: "2024-01-01T00:00:00Z", ...extra };
}

function backlogComment() {
  const p = payload("issue_comment", "created");
  Object.assign(p.issue, STRIPE, { comments: 1, labels: [label("scoped-deliverable"), label("needs-spec")] });
  Object.assign(p.comment, { body: "/handoff backlog", user: { ...p.comment.user, login: "lead", type: "User" } });
  p.sender = { ...p.sender, login: "lead", type: "User" };
  return p;
}

afterEach(verifyGithub);

describe("/handoff backlog", () => {
  test("creates the dashboard issue once, then updates the same issue", async () => {
    const app = await createApp();
    coldIssue([appComment(100, checklist)]);
    github().get(`${REPO}/collaborators/lead/permission`).reply(200, { permission: "write", role_name: "triage" });
    const listing = [openIssue(1, STRIPE.title, { comments: 1 }), openIssue(2, "Define SLOs and the on-call rotation")];
    github().get(`${REPO}/issues`).query({ state: "open", per_page: 100 }).reply(200, listing);
    // Readiness history comes from the app's checklist on each scoped deliverable that has comments.
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, checklist)]);
    let created = "";
    github()
      .post(`${REPO}/issues`, (body: { title: string; body: string }) => {
        created = body.body;
        return body.title === "handoff: backlog" && body.body.startsWith("<!-- handoff:backlog -->");
      })
      .reply(201, { number: 99 })
      .post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID, "The backlog dashboard is #99.") })
      .reply(201, {})
      .post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "+1" })
      .reply(201, {});
    await deliver(app, "issue_comment", backlogComment());
    expect(created).toContain("### Scoped, needs spec (1)");
    expect(created).toContain("### Needs an owner (1)");
    expect(created).toContain("### Readiness");
    verifyGithub();

    // Later: a new issue in the backlog; the same dashboard issue is edited.
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, checklist)]);
    github()
      .get(`${REPO}/issues`)
      .query({ state: "open", per_page: 100 })
      .reply(200, [...listing, openIssue(3, "Migrate sessions from Redis to Postgres"), openIssue(99, "handoff: backlog", { body: created, user: { login: BOT, type: "Bot" } })]);
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, checklist)]);
    github()
      .patch(`${REPO}/issues/99`, (body: { body: string }) => body.body !== created && body.body.includes("#3"))
      .reply(200, {})
      .post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID, "The backlog dashboard is #99.") })
      .reply(201, {})
      .post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "+1" })
      .reply(201, {});
    await deliver(app, "issue_comment", backlogComment());
  });
  test("a report that fails: its answer waits for the next /handoff backlog, which answers both", async () => {
    const app = await createApp();
    coldIssue([appComment(100, checklist)]);
    github().get(`${REPO}/collaborators/lead/permission`).reply(200, { permission: "write", role_name: "triage" });
    github().get(`${REPO}/issues`).query({ state: "open", per_page: 100 }).reply(500, {});
    await deliver(app, "issue_comment", backlogComment());
    verifyGithub();

    const later = backlogComment();
    later.comment.id = COMMENT_ID + 1;
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, checklist)]);
    github().get(`${REPO}/issues`).query({ state: "open", per_page: 100 }).reply(200, [openIssue(2, "Define SLOs and the on-call rotation")]);
    github()
      .post(`${REPO}/issues`)
      .reply(201, { number: 99 })
      .post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID, "The backlog dashboard is #99.") })
      .reply(201, {})
      .post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID + 1, "The backlog dashboard is #99.") })
      .reply(201, {})
      .post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "+1" })
      .reply(201, {})
      .post(`${REPO}/issues/comments/${COMMENT_ID + 1}/reactions`, { content: "+1" })
      .reply(201, {});
    await deliver(app, "issue_comment", later);
  });
});

describe("readiness metrics", () => {
  test("ready when opened, and the median time to ready of the others", () => {
    expect(
      readinessMetrics([
        { createdAt: "2024-01-01T00:00:00Z", readyAt: "2024-01-01T00:01:00Z" },
        { createdAt: "2024-01-01T00:00:00Z", readyAt: "2024-01-01T10:00:00Z" },
        { createdAt: "2024-01-01T00:00:00Z", readyAt: "2024-01-02T06:00:00Z" },
        { createdAt: "2024-01-01T00:00:00Z", readyAt: null },
      ]),
    ).toEqual({ tracked: 4, readyWhenOpened: 0.25, medianHoursToReady: 20 });
    expect(readinessMetrics([])).toEqual({ tracked: 0, readyWhenOpened: 0, medianHoursToReady: null });
  });
});
