import { MemoryCoordinator } from "../../src/app/coordinator.js";
import { IssueQueue } from "../../src/app/issue-queue.js";
import { createApp, deliver, payload } from "../helpers/app.js";
import { expected, reply } from "../helpers/expected.js";
import { appComment, appLogin, label, RAW, REPO, SETTINGS, token } from "../helpers/fixtures.js";
import { github, verifyGithub, writes } from "../helpers/github.js";

const COMMENT_ID = 492700400;
const ISSUE = { title: "Add a Stripe webhook endpoint", body: "## Context\nPayments are confirmed by a nightly job today." };
const CHECKLIST = expected("stripe-context-only");
const DENIED = "`/handoff hire` needs the triage role or above.";

function commentPayload(body: string, who: string) {
  const p = payload("issue_comment", "created");
  Object.assign(p.issue, ISSUE, { comments: 2, labels: ["scoped-deliverable", "needs-spec"].map((l) => label(l)), user: { ...p.issue.user, login: "author" } });
  Object.assign(p.comment, { body, user: { ...p.comment.user, login: who, type: "User" } });
  p.sender = { ...p.sender, login: who, type: "User" };
  return p;
}

/** The reads of every run on issue 1: its comments (the app's checklist among them). */
function comments() {
  github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, CHECKLIST)]);
}

function cold(settingsFile: string | null) {
  token();
  // The organisation's file is read only when the repository has none.
  if (settingsFile !== null) github().get(`${REPO}${SETTINGS}`).reply(200, settingsFile, RAW);
  else github().get(`${REPO}${SETTINGS}`).reply(404, { message: "Not Found" }).get(`/repos/Codertocat/.github${SETTINGS}`).reply(404, { message: "Not Found" });
  appLogin();
}

function role(who: string, role_name: string) {
  github().get(`${REPO}/collaborators/${who}/permission`).reply(200, { permission: "read", role_name, user: { login: who } });
}

function reacts(content: string) {
  github().post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content }).reply(201, {});
}

afterEach(verifyGithub);

describe("denied commands: a 👎 every time, one reply per person and issue per hour", () => {
  test("three /handoff hire by someone without the role: one reply and three 👎; another person gets a reply of their own", async () => {
    const app = await createApp();
    cold(null);
    comments();
    role("mallory", "read");
    github().post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID, DENIED) }).reply(201, {});
    reacts("-1");
    await deliver(app, "issue_comment", commentPayload("/handoff hire", "mallory"));
    verifyGithub();

    for (let i = 0; i < 2; i++) {
      comments();
      reacts("-1");
      await deliver(app, "issue_comment", commentPayload("/handoff hire", "mallory"));
      expect(writes()).toEqual([`POST ${REPO}/issues/comments/${COMMENT_ID}/reactions`]);
      verifyGithub();
    }

    comments();
    role("trudy", "read");
    github().post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID, DENIED) }).reply(201, {});
    reacts("-1");
    await deliver(app, "issue_comment", commentPayload("/handoff hire", "trudy"));
  });

  test("with commands.denied_reply_minutes: 0 every denial is answered", async () => {
    const app = await createApp();
    cold("commands:\n  denied_reply_minutes: 0\n");
    comments();
    role("mallory", "read");
    github().post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID, DENIED) }).reply(201, {});
    reacts("-1");
    await deliver(app, "issue_comment", commentPayload("/handoff hire", "mallory"));
    comments();
    github().post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID, DENIED) }).reply(201, {});
    reacts("-1");
    await deliver(app, "issue_comment", commentPayload("/handoff hire", "mallory"));
  });
});

describe("answers: the same answer to the same person on the same issue once per window", () => {
  test("/handoff explain twice: one reply; then explain and help: only help is new, and is answered", async () => {
    const app = await createApp();
    const explain = expected("reply-explain-context-only");
    cold(null);
    comments();
    github().post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID, explain) }).reply(201, {});
    reacts("+1");
    await deliver(app, "issue_comment", commentPayload("/handoff explain", "bob"));
    verifyGithub();

    comments();
    reacts("+1");
    await deliver(app, "issue_comment", commentPayload("/handoff explain", "bob"));
    expect(writes()).toEqual([`POST ${REPO}/issues/comments/${COMMENT_ID}/reactions`]);
    verifyGithub();

    const help = expected("reply-help-read-role");
    comments();
    role("bob", "read");
    github().post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID, help) }).reply(201, {});
    reacts("+1");
    await deliver(app, "issue_comment", commentPayload("/handoff explain\n/handoff help", "bob"));
  });

  test("with commands.answer_minutes: 0 every answer is written", async () => {
    const app = await createApp();
    const explain = expected("reply-explain-context-only");
    cold("commands:\n  answer_minutes: 0\n");
    for (let i = 0; i < 2; i++) {
      comments();
      github().post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID, explain) }).reply(201, {});
      reacts("+1");
      await deliver(app, "issue_comment", commentPayload("/handoff explain", "bob"));
    }
  });
});

describe("claims in memory", () => {
  test("a key is claimed once per window, and again once the window has passed", async () => {
    const claims = new MemoryCoordinator(new IssueQueue(() => undefined));
    expect(await claims.claim("k", 50)).toBe(true);
    expect(await claims.claim("k", 50)).toBe(false);
    expect(await claims.claim("other", 50)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await claims.claim("k", 50)).toBe(true);
  });
});
