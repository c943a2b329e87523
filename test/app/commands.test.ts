import { briefReply, templateReply } from "../../src/commands/replies.js";
import { DEFAULT_SETTINGS } from "../../src/config/schema.js";
import { analyze, MAX_COMMENT, sectionText } from "../../src/engine/index.js";
import { BOT, createApp, deliver, payload } from "../helpers/app.js";
import { expected, reply } from "../helpers/expected.js";
import { appComment, coldIssue, label, labelsExist, REPO } from "../helpers/fixtures.js";
import { github, verifyGithub, writes } from "../helpers/github.js";
import { counted, documented } from "../helpers/request-table.js";

const COMMENT_ID = 492700400;


const SCOPED = {
  title: "Add a Stripe webhook endpoint",
  body: [
    "## Context",
    "Payments are confirmed today by a nightly job that polls Stripe, so customers wait hours for their receipt.",
    "## Scope",
    "- a handler for Stripe's events and a table of processed event ids",
    "- out of scope: refunds",
    "## Acceptance criteria",
    "- [ ] a replayed event changes nothing",
    "- [ ] a bad signature is rejected and writes nothing",
    "## Definition of done",
    "Unit tests pass in CI, the docs are updated and it is deployed to staging.",
  ].join("\n"),
};


function commentPayload(body: string, who = "alice", issue = SCOPED, labels = ["scoped-deliverable", "needs-spec"]) {
  const p = payload("issue_comment", "created");
  Object.assign(p.issue, issue, { comments: 2, labels: labels.map((l) => label(l)), user: { ...p.issue.user, login: "author" } });
  Object.assign(p.comment, { body, user: { ...p.comment.user, login: who, type: "User" } });
  p.sender = { ...p.sender, login: who, type: "User" };
  return p;
}

function editedPayload(issue: { title: string; body: string }, labels: string[]) {
  const p = payload("issues", "edited");
  Object.assign(p.issue, issue, { comments: 2, labels: labels.map((l) => label(l)) });
  p.changes = { body: { from: "before" } };
  return p;
}

function cold(existing: string) {
  coldIssue([appComment(100, existing)]);
}

function role(who: string, role_name: string, permission: string) {
  github().get(`${REPO}/collaborators/${who}/permission`).reply(200, { permission, role_name, user: { login: who } });
}

afterEach(verifyGithub);

describe("/handoff hire", () => {
  test("by a person with triage: needs-owner, the comment shows it, later edits keep it until /handoff reset", async () => {
    const app = await createApp();
    cold(expected("stripe-spec"));
    // The older `permission` field says read for triage: role_name decides.
    role("alice", "triage", "read");
    labelsExist();
    github()
      .post(`${REPO}/issues/1/labels`, { labels: ["needs-owner"] })
      .reply(200, [])
      .delete(`${REPO}/issues/1/labels/scoped-deliverable`)
      .reply(200, [])
      .delete(`${REPO}/issues/1/labels/needs-spec`)
      .reply(200, [])
      .patch(`${REPO}/issues/comments/100`, { body: expected("stripe-spec-hired") })
      .reply(200, {})
      .post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "+1" })
      .reply(201, {});
    await deliver(app, "issue_comment", commentPayload("/handoff hire"));
    expect(counted()).toEqual(documented("/handoff hire (first event of the app)"));
    verifyGithub();

    // A later edit that reads even more like a deliverable: the labels stay, only the checklist text follows the body.
    const edited = { ...SCOPED, body: SCOPED.body + "\n\n## API contract\n\n`POST /webhooks/stripe` returns `200 OK`." };
    expect(analyze(edited).classification).toBe("scoped-deliverable");
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, expected("stripe-spec-hired"))]);
    github().patch(`${REPO}/issues/comments/100`, { body: expected("stripe-spec-with-contract-hired") }).reply(200, {});
    await deliver(app, "issues", editedPayload(edited, ["needs-owner"]));
    expect(writes()).toEqual([`PATCH ${REPO}/issues/comments/100`]);
    verifyGithub();

    // /handoff reset: back to what the analysis says.
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, expected("stripe-spec-hired"))]);
    github()
      .post(`${REPO}/issues/1/labels`, { labels: ["scoped-deliverable", "needs-spec"] })
      .reply(200, [])
      .delete(`${REPO}/issues/1/labels/needs-owner`)
      .reply(200, [])
      .patch(`${REPO}/issues/comments/100`, { body: expected("stripe-spec") })
      .reply(200, {})
      .post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "+1" })
      .reply(201, {});
    await deliver(app, "issue_comment", commentPayload("/handoff reset", "alice", SCOPED, ["needs-owner"]));
  });

  test("by a person who can only read: no label change, a 👎 and one reply naming the role", async () => {
    const app = await createApp();
    cold(expected("stripe-spec"));
    role("mallory", "read", "read");
    github()
      .post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID, "`/handoff hire` needs the triage role or above.") })
      .reply(201, {})
      .post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "-1" })
      .reply(201, {});
    await deliver(app, "issue_comment", commentPayload("/handoff hire", "mallory"));
    expect(writes()).toEqual([`POST ${REPO}/issues/1/comments`, `POST ${REPO}/issues/comments/${COMMENT_ID}/reactions`]);
    expect(counted()).toEqual(documented("/handoff hire by someone without the role (first event of the app)"));
  });
});

