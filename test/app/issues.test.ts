import { BOT, createApp, createdNow, deliver, payload } from "../helpers/app.js";
import { expected } from "../helpers/expected.js";
import { APP_LABELS, appComment, appLogin, coldIssue, label, labelsExist, noSettings, RAW, REPO, SETTINGS, token } from "../helpers/fixtures.js";
import { github, verifyGithub, writes } from "../helpers/github.js";
import { counted, documented } from "../helpers/request-table.js";
import { COMPLETE_SPEC } from "../helpers/specs.js";



const ONE_LINER = { title: "Add a Stripe webhook endpoint", body: "" };

function issuePayload(action: string, issue: { title: string; body: string }, extra: Record<string, unknown> = {}) {
  const p = payload("issues", action);
  Object.assign(p.issue, issue, { labels: [], comments: 0, ...createdNow() }, extra);
  if (action === "edited") p.changes = { body: { from: "before" } };
  return p;
}




/** A first checklist on issue 1 in a repository whose labels exist: list the labels, add two, comment. */
function firstChecklist() {
  labelsExist();
  github()
    .post(`${REPO}/issues/1/labels`, { labels: ["scoped-deliverable", "needs-spec"] })
    .reply(200, [])
    .post(`${REPO}/issues/1/comments`, { body: expected("stripe-one-line") })
    .reply(201, { id: 100 });
}

afterEach(verifyGithub);

describe("issues.opened", () => {
  test("labels already in the repository: one label request and one comment request", async () => {
    const app = await createApp();
    token();
    noSettings();
    firstChecklist();
    await deliver(app, "issues", issuePayload("opened", ONE_LINER));
    expect(writes()).toEqual([`POST ${REPO}/issues/1/labels`, `POST ${REPO}/issues/1/comments`]);
    expect(counted()).toEqual(documented("issue opened, app labels already in the repository"));
  });

  test("a repository where the app never ran: its labels are created with colour and description first", async () => {
    const app = await createApp();
    token();
    noSettings();
    github().get(`${REPO}/labels`).query({ per_page: 100 }).reply(200, [label("bug")]);
    const order: string[] = [];
    github()
      .post(`${REPO}/labels`, APP_LABELS[0]!)
      .reply(201, () => (order.push("create scoped-deliverable"), {}))
      .post(`${REPO}/labels`, APP_LABELS[3]!)
      .reply(201, () => (order.push("create needs-spec"), {}))
      .post(`${REPO}/issues/1/labels`, { labels: ["scoped-deliverable", "needs-spec"] })
      .reply(200, () => (order.push("add"), []))
      .post(`${REPO}/issues/1/comments`, { body: expected("stripe-one-line") })
      .reply(201, { id: 100 });
    await deliver(app, "issues", issuePayload("opened", ONE_LINER));
    expect(order).toEqual(["create scoped-deliverable", "create needs-spec", "add"]);
    expect(counted()).toEqual(documented("issue opened in a repository the app has never seen"));
  });

  test("a warm app spends no read on settings or labels", async () => {
    const app = await createApp();
    token();
    noSettings();
    labelsExist();
    github().post(`${REPO}/issues/1/labels`).reply(200, []).post(`${REPO}/issues/1/comments`).reply(201, { id: 100 });
    await deliver(app, "issues", issuePayload("opened", ONE_LINER));
    verifyGithub();
    const second = issuePayload("opened", ONE_LINER, { number: 2 });
    github().post(`${REPO}/issues/2/labels`, { labels: ["scoped-deliverable", "needs-spec"] }).reply(200, []).post(`${REPO}/issues/2/comments`).reply(201, { id: 101 });
    await deliver(app, "issues", second);
    expect(counted()).toEqual(documented("issue opened, warm app (settings and labels cached)"));
  });
});

