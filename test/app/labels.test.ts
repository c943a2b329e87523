import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { CONFIG_ISSUE_TITLE } from "../../src/plan/config-issue-body.js";
import { BOT, createApp, createdNow, deliver, payload } from "../helpers/app.js";
import { APP_LABELS, appLogin, label, noSettings, RAW, REPO, SETTINGS, token } from "../helpers/fixtures.js";
import { github, verifyGithub, writes } from "../helpers/github.js";

/** A `label` event from the examples, about the label given, sent by a person. */
function labelPayload(action: "deleted" | "edited", current: { name: string; color: string; description?: string | null }, changes?: Record<string, { from: string }>) {
  const p = payload("label", action);
  p.label = { ...p.label, ...current };
  if (changes) p.changes = changes;
  p.sender = { ...p.sender, login: "alice", type: "User" };
  return p;
}

const NEEDS_SPEC = APP_LABELS.find((l) => l.name === "needs-spec")!;

afterEach(verifyGithub);

describe("the app's labels are put back when someone deletes or edits them", () => {
  test("a deleted app label is created again with its colour and description, in one event", async () => {
    const app = await createApp();
    token();
    noSettings();
    github().post(`${REPO}/labels`, NEEDS_SPEC).reply(201, label("needs-spec"));
    await deliver(app, "label", labelPayload("deleted", { name: "needs-spec", color: "fbca04" }));
    expect(writes()).toEqual([`POST ${REPO}/labels`]);
  });

  test("with the labels cached by an issue run, a deleted app label is still created again, and the cache stays in step", async () => {
    const app = await createApp();
    token();
    noSettings();
    // An issue run fills the cache with the repository's labels.
    github().get(`${REPO}/labels`).query({ per_page: 100 }).reply(200, APP_LABELS.map((l) => label(l.name)));
    github().post(`${REPO}/issues/1/labels`).reply(200, []).post(`${REPO}/issues/1/comments`).reply(201, { id: 100 });
    const opened = payload("issues", "opened");
    Object.assign(opened.issue, { title: "Add a Stripe webhook endpoint", body: "", labels: [], comments: 0, ...createdNow() });
    await deliver(app, "issues", opened);
    verifyGithub();

    github().post(`${REPO}/labels`, NEEDS_SPEC).reply(201, label("needs-spec"));
    await deliver(app, "label", labelPayload("deleted", { name: "needs-spec", color: "fbca04" }));
    verifyGithub();

    // The next issue: no label read, no label created.
    github().post(`${REPO}/issues/2/labels`, { labels: ["scoped-deliverable", "needs-spec"] }).reply(200, []).post(`${REPO}/issues/2/comments`).reply(201, { id: 101 });
    const next = payload("issues", "opened");
    Object.assign(next.issue, { number: 2, title: "Add a Stripe webhook endpoint", body: "", labels: [], comments: 0, ...createdNow() });
    await deliver(app, "issues", next);
    expect(writes()).toEqual([`POST ${REPO}/issues/2/labels`, `POST ${REPO}/issues/2/comments`]);
  });

  test("an app label recoloured or renamed is edited back", async () => {
    const app = await createApp();
    token();
    noSettings();
    github().patch(`${REPO}/labels/needs-spec`, { new_name: "needs-spec", color: "fbca04", description: "Spec sections missing" }).reply(200, label("needs-spec"));
    await deliver(app, "label", labelPayload("edited", { name: "needs-spec", color: "cb1f00", description: "Spec sections missing" }, { color: { from: "fbca04" } }));
    verifyGithub();

    github().patch(`${REPO}/labels/spec%20please`, { new_name: "needs-spec", color: "fbca04", description: "Spec sections missing" }).reply(200, label("needs-spec"));
    await deliver(app, "label", labelPayload("edited", { name: "spec please", color: "fbca04", description: "Spec sections missing" }, { name: { from: "needs-spec" } }));
  });

  test("other labels, the app's own edits and labels the settings do not name are left alone", async () => {
    const app = await createApp();
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, "labels:\n  incomplete: { name: spec-missing }\n", RAW);
    await deliver(app, "label", labelPayload("deleted", { name: "needs-spec", color: "fbca04" }));
    await deliver(app, "label", labelPayload("deleted", { name: "bug", color: "d73a4a" }));
    const own = labelPayload("deleted", { name: "spec-missing", color: "fbca04" });
    own.sender.type = "Bot";
    await deliver(app, "label", own);
    expect(writes()).toEqual([]);
  });

  test("the app asks GitHub for label events", () => {
    const manifest = parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8")) as { default_events: string[] };
    expect(manifest.default_events).toContain("label");
  });
});

describe("a label GitHub refuses to create", () => {
  test("is reported in the configuration issue, against the setting that names it", async () => {
    const app = await createApp();
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, 'labels:\n  incomplete: { name: "needs spec!" }\n', RAW);
    github().get(`${REPO}/labels`).query({ per_page: 100 }).reply(200, []);
    github()
      .post(`${REPO}/labels`, { name: "scoped-deliverable", color: "0e8a16", description: "Bounded work with a finish line" })
      .reply(201, label("scoped-deliverable"))
      .post(`${REPO}/labels`, { name: "needs spec!", color: "fbca04", description: "Spec sections missing" })
      .reply(422, { message: "Validation Failed", errors: [{ resource: "Label", code: "invalid", field: "name" }] });
    appLogin();
    github().get(`${REPO}/issues`).query({ state: "open", creator: BOT, per_page: 100 }).reply(200, []);
    const problem = '- .github/handoff.yml:2:23 labels.incomplete.name: GitHub refused to create the label "needs spec\\!": name is invalid';
    github()
      .post(`${REPO}/issues`, (body: { title: string; body: string }) => body.title === CONFIG_ISSUE_TITLE && body.body.split("\n").includes(problem))
      .reply(201, { number: 9 });
    const opened = payload("issues", "opened");
    Object.assign(opened.issue, { title: "Add a Stripe webhook endpoint", body: "", labels: [], comments: 0, ...createdNow() });
    await deliver(app, "issues", opened);
    expect(writes()).toEqual([`POST ${REPO}/labels`, `POST ${REPO}/labels`, `POST ${REPO}/issues`]);
  });
});
