import { acceptanceOutput } from "../../src/github/acceptance-check-run.js";
import { closingRefs } from "../../src/plan/closing-refs.js";
import { createApp, deliver, payload } from "../helpers/app.js";
import { noSettings, REPO, token } from "../helpers/fixtures.js";
import { github, verifyGithub, writes } from "../helpers/github.js";

const ISSUE_12 = (checked: [boolean, boolean, boolean]) => ({
  number: 12,
  title: "Add a Stripe webhook endpoint",
  state: "open",
  locked: false,
  comments: 0,
  labels: [],
  user: { login: "author" },
  body: [
    "## Context",
    "Payments are confirmed today by a nightly job that polls Stripe.",
    "## Acceptance criteria",
    `- [${checked[0] ? "x" : " "}] a replayed event changes nothing`,
    `- [${checked[1] ? "x" : " "}] a bad signature returns 400 and writes nothing`,
    `- [${checked[2] ? "x" : " "}] a paid invoice marks the order paid`,
  ].join("\n"),
});

function prPayload(body: string, action = "opened", sha = "a".repeat(40)) {
  const p = payload("pull_request", action === "edited" ? "opened" : action);
  p.action = action;
  p.pull_request.body = body;
  p.pull_request.head.sha = sha;
  if (action === "edited") p.changes = { body: { from: "" } };
  return p;
}

function noFiles(number: number) {
  github().get(`${REPO}/pulls/${number}/files`).query({ per_page: 100 }).reply(200, []);
}

afterEach(verifyGithub);

describe("closingRefs", () => {
  test.each([
    ["Closes #12", [12]],
    ["fixes: #3, resolves #4 and closed #3", [3, 4]],
    ["Fixed octo/other#9", [9]],
    ["Related to #12; see #13", []],
    ["closesthe #12", []],
  ])("%s", (body, numbers) => {
    expect(closingRefs(body, "o", "r").map((r) => r.number)).toEqual(numbers);
  });
  test("another repository's issue keeps its owner and name", () => {
    expect(closingRefs("Resolves octo/other#9", "o", "r")).toEqual([{ owner: "octo", repo: "other", number: 9 }]);
  });
});

describe("acceptance check runs", () => {
  test("Closes #12 with two of three criteria checked: neutral, listing the three; the third checked and synchronised: success", async () => {
    const app = await createApp();
    const pr = prPayload("Adds the webhook handler.\n\nCloses #12");
    const number = pr.pull_request.number;
    token();
    noFiles(number);
    noSettings();
    github().get(`${REPO}/issues/12`).reply(200, ISSUE_12([true, true, false]));
    github()
      .post(`${REPO}/check-runs`, (body: { name: string; head_sha: string; external_id: string; conclusion: string; output: { title: string; summary: string } }) => {
        expect(body).toMatchObject({ name: "handoff / acceptance", head_sha: "a".repeat(40), external_id: "#12", status: "completed", conclusion: "neutral" });
        expect(body.output.title).toBe("#12: 2 of 3 acceptance criteria checked");
        expect(body.output.summary.split("\n").slice(2)).toEqual(["- ✅ a replayed event changes nothing", "- ✅ a bad signature returns 400 and writes nothing", "- ⬜ a paid invoice marks the order paid"]);
        return true;
      })
      .reply(201, { id: 1 });
    await deliver(app, "pull_request", pr);
    verifyGithub();

    const next = prPayload("Adds the webhook handler.\n\nCloses #12", "synchronize", "b".repeat(40));
    noFiles(number);
    github().get(`${REPO}/issues/12`).reply(200, ISSUE_12([true, true, true]));
    github()
      .post(`${REPO}/check-runs`, (body: { head_sha: string; conclusion: string }) => body.head_sha === "b".repeat(40) && body.conclusion === "success")
      .reply(201, { id: 2 });
    await deliver(app, "pull_request", next);
  });

  test("the check run created but its answer lost (502), with retries on: found by its external id, not created again", async () => {
    const app = await createApp({}, { retry: true });
    const pr = prPayload("Closes #12");
    token();
    noFiles(pr.pull_request.number);
    noSettings();
    github().get(`${REPO}/issues/12`).reply(200, ISSUE_12([true, false, false]));
    github()
      .post(`${REPO}/check-runs`, (body: { external_id: string }) => body.external_id === "#12")
      .reply(502, { message: "Bad Gateway" });
    github()
      .get(`${REPO}/commits/${"a".repeat(40)}/check-runs`)
      .query({ check_name: "handoff / acceptance", filter: "latest", per_page: 100 })
      .reply(200, { total_count: 1, check_runs: [{ id: 56, external_id: "#12", name: "handoff / acceptance" }] });
    await deliver(app, "pull_request", pr);
    expect(writes()).toEqual([`POST ${REPO}/check-runs`]);
  });

  test("an edited body updates the check run already on the commit", async () => {
    const app = await createApp();
    token();
    noSettings();
    const sha = "c".repeat(40);
    github()
      .get(`${REPO}/commits/${sha}/check-runs`)
      .query({ check_name: "handoff / acceptance", filter: "latest", per_page: 100 })
      .reply(200, { total_count: 1, check_runs: [{ id: 55, external_id: "#12", name: "handoff / acceptance" }] });
    github().get(`${REPO}/issues/12`).reply(200, ISSUE_12([false, false, false]));
    github().patch(`${REPO}/check-runs/55`, (body: { conclusion: string }) => body.conclusion === "neutral").reply(200, {});
    await deliver(app, "pull_request", prPayload("Closes #12", "edited", sha));
    expect(writes()).toEqual([`PATCH ${REPO}/check-runs/55`]);
  });

  test("a pull request that closes only work needing an owner, or nothing: no check run", async () => {
    const app = await createApp();
    const pr = prPayload("Part of the on-call work. Fixes #13");
    token();
    noFiles(pr.pull_request.number);
    noSettings();
    github().get(`${REPO}/issues/13`).reply(200, { ...ISSUE_12([false, false, false]), number: 13, title: "Define SLOs and the on-call rotation", body: "Availability targets and an escalation policy." });
    await deliver(app, "pull_request", pr);
    const plain = prPayload("No issue here", "opened", "d".repeat(40));
    noFiles(plain.pull_request.number);
    await deliver(app, "pull_request", plain);
    expect(writes()).toEqual([]);
  });

  test("an issue with no criteria as a task list: neutral, saying so", () => {
    expect(acceptanceOutput({ issue: "#7", title: "Add export", criteria: [] })).toEqual({
      conclusion: "neutral",
      title: "#7: no acceptance criteria",
      summary: "`#7` (Add export) has no acceptance criteria as a task list to check this pull request against.",
    });
  });
});