describe("events out of order", () => {
  test("a payload made before the app's comment, delivered after it was posted: the comments are read, no second checklist", async () => {
    const app = await createApp();
    token();
    noSettings();
    firstChecklist();
    // The edit is delivered first; its payload says no comments, which is true: the app comments.
    await deliver(app, "issues", issuePayload("edited", ONE_LINER));
    verifyGithub();
    // The opened event, sent before the app's comment existed, arrives last and also says no comments.
    appLogin();
    github()
      .get(`${REPO}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, [appComment(100, expected("stripe-one-line"))])
      .post(`${REPO}/issues/1/labels`, { labels: ["scoped-deliverable", "needs-spec"] })
      .reply(200, []);
    await deliver(app, "issues", issuePayload("opened", ONE_LINER));
    // Its stale labels cost one idempotent label request; the checklist is not posted twice.
    expect(writes()).toEqual([`POST ${REPO}/issues/1/labels`]);
  });

  test("an issues.opened payload of an hour ago redelivered to a restarted app, saying no comments: the issue is read again, nothing written", async () => {
    const app = await createApp();
    token();
    noSettings();
    // GitHub's "Redeliver" sends the payload as it was made: no labels, no comments.
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const stale = issuePayload("opened", ONE_LINER, { created_at: hourAgo, updated_at: hourAgo });
    github()
      .get(`${REPO}/issues/1`)
      .reply(200, { ...stale.issue, comments: 1, labels: [label("scoped-deliverable"), label("needs-spec")] });
    appLogin();
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, expected("stripe-one-line"))]);
    await deliver(app, "issues", stale);
    expect(writes()).toEqual([]);
  });
});

describe("issues.edited", () => {
  test("no change to the result: zero writes", async () => {
    const app = await createApp();
    coldIssue([appComment(100, expected("stripe-one-line"))]);
    await deliver(app, "issues", issuePayload("edited", ONE_LINER, { comments: 1, labels: [label("scoped-deliverable"), label("needs-spec")] }));
    expect(writes()).toEqual([]);
    expect(counted()).toEqual(documented("issue edited, result unchanged (first event of the app)"));
  });

  test("an edit that completes the spec: the comment is edited, needs-spec removed, handoff-ready added", async () => {
    const app = await createApp();
    coldIssue([appComment(100, expected("stripe-one-line"))]);
    labelsExist();
    github()
      .post(`${REPO}/issues/1/labels`, { labels: ["handoff-ready"] })
      .reply(200, [])
      .delete(`${REPO}/issues/1/labels/needs-spec`)
      .reply(200, [])
      // The hidden state records when the issue became ready: the edited payload's updated_at.
      .patch(`${REPO}/issues/comments/100`, { body: expected("stripe-complete-ready") })
      .reply(200, { id: 100 });
    await deliver(app, "issues", issuePayload("edited", COMPLETE_SPEC, { comments: 1, labels: [label("scoped-deliverable"), label("needs-spec")] }));
    expect(writes().sort()).toEqual([`DELETE ${REPO}/issues/1/labels/needs-spec`, `PATCH ${REPO}/issues/comments/100`, `POST ${REPO}/issues/1/labels`]);
    expect(counted()).toEqual(documented("issue edited to complete the spec (first event of the app)"));
  });

  test("a comment with the marker written by a person is never edited or deleted", async () => {
    const app = await createApp();
    token();
    noSettings();
    appLogin();
    const impostor = { ...appComment(50, expected("stripe-one-line") + "\nI copied this"), user: { login: "mallory", id: 7, type: "User" } };
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [impostor]);
    firstChecklist();
    await deliver(app, "issues", issuePayload("edited", ONE_LINER, { comments: 1 }));
    expect(writes()).toEqual([`POST ${REPO}/issues/1/labels`, `POST ${REPO}/issues/1/comments`]);
  });
});

describe("many events at once", () => {
  const labelled = (i: number) => {
    const p = issuePayload("labeled", ONE_LINER);
    p.label = label(`area-${i}`);
    return p;
  };

  test("opened plus ten labeled events together: one run, from the latest payload; a repeated delivery writes nothing", async () => {
    const app = await createApp();
    token();
    noSettings();
    firstChecklist();
    // The labeled events come from a person labelling the issue with other labels while it opens.
    const events = [{ name: "issues", body: issuePayload("opened", ONE_LINER) }, ...Array.from({ length: 10 }, (_, i) => ({ name: "issues", body: labelled(i) }))];
    await Promise.all(events.map((e, i) => app.probot.receive({ id: `burst-${i}`, name: e.name, payload: e.body } as never)));
    await app.handoff.queue.idle();
    expect(writes()).toEqual([`POST ${REPO}/issues/1/labels`, `POST ${REPO}/issues/1/comments`]);
    expect(counted()).toEqual(documented("issue opened plus ten label events at once"));
    verifyGithub();

    await deliver(app, "issues", issuePayload("opened", ONE_LINER), "burst-0");
    expect(writes()).toEqual([]);
    expect(counted()).toEqual(documented("a delivery repeated with the same id"));
  });

  test("ten edits in waves while the first run writes: one run catches up with all of them, once they stop", async () => {
    const app = await createApp();
    token();
    noSettings();
    labelsExist();
    github()
      .post(`${REPO}/issues/1/labels`, { labels: ["scoped-deliverable", "needs-spec"] })
      .delay(100)
      .reply(200, [])
      .post(`${REPO}/issues/1/comments`, { body: expected("stripe-one-line") })
      .reply(201, { id: 100 });
    appLogin();
    github()
      .get(`${REPO}/issues/1`)
      .reply(200, { ...issuePayload("opened", ONE_LINER).issue, comments: 1, labels: [label("scoped-deliverable"), label("needs-spec")] });
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, expected("stripe-one-line"))]);

    await app.probot.receive({ id: "wave-open", name: "issues", payload: issuePayload("opened", ONE_LINER) } as never);
    // Two waves 150 ms apart, the second after the first run has finished: still one run for both.
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 5; i++) await app.probot.receive({ id: `wave-a-${i}`, name: "issues", payload: issuePayload("edited", ONE_LINER) } as never);
    await new Promise((r) => setTimeout(r, 150));
    for (let i = 5; i < 10; i++) await app.probot.receive({ id: `wave-b-${i}`, name: "issues", payload: issuePayload("edited", ONE_LINER) } as never);
    await app.handoff.queue.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150 + 250);
    expect(writes()).toEqual([`POST ${REPO}/issues/1/labels`, `POST ${REPO}/issues/1/comments`]);
    expect(counted()).toEqual(documented("issue opened, then ten edits in waves during its run"));
  });
});

describe("people's label decisions", () => {
  test("a person removes needs-owner and adds scoped-deliverable: a later edit does not put needs-owner back", async () => {
    const OWNER = { title: "Define SLOs and the on-call rotation for checkout", body: "We need availability and latency targets, error budgets and an escalation policy." };
    const ownerComment = expected("slos");
    const app = await createApp();
    token();
    noSettings();
    appLogin();

    // 1. The person removes needs-owner: recorded as "unclear", the comment keeps the decision.
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, ownerComment)]);
    github().patch(`${REPO}/issues/comments/100`, { body: expected("slos-owner-label-removed") }).reply(200, {});
    const removed = issuePayload("unlabeled", OWNER, { comments: 1, labels: [] });
    removed.label = label("needs-owner");
    removed.sender = { ...removed.sender, login: "alice", type: "User" };
    await deliver(app, "issues", removed);

    // 2. The person adds scoped-deliverable: the classification is theirs; the readiness label follows.
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, expected("slos-owner-label-removed"))]);
    labelsExist();
    github()
      .post(`${REPO}/issues/1/labels`, { labels: ["needs-spec"] })
      .reply(200, [])
      .patch(`${REPO}/issues/comments/100`, { body: expected("slos-scoped-label-added") })
      .reply(200, {});
    const added = issuePayload("labeled", OWNER, { comments: 1, labels: [label("scoped-deliverable")] });
    added.label = label("scoped-deliverable");
    added.sender = { ...added.sender, login: "alice", type: "User" };
    await deliver(app, "issues", added);
    verifyGithub();

    // 3. A later edit that still reads as ownership work: nothing is written, needs-owner stays off.
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, expected("slos-scoped-label-added"))]);
    await deliver(app, "issues", issuePayload("edited", OWNER, { comments: 1, labels: [label("scoped-deliverable"), label("needs-spec")] }));
    expect(writes()).toEqual([]);
  });

  test("labels added by bots, and by the app itself, are not decisions: no request at all", async () => {
    const app = await createApp();
    const p = issuePayload("labeled", ONE_LINER, { comments: 1 });
    p.label = label("needs-owner");
    p.sender = { ...p.sender, login: BOT, type: "Bot" };
    await deliver(app, "issues", p);
    expect(writes()).toEqual([]);
  });
});

describe("skips and edge cases", () => {

  test("an ignored label or author from the settings: nothing written", async () => {
    const app = await createApp();
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, "ignore:\n  labels: [question]\n  authors: [dependabot]\n", RAW);
    await deliver(app, "issues", issuePayload("opened", ONE_LINER, { labels: [label("Question")] }));
    await deliver(app, "issues", issuePayload("opened", ONE_LINER, { number: 2, user: { login: "dependabot", id: 3, type: "User" } }));
    expect(writes()).toEqual([]);
  });

  test("a locked issue: labels and the checklist, as on any issue (the app may comment on a locked issue)", async () => {
    const app = await createApp();
    token();
    noSettings();
    firstChecklist();
    await deliver(app, "issues", issuePayload("opened", ONE_LINER, { locked: true }));
    expect(writes()).toEqual([`POST ${REPO}/issues/1/labels`, `POST ${REPO}/issues/1/comments`]);
  });

  test("two checklist comments from an earlier race: the oldest is kept and edited, the other deleted", async () => {
    const app = await createApp();
    token();
    noSettings();
    appLogin();
    github()
      .get(`${REPO}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, [appComment(300, expected("stripe-one-line")), appComment(200, "<!-- handoff:checklist -->\nan older text")]);
    github()
      .delete(`${REPO}/issues/comments/300`)
      .reply(204)
      .patch(`${REPO}/issues/comments/200`, { body: expected("stripe-one-line") })
      .reply(200, {});
    await deliver(app, "issues", issuePayload("edited", ONE_LINER, { comments: 2, labels: [label("scoped-deliverable"), label("needs-spec")] }));
    expect(writes().sort()).toEqual([`DELETE ${REPO}/issues/comments/300`, `PATCH ${REPO}/issues/comments/200`]);
  });

  test("comment.on_ready: delete removes the checklist once the issue is ready", async () => {
    const app = await createApp();
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, "comment:\n  on_ready: delete\n", RAW);
    appLogin();
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, expected("stripe-one-line"))]);
    labelsExist();
    github()
      .post(`${REPO}/issues/1/labels`, { labels: ["handoff-ready"] })
      .reply(200, [])
      .delete(`${REPO}/issues/1/labels/needs-spec`)
      .reply(200, [])
      .delete(`${REPO}/issues/comments/100`)
      .reply(204);
    await deliver(app, "issues", issuePayload("edited", COMPLETE_SPEC, { comments: 1, labels: [label("scoped-deliverable"), label("needs-spec")] }));
    expect(writes()).toContain(`DELETE ${REPO}/issues/comments/100`);
  });

  test("the webhook is answered before any write is made", async () => {
    const app = await createApp();
    token();
    noSettings();
    labelsExist();
    github().post(`${REPO}/issues/1/labels`).delay(300).reply(200, []).post(`${REPO}/issues/1/comments`).reply(201, { id: 100 });
    await app.probot.receive({ id: "answered-first", name: "issues", payload: issuePayload("opened", ONE_LINER) } as never);
    expect(writes()).toEqual([]);
    expect(app.handoff.queue.size).toBe(1);
    await app.handoff.queue.idle();
    expect(writes()).toEqual([`POST ${REPO}/issues/1/labels`, `POST ${REPO}/issues/1/comments`]);
  });

  test("an edit that changes neither title nor body: no request", async () => {
    const app = await createApp();
    const p = issuePayload("edited", ONE_LINER);
    p.changes = {};
    await deliver(app, "issues", p);
    expect(writes()).toEqual([]);
  });
});

