import { ProbotOctokit } from "probot";
import { retryRequests, retryWait, DEFAULT_RETRY } from "../../src/github/retry-requests.js";
import { API, github, requests, verifyGithub } from "../helpers/github.js";

afterEach(verifyGithub);

const REPO = "/repos/acme/api";
const waits: number[] = [];
const sleep = async (ms: number) => void waits.push(ms);
beforeEach(() => (waits.length = 0));

/** Probot's Octokit as the server builds it: its own retry plugin off, `retryRequests` on, the waits recorded instead of slept. */
function octokit(limits: boolean) {
  const Octokit = ProbotOctokit.plugin(retryRequests({ limits }, sleep));
  return new Octokit({ auth: { token: "t" }, baseUrl: API, retry: { enabled: false }, throttle: { enabled: false }, log: { debug() {}, info() {}, warn() {}, error() {} } });
}

const comments = () => octokit(false).request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { owner: "acme", repo: "api", issue_number: 1 });

describe("retryRequests", () => {
  test("500 and 502 are retried after 1 s, then 4 s", async () => {
    github().get(`${REPO}/issues/1/comments`).reply(500, {}).get(`${REPO}/issues/1/comments`).reply(502, {}).get(`${REPO}/issues/1/comments`).reply(200, []);
    await expect(comments()).resolves.toMatchObject({ status: 200 });
    expect(waits).toEqual([1000, 4000]);
    expect(requests).toHaveLength(3);
  });

  test("a reset connection is retried", async () => {
    github().get(`${REPO}/issues/1/comments`).replyWithError({ code: "ECONNRESET", message: "socket hang up" }).get(`${REPO}/issues/1/comments`).reply(200, []);
    await expect(comments()).resolves.toMatchObject({ status: 200 });
    expect(waits).toEqual([1000]);
  });

  test("three retries, then the error", async () => {
    const scope = github();
    for (let i = 0; i < 4; i++) scope.get(`${REPO}/issues/1/comments`).reply(503, { message: "Service Unavailable" });
    await expect(comments()).rejects.toMatchObject({ status: 503 });
    expect(waits).toEqual([1000, 4000, 9000]);
  });

  test.each([404, 422, 401])("%s is not retried", async (status) => {
    github().get(`${REPO}/issues/1/comments`).reply(status, { message: "no" });
    await expect(comments()).rejects.toMatchObject({ status });
    expect(waits).toEqual([]);
  });

  test("a write made with retries: 0 is not retried", async () => {
    github().post(`${REPO}/issues/1/comments`, { body: "x" }).reply(502, {});
    await expect(octokit(false).request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { owner: "acme", repo: "api", issue_number: 1, body: "x", request: { retries: 0 } })).rejects.toMatchObject({ status: 502 });
    expect(waits).toEqual([]);
  });

  test("with throttling off, 429 and a secondary-limit 403 wait as long as GitHub asks", async () => {
    github()
      .post(`${REPO}/issues/1/labels`, { labels: ["a"] })
      .reply(429, { message: "Too many requests" }, { "retry-after": "2" })
      .post(`${REPO}/issues/1/labels`, { labels: ["a"] })
      .reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "3" })
      .post(`${REPO}/issues/1/labels`, { labels: ["a"] })
      .reply(200, []);
    await octokit(true).request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", { owner: "acme", repo: "api", issue_number: 1, labels: ["a"] });
    expect(waits).toEqual([2000, 3000]);
  });

  test("with throttling on, rate limits are left to it, and a plain 403 is never retried", async () => {
    github().post(`${REPO}/issues/1/labels`, { labels: ["a"] }).reply(429, { message: "Too many requests" }, { "retry-after": "2" });
    await expect(octokit(false).request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", { owner: "acme", repo: "api", issue_number: 1, labels: ["a"] })).rejects.toMatchObject({ status: 429 });
    github().post(`${REPO}/issues/1/labels`, { labels: ["a"] }).reply(403, { message: "Resource not accessible by integration" });
    await expect(octokit(true).request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", { owner: "acme", repo: "api", issue_number: 1, labels: ["a"] })).rejects.toMatchObject({ status: 403 });
    expect(waits).toEqual([]);
  });
});

describe("retryWait", () => {
  const limits = { ...DEFAULT_RETRY, limits: true };
  const limited = (status: number, headers: Record<string, string>, message = "") => ({ status, message, response: { headers } });

  test("the primary limit waits until x-ratelimit-reset", () => {
    expect(retryWait(limited(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1010" }), 1, limits, 1_000_000)).toBe(10_000);
  });

  test("no header: a minute, as GitHub asks for secondary limits", () => {
    expect(retryWait(limited(403, {}, "You have exceeded a secondary rate limit"), 1, limits)).toBe(60_000);
  });

  test("a wait longer than the most the app waits is not taken", () => {
    expect(retryWait(limited(429, { "retry-after": "3600" }), 1, limits)).toBeNull();
  });

  test("errors without a status (a bug, not GitHub) are not retried", () => {
    expect(retryWait(new TypeError("x is undefined"), 1, limits)).toBeNull();
    expect(retryWait(undefined, 1, limits)).toBeNull();
  });
});
