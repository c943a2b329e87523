import { renderConfigIssue, CONFIG_ISSUE_TITLE, CONFIG_MARKER } from "../../src/plan/config-issue-body.js";
import { DASHBOARD_MARKER } from "../../src/github/dashboard-issue.js";
import { parseSettings } from "../../src/config/index.js";
import { BOT, createApp, createdNow, deliver, payload } from "../helpers/app.js";
import { appLogin, label, RAW, REPO, SETTINGS, token } from "../helpers/fixtures.js";
import { github, verifyGithub, writes } from "../helpers/github.js";
import { counted, documented } from "../helpers/request-table.js";


const BAD_FILES: Array<[string, string]> = [
  ["bad YAML", "sections:\n  required: [context\n"],
  ["a wrong type", "classify:\n  threshold: high\n"],
  ["an unknown section id", "sections:\n  required: [context, api]\n"],
];


function problemsOf(text: string) {
  const r = parseSettings(text, ".github/handoff.yml");
  if (r.ok) throw new Error("expected an invalid file");
  return r.problems;
}

function openedIssue() {
  const p = payload("issues", "opened");
  Object.assign(p.issue, { title: "Add a Stripe webhook endpoint", body: "", labels: [], comments: 0, ...createdNow() });
  return p;
}

afterEach(verifyGithub);