describe("faults", () => {
  test("a comment GitHub created but whose answer was lost (502) is found, not posted twice, with retries on", async () => {
    const app = await createApp({}, { retry: true });
    token();
    noSettings();
    labelsExist();
    github()
      .post(`${REPO}/issues/1/labels`, { labels: ["scoped-deliverable", "needs-spec"] })
      .reply(200, [])
      .post(`${REPO}/issues/1/comments`, { body: expected("stripe-one-line") })
      .reply(502, { message: "Bad Gateway" });
    appLogin();
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, [appComment(100, expected("stripe-one-line"))]);
    await deliver(app, "issues", issuePayload("opened", ONE_LINER));
    expect(writes()).toEqual([`POST ${REPO}/issues/1/labels`, `POST ${REPO}/issues/1/comments`]);
  });

  test("a create that failed before GitHub wrote it is made once more", async () => {
    const app = await createApp();
    token();
    noSettings();
    labelsExist();
    github()
      .post(`${REPO}/issues/1/labels`)
      .reply(200, [])
      .post(`${REPO}/issues/1/comments`, { body: expected("stripe-one-line") })
      .reply(503, { message: "Service Unavailable" })
      .post(`${REPO}/issues/1/comments`, { body: expected("stripe-one-line") })
      .reply(201, { id: 101 });
    appLogin();
    github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, []);
    await deliver(app, "issues", issuePayload("opened", ONE_LINER));
    expect(writes().filter((w) => w.endsWith("/comments"))).toHaveLength(2);
  });
});