describe("a locked issue", () => {
  test("/handoff hire by a maintainer: the labels, and the decision kept in the checklist's state; no reply, a 👍", async () => {
    const app = await createApp();
    cold(expected("stripe-spec"));
    role("alice", "maintain", "write");
    labelsExist();
    github()
      .post(`${REPO}/issues/1/labels`, { labels: ["needs-owner"] })
      .reply(200, [])
      .delete(`${REPO}/issues/1/labels/scoped-deliverable`)
      .reply(200, [])
      .delete(`${REPO}/issues/1/labels/needs-spec`)
      .reply(200, [])
      .patch(`${REPO}/issues/comments/100`, { body: expected("stripe-spec-hired") })
      .reply(200, {})
      .post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "+1" })
      .reply(201, {});
    const p = commentPayload("/handoff hire\n/handoff explain", "alice");
    p.issue.locked = true;
    await deliver(app, "issue_comment", p);
    expect(writes()).not.toContain(`POST ${REPO}/issues/1/comments`);
    verifyGithub();

    // The next run, an outsider's denied command, reads the decision back and keeps it.
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, expected("stripe-spec-hired"))]);
    role("mallory", "read", "read");
    github().post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "-1" }).reply(201, {});
    const denied = commentPayload("/handoff reset", "mallory", SCOPED, ["needs-owner"]);
    denied.issue.locked = true;
    await deliver(app, "issue_comment", denied);
    expect(writes()).toEqual([`POST ${REPO}/issues/comments/${COMMENT_ID}/reactions`]);
  });
});

