import { checkRequest } from "./openapi.js";
import { violations } from "./github.js";

describe("the REST API description check used on every request", () => {
  test.each([
    ["POST", "/repos/o/r/issues/1/labels", { labels: ["a"] }, []],
    ["PATCH", "/repos/o/r/issues/comments/5", { body: "x" }, []],
    ["GET", "/repos/o/r/contents/.github%2Fhandoff.yml", undefined, []],
    ["POST", "/repos/o/r/check-runs", { name: "n", head_sha: "a".repeat(40), status: "completed", conclusion: "success", output: { title: "t", summary: "s" } }, []],
  ])("%s %s is an operation with a valid body", (method, path, body, problems) => {
    expect(checkRequest(method, path, body)).toEqual(problems);
  });

  test("a wrong body, an unknown path and a wrong method are reported", () => {
    expect(checkRequest("POST", "/repos/o/r/issues/1/labels", { labels: 5 })[0]).toMatch(/^POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/labels: body/);
    expect(checkRequest("GET", "/repos/o/r/nonsense/1", undefined)).toEqual(["GET /repos/o/r/nonsense/1: no such operation in GitHub's REST API description"]);
    expect(checkRequest("PUT", "/repos/o/r/issues/comments/5", { body: "x" })).toHaveLength(1);
  });
});

test("a request nothing was mocked for is recorded, so verifyGithub fails the test", async () => {
  await expect(fetch("https://api.github.com/repos/o/r/issues/1")).rejects.toThrow();
  expect(violations.some((v) => v.startsWith("unexpected request: GET"))).toBe(true);
  violations.length = 0;
});