describe("an invalid settings file", () => {
  test("the configuration issue opened but its answer lost (502): not retried; the next event finds it and opens no second one", async () => {
    const text = BAD_FILES[1]![1];
    const body = renderConfigIssue(problemsOf(text), [".github/handoff.yml"]);
    const app = await createApp({}, { retry: true });
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, text, RAW);
    appLogin();
    github().get(`${REPO}/issues`).query({ state: "open", creator: BOT, per_page: 100 }).reply(200, []);
    github().post(`${REPO}/issues`, { title: CONFIG_ISSUE_TITLE, body }).reply(502, { message: "Bad Gateway" });
    await deliver(app, "issues", openedIssue());
    expect(writes()).toEqual([`POST ${REPO}/issues`]);
    verifyGithub();

    // GitHub had opened it: the next event's run looks it up, finds it unchanged, and writes nothing.
    github()
      .get(`${REPO}/issues`)
      .query({ state: "open", creator: BOT, per_page: 100 })
      .reply(200, [{ ...payload("issues", "opened").issue, number: 77, body, user: { login: BOT, type: "Bot" } }]);
    const second = openedIssue();
    second.issue.number = 2;
    await deliver(app, "issues", second);
    expect(writes()).toEqual([]);
  });

  test.each(BAD_FILES)("%s: no label or comment on the issue; one configuration issue lists each problem with its line", async (_name, text) => {
    const app = await createApp();
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, text, RAW);
    appLogin();
    github().get(`${REPO}/issues`).query({ state: "open", creator: BOT, per_page: 100 }).reply(200, []);
    const body = renderConfigIssue(problemsOf(text), [".github/handoff.yml"]);
    expect(body).toMatch(/\.github\/handoff\.yml:\d+:\d+ /);
    github().post(`${REPO}/issues`, { title: CONFIG_ISSUE_TITLE, body }).reply(201, { number: 77 });
    await deliver(app, "issues", openedIssue());
    expect(writes()).toEqual([`POST ${REPO}/issues`]);
    expect(counted()).toEqual(documented("issue opened, settings invalid (first issue)"));
    verifyGithub();

    // A second issue in the same repository: the same problems, nothing new is written.
    const second = openedIssue();
    second.issue.number = 2;
    await deliver(app, "issues", second);
    expect(writes()).toEqual([]);
    expect(counted()).toEqual(documented("issue opened, settings invalid (later issues)"));
  });

  test("five issues opened at once: the settings are read once, and one configuration issue is opened", async () => {
    const text = BAD_FILES[1]![1];
    const app = await createApp();
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, text, RAW);
    appLogin();
    github().get(`${REPO}/issues`).query({ state: "open", creator: BOT, per_page: 100 }).reply(200, []);
    github().post(`${REPO}/issues`, { title: CONFIG_ISSUE_TITLE, body: renderConfigIssue(problemsOf(text), [".github/handoff.yml"]) }).reply(201, { number: 77 });
    const issues = [1, 2, 3, 4, 5].map((number) => {
      const p = openedIssue();
      p.issue.number = number;
      return p;
    });
    await Promise.all(issues.map((p, i) => app.probot.receive({ id: `at-once-${i}`, name: "issues", payload: p } as never)));
    await app.handoff.queue.idle();
    expect(writes()).toEqual([`POST ${REPO}/issues`]);
  });

  test("an invalid file pushed while an issue is opened: one configuration issue", async () => {
    const text = BAD_FILES[1]![1];
    const app = await createApp();
    const push = payload("push", undefined, 4);
    push.commits[0].modified = [".github/handoff.yml"];
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, text, RAW);
    appLogin();
    github().get(`${REPO}/issues`).query({ state: "open", creator: BOT, per_page: 100 }).reply(200, []);
    github()
      .post(`${REPO}/check-runs`, (body: { head_sha: string; conclusion: string }) => body.head_sha === push.after && body.conclusion === "failure")
      .reply(201, { id: 1 })
      .post(`${REPO}/issues`, { title: CONFIG_ISSUE_TITLE, body: renderConfigIssue(problemsOf(text), [".github/handoff.yml"]) })
      .reply(201, { number: 77 });
    await Promise.all([app.probot.receive({ id: "together-push", name: "push", payload: push } as never), app.probot.receive({ id: "together-issue", name: "issues", payload: openedIssue() } as never)]);
    await app.handoff.queue.idle();
    expect(writes().sort()).toEqual([`POST ${REPO}/check-runs`, `POST ${REPO}/issues`]);
  });

  test("a valid file pushed: every open configuration issue of the app is closed, and no other issue", async () => {
    const app = await createApp();
    const push = payload("push", undefined, 4);
    push.commits[0].modified = [".github/handoff.yml"];
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, "comment:\n  on_ready: delete\n", RAW);
    appLogin();
    const appIssue = (number: number, body: string) => ({ ...payload("issues", "opened").issue, number, title: CONFIG_ISSUE_TITLE, body, user: { login: BOT, type: "Bot" } });
    github()
      .get(`${REPO}/issues`)
      .query({ state: "open", creator: BOT, per_page: 100 })
      .reply(200, [appIssue(81, `${CONFIG_MARKER}\nnewer`), appIssue(80, `${DASHBOARD_MARKER}\nthe backlog`), appIssue(77, `${CONFIG_MARKER}\nolder`)]);
    github()
      .post(`${REPO}/check-runs`, (body: { conclusion: string }) => body.conclusion === "success")
      .reply(201, { id: 1 })
      .patch(`${REPO}/issues/77`, { state: "closed", state_reason: "completed" })
      .reply(200, {})
      .patch(`${REPO}/issues/81`, { state: "closed", state_reason: "completed" })
      .reply(200, {});
    await deliver(app, "push", push);
    expect(writes().sort()).toEqual([`PATCH ${REPO}/issues/77`, `PATCH ${REPO}/issues/81`, `POST ${REPO}/check-runs`]);
  });

  test("still invalid, with two configuration issues left by an earlier race: the oldest is kept and edited, the other closed as a duplicate", async () => {
    const text = BAD_FILES[1]![1];
    const body = renderConfigIssue(problemsOf(text), [".github/handoff.yml"]);
    const app = await createApp();
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, text, RAW);
    appLogin();
    const appIssue = (number: number) => ({ ...payload("issues", "opened").issue, number, title: CONFIG_ISSUE_TITLE, body: `${CONFIG_MARKER}\nold`, user: { login: BOT, type: "Bot" } });
    github().get(`${REPO}/issues`).query({ state: "open", creator: BOT, per_page: 100 }).reply(200, [appIssue(81), appIssue(77)]);
    github()
      .patch(`${REPO}/issues/77`, { body })
      .reply(200, {})
      .patch(`${REPO}/issues/81`, { state: "closed", state_reason: "duplicate" })
      .reply(200, {});
    await deliver(app, "issues", openedIssue());
    expect(writes().sort()).toEqual([`PATCH ${REPO}/issues/77`, `PATCH ${REPO}/issues/81`]);
  });

  test("a valid file pushed to the default branch: a successful check run, and the configuration issue is closed", async () => {
    const app = await createApp();
    const push = payload("push", undefined, 4);
    push.commits[0].modified = [".github/handoff.yml"];
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, "comment:\n  on_ready: delete\n", RAW);
    appLogin();
    github()
      .get(`${REPO}/issues`)
      .query({ state: "open", creator: BOT, per_page: 100 })
      .reply(200, [{ number: 77, title: CONFIG_ISSUE_TITLE, body: `${CONFIG_MARKER}\nold`, user: { login: BOT, type: "Bot" } }]);
    github()
      .post(`${REPO}/check-runs`, {
        name: "handoff / settings",
        head_sha: push.after,
        external_id: "settings",
        status: "completed",
        conclusion: "success",
        output: { title: "Settings are valid", summary: ".github/handoff.yml is valid." },
      })
      .reply(201, { id: 1 })
      .patch(`${REPO}/issues/77`, { state: "closed", state_reason: "completed" })
      .reply(200, {});
    await deliver(app, "push", push);
    expect(writes().sort()).toEqual([`PATCH ${REPO}/issues/77`, `POST ${REPO}/check-runs`]);
    expect(counted()).toEqual(documented("push that fixes the settings file"));
  });

  test("the check run created but its answer lost (502), with retries on: found by its external id on the commit, not created again", async () => {
    const app = await createApp({}, { retry: true });
    const push = payload("push", undefined, 4);
    push.commits[0].modified = [".github/handoff.yml"];
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, "comment:\n  on_ready: delete\n", RAW);
    appLogin();
    github().get(`${REPO}/issues`).query({ state: "open", creator: BOT, per_page: 100 }).reply(200, []);
    github()
      .post(`${REPO}/check-runs`, (body: { external_id: string; conclusion: string }) => body.external_id === "settings" && body.conclusion === "success")
      .reply(502, { message: "Bad Gateway" });
    github()
      .get(`${REPO}/commits/${push.after}/check-runs`)
      .query({ check_name: "handoff / settings", filter: "latest", per_page: 100 })
      .reply(200, { total_count: 1, check_runs: [{ id: 5, external_id: "settings", name: "handoff / settings" }] });
    await deliver(app, "push", push);
    expect(writes()).toEqual([`POST ${REPO}/check-runs`]);
  });

  test("an invalid file pushed: a failing check run with an annotation on each problem's line", async () => {
    const app = await createApp();
    const push = payload("push", undefined, 4);
    push.commits[0].added = [".github/handoff.yml"];
    const text = "sections:\n  required: [context, api]\nlabels:\n  owner: { name: " + "x".repeat(60) + " }\n";
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, text, RAW);
    appLogin();
    github().get(`${REPO}/issues`).query({ state: "open", creator: BOT, per_page: 100 }).reply(200, []);
    github()
      .post(`${REPO}/check-runs`, (body: { conclusion: string; output: { annotations: Array<{ start_line: number; message: string }> } }) => {
        expect(body.conclusion).toBe("failure");
        expect(body.output.annotations.map((a) => [a.start_line, a.message])).toEqual([
          [2, 'sections.required[1]: unknown section "api" (known: context, scope, contract, acceptance, done, dependencies, constraints)'],
          [4, "labels.owner.name: must be at most 50 characters (GitHub's limit)"],
        ]);
        return true;
      })
      .reply(201, { id: 1 })
      .post(`${REPO}/issues`, { title: CONFIG_ISSUE_TITLE, body: renderConfigIssue(problemsOf(text), [".github/handoff.yml"]) })
      .reply(201, { number: 78 });
    await deliver(app, "push", push);
  });

  test("a push that does not touch the settings file, or to another branch: no request", async () => {
    const app = await createApp();
    await deliver(app, "push", payload("push", undefined, 4));
    const tag = payload("push", undefined, 0);
    tag.commits = [{ ...payload("push", undefined, 4).commits[0], modified: [".github/handoff.yml"] }];
    await deliver(app, "push", tag);
    expect(writes()).toEqual([]);
  });

  test("a pull request that changes the settings file gets the check run on its head commit", async () => {
    const app = await createApp();
    const pr = payload("pull_request", "opened");
    token();
    github()
      .get(`${REPO}/pulls/${pr.pull_request.number}/files`)
      .query({ per_page: 100 })
      .reply(200, [{ sha: "s", filename: ".github/handoff.yml", status: "modified", additions: 1, deletions: 0, changes: 1, blob_url: "b", raw_url: "r", contents_url: "c" }]);
    github().get(`${REPO}${SETTINGS}`).query({ ref: pr.pull_request.head.sha }).reply(200, "classify:\n  threshold: [2]\n", RAW);
    github()
      .post(`${REPO}/check-runs`, (body: { head_sha: string; conclusion: string; output: { annotations: Array<{ start_line: number }> } }) => {
        expect(body.head_sha).toBe(pr.pull_request.head.sha);
        expect(body.conclusion).toBe("failure");
        expect(body.output.annotations.map((a) => a.start_line)).toEqual([2]);
        return true;
      })
      .reply(201, { id: 1 });
    await deliver(app, "pull_request", pr);
    expect(counted()).toEqual(documented("pull request that changes the settings file"));
  });
});

