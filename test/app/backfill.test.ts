import { createApp, deliver, payload } from "../helpers/app.js";
import { expected } from "../helpers/expected.js";
import { appLogin, labelsExist, noSettings, RAW, REPO, SETTINGS, token } from "../helpers/fixtures.js";
import { counted } from "../helpers/request-table.js";
import { github, verifyGithub, writes } from "../helpers/github.js";

function openIssue(number: number, title: string) {
  return { id: number, node_id: "n", number, title, body: "", state: "open", locked: false, comments: 0, labels: [], user: { login: "author", type: "User" }, html_url: `https://github.com/Codertocat/Hello-World/issues/${number}` };
}

afterEach(verifyGithub);

describe("backfill on installation", () => {
  test("backfill: true reconciles every open issue once", async () => {
    const app = await createApp();
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, "backfill: true\n", RAW);
    appLogin();
    github()
      .get(`${REPO}/issues`)
      .query({ state: "open", per_page: 100 })
      .reply(200, [openIssue(1, "Add a Stripe webhook endpoint"), openIssue(2, "Why do you use Redis?"), openIssue(3, "Define SLOs and the on-call rotation")]);
    labelsExist();
    github()
      .post(`${REPO}/issues/1/labels`, { labels: ["scoped-deliverable", "needs-spec"] })
      .reply(200, [])
      .post(`${REPO}/issues/1/comments`, { body: expected("stripe-one-line") })
      .reply(201, {})
      .post(`${REPO}/issues/3/labels`, { labels: ["needs-owner"] })
      .reply(200, [])
      .post(`${REPO}/issues/3/comments`, { body: expected("slos-one-line") })
      .reply(201, {});
    await deliver(app, "installation", payload("installation", "created"));
    // The question gets nothing: no label, no comment.
    expect(writes()).toEqual([`POST ${REPO}/issues/1/labels`, `POST ${REPO}/issues/1/comments`, `POST ${REPO}/issues/3/labels`, `POST ${REPO}/issues/3/comments`]);
  });

  test("backfill off (the default): the settings are read, nothing else", async () => {
    const app = await createApp();
    token();
    noSettings();
    await deliver(app, "installation", payload("installation", "created"));
    expect(counted()).toEqual({ reads: 2, writes: 0 });
  });
});