describe("other commands", () => {
  test("/handoff n/a contract by the author: contract stops counting as missing and the issue becomes ready", async () => {
    const app = await createApp();
    expect(analyze(SCOPED).missing).toEqual(["contract"]);
    cold(expected("stripe-spec"));
    labelsExist();
    github()
      .post(`${REPO}/issues/1/labels`, { labels: ["handoff-ready"] })
      .reply(200, [])
      .delete(`${REPO}/issues/1/labels/needs-spec`)
      .reply(200, [])
      .patch(`${REPO}/issues/comments/100`, { body: expected("stripe-spec-contract-na") })
      .reply(200, {})
      .post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "+1" })
      .reply(201, {});
    // The issue's author needs no role lookup for n/a.
    await deliver(app, "issue_comment", commentPayload("/handoff n/a contract", "author"));
  });

  test("/handoff template and /handoff brief in one comment: one reply holding both", async () => {
    const app = await createApp();
    cold(expected("stripe-spec"));
    github()
      .post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID, expected("reply-template-and-brief")) })
      .reply(201, {})
      .post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "+1" })
      .reply(201, {});
    await deliver(app, "issue_comment", commentPayload("/handoff template\n/handoff brief", "author"));
    expect(counted()).toEqual(documented("/handoff template and /handoff brief in one comment (first event of the app)"));
  });

  test("a reply GitHub made but whose answer was lost (502), with retries on: found by its marker, not posted again", async () => {
    const app = await createApp({}, { retry: true });
    cold(expected("stripe-spec"));
    const body = reply(COMMENT_ID, expected("reply-template-and-brief"));
    github()
      .post(`${REPO}/issues/1/comments`, { body })
      .reply(502, { message: "Bad Gateway" })
      .post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "+1" })
      .reply(201, {});
    // The reply is there, among the checklist and a person's comment quoting another reply's marker.
    const quoted = { ...appComment(101, reply(COMMENT_ID + 1, "quoted")), user: { login: "mallory", id: 7, type: "User" } };
    github()
      .get(`${REPO}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, [appComment(100, expected("stripe-spec")), quoted, appComment(102, body)]);
    await deliver(app, "issue_comment", commentPayload("/handoff template\n/handoff brief", "author"));
    expect(writes()).toEqual([`POST ${REPO}/issues/1/comments`, `POST ${REPO}/issues/comments/${COMMENT_ID}/reactions`]);
  });

  test("a reply lost (502) before GitHub made it: looked for, not there, made once more", async () => {
    const app = await createApp({}, { retry: true });
    cold(expected("stripe-spec"));
    const body = reply(COMMENT_ID, expected("reply-template-and-brief"));
    github()
      .post(`${REPO}/issues/1/comments`, { body })
      .reply(502, { message: "Bad Gateway" })
      .post(`${REPO}/issues/1/comments`, { body })
      .reply(201, {})
      .post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "+1" })
      .reply(201, {});
    // Another comment's reply, by the app, is not this one's.
    github()
      .get(`${REPO}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, [appComment(100, expected("stripe-spec")), appComment(101, reply(COMMENT_ID + 1, "another answer"))]);
    await deliver(app, "issue_comment", commentPayload("/handoff template\n/handoff brief", "author"));
    expect(writes()).toEqual([`POST ${REPO}/issues/1/comments`, `POST ${REPO}/issues/1/comments`, `POST ${REPO}/issues/comments/${COMMENT_ID}/reactions`]);
  });

  test("an unknown command: 😕 and a reply naming /handoff help", async () => {
    const app = await createApp();
    cold(expected("stripe-spec"));
    github()
      .post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID, "- /handoff frobnicate: unknown command \"frobnicate\"\n\n`/handoff help` lists the commands.") })
      .reply(201, {})
      .post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "confused" })
      .reply(201, {});
    await deliver(app, "issue_comment", commentPayload("/handoff frobnicate"));
  });

  test("on a pull request only the answering commands run: no label or checklist there", async () => {
    const app = await createApp();
    cold(expected("stripe-spec"));
    const p = commentPayload("/handoff hire", "author");
    p.issue.pull_request = { url: `https://api.github.com${REPO}/pulls/1`, html_url: "h", diff_url: "d", patch_url: "p" };
    github()
      .post(`${REPO}/issues/1/comments`, { body: reply(COMMENT_ID, "- /handoff hire: works on issues, not on pull requests\n\n`/handoff help` lists the commands.") })
      .reply(201, {})
      .post(`${REPO}/issues/comments/${COMMENT_ID}/reactions`, { content: "confused" })
      .reply(201, {});
    await deliver(app, "issue_comment", p);
  });

  test("a comment by a bot containing /handoff reset changes nothing and makes no request", async () => {
    const app = await createApp();
    const p = commentPayload("/handoff reset", "renovate[bot]");
    p.comment.user.type = "Bot";
    p.sender.type = "Bot";
    await deliver(app, "issue_comment", p);
    const own = commentPayload("/handoff reset", BOT);
    own.comment.user.type = "Bot";
    own.sender.type = "Bot";
    await deliver(app, "issue_comment", own);
    expect(counted()).toEqual({ reads: 0, writes: 0 });
  });

  test("a comment that only quotes a command: no request", async () => {
    const app = await createApp();
    await deliver(app, "issue_comment", commentPayload("> /handoff hire\n\n```\n/handoff reset\n```\nI would not run these."));
    expect(counted()).toEqual({ reads: 0, writes: 0 });
  });
});

describe("replies", () => {
  test("template and brief render the right sections (snapshots) and stay within GitHub's limit", () => {
    const analysis = analyze(SCOPED);
    const template = templateReply(["contract", "done"], DEFAULT_SETTINGS);
    const brief = briefReply(SCOPED.title, 12, sectionText(SCOPED), analysis, DEFAULT_SETTINGS, { contract: "alice" });
    expect(template).toMatchSnapshot();
    expect(brief).toMatchSnapshot();
    const huge = { title: "Add @someone export endpoint", body: ("## Context\n" + "Exports are done by hand today by @ops for #12 and it takes a day.\n".repeat(1200)).slice(0, 65_536) };
    const long = briefReply(huge.title, 1, sectionText(huge), analyze(huge), DEFAULT_SETTINGS, {});
    expect(long.length).toBeLessThanOrEqual(MAX_COMMENT);
    expect(long).not.toMatch(/(^|[^`\\w])@someone/);
  });
});