describe("a settings file naming a label the repository already has", () => {
  function pushOf(file: string) {
    const push = payload("push", undefined, 4);
    push.commits[0].modified = [".github/handoff.yml"];
    token();
    github().get(`${REPO}${SETTINGS}`).reply(200, file, RAW);
    return push;
  }

  function noConfigIssue() {
    appLogin();
    github().get(`${REPO}/issues`).query({ state: "open", creator: BOT, per_page: 100 }).reply(200, []);
  }

  test("someone else's label (another colour or description): a neutral check run with a warning", async () => {
    const app = await createApp();
    const push = pushOf("labels:\n  incomplete: { name: bug }\n");
    github()
      .get(`${REPO}/labels`)
      .query({ per_page: 100 })
      .reply(200, [{ ...label("bug"), color: "d73a4a", description: "Something isn't working" }]);
    github()
      .post(`${REPO}/check-runs`, {
        name: "handoff / settings",
        head_sha: push.after,
        external_id: "settings",
        status: "completed",
        conclusion: "neutral",
        output: {
          title: "Settings are valid, with 1 warning",
          summary: [
            ".github/handoff.yml is valid.",
            "",
            "Warnings:",
            "",
            '- labels.incomplete.name: "bug" is already a label of this repository, with another colour or description; handoff would add and remove it on issues as its own. Give handoff\'s label a name of its own, unless that label is meant to be handoff\'s.',
          ].join("\n"),
        },
      })
      .reply(201, { id: 1 });
    noConfigIssue();
    await deliver(app, "push", push);
  });

  test("the app's own label (the colour and description the settings give): no warning", async () => {
    const app = await createApp();
    const push = pushOf("labels:\n  incomplete: { name: spec-missing }\n");
    github()
      .get(`${REPO}/labels`)
      .query({ per_page: 100 })
      .reply(200, [{ ...label("spec-missing"), color: "fbca04", description: "Spec sections missing" }]);
    github()
      .post(`${REPO}/check-runs`, (body: { conclusion: string; output: { title: string } }) => body.conclusion === "success" && body.output.title === "Settings are valid")
      .reply(201, { id: 1 });
    noConfigIssue();
    await deliver(app, "push", push);
  });
});
