import { DEFAULT_SETTINGS, formatProblem, loadSettings, type FileRef } from "../../src/config/index.js";

function files(map: Record<string, string>) {
  const asked: string[] = [];
  const fetch = async (ref: FileRef) => {
    const key = `${ref.owner}/${ref.repo}:${ref.path}`;
    asked.push(key);
    return map[key] ?? null;
  };
  return { fetch, asked };
}

describe("loadSettings", () => {
  test("no file anywhere: the defaults, after looking in the repository and the organisation", async () => {
    const f = files({});
    const r = await loadSettings("acme", "api", f.fetch);
    expect(r).toEqual({ ok: true, settings: DEFAULT_SETTINGS, files: [], origins: {}, positions: {} });
    expect(f.asked).toEqual(["acme/api:.github/handoff.yml", "acme/.github:.github/handoff.yml"]);
  });

  test("the organisation's file applies when the repository has none", async () => {
    const f = files({ "acme/.github:.github/handoff.yml": "classify:\n  threshold: 0.7\n" });
    const r = await loadSettings("acme", "api", f.fetch);
    expect(r.ok && r.settings.classify.threshold).toBe(0.7);
    expect(r.files).toEqual(["acme/.github:.github/handoff.yml"]);
  });

  test("_extends: the base is merged under the repository's file; mappings merge, lists replace", async () => {
    const f = files({
      "acme/api:.github/handoff.yml": "_extends: .github\nsections:\n  required: [scope]\nlabels:\n  owner: { name: hire }\n",
      "acme/.github:.github/handoff.yml": "sections:\n  required: [context, scope]\n  recommended: [constraints]\nlabels:\n  owner: { color: '000000' }\n",
    });
    const r = await loadSettings("acme", "api", f.fetch);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
    expect(r.settings.sections.required).toEqual(["scope"]);
    expect(r.settings.sections.recommended).toEqual(["constraints"]);
    expect(r.settings.labels.owner).toEqual({ name: "hire", color: "000000", description: "Needs long-term embedded ownership" });
    expect(r.files).toEqual(["acme/.github:.github/handoff.yml", ".github/handoff.yml"]);
    expect(r.origins).toEqual({
      "sections.required": ".github/handoff.yml",
      "sections.recommended": "acme/.github:.github/handoff.yml",
      "labels.owner.name": ".github/handoff.yml",
      "labels.owner.color": "acme/.github:.github/handoff.yml",
    });
    expect(r.positions).toEqual({
      "sections.required": { line: 3, column: 13 },
      "sections.recommended": { line: 3, column: 16 },
      "labels.owner.name": { line: 5, column: 18 },
      "labels.owner.color": { line: 5, column: 19 },
    });
  });

  test("a problem in the base names the base file and its line", async () => {
    const f = files({
      "acme/api:.github/handoff.yml": "_extends: other/shared:config/handoff.yml\n",
      "other/shared:config/handoff.yml": "comment:\n  on_ready: maybe\n",
    });
    const r = await loadSettings("acme", "api", f.fetch);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual(['other/shared:config/handoff.yml:2:13 comment.on_ready: Invalid option: expected one of "update"|"delete"']);
  });

  test("an _extends loop, a missing base and a malformed value are problems at the _extends line", async () => {
    const loop = await loadSettings("acme", "api", files({ "acme/api:.github/handoff.yml": "_extends: b\n", "acme/b:.github/handoff.yml": "_extends: api\n" }).fetch);
    expect(!loop.ok && loop.problems.map(formatProblem)).toEqual(["acme/b:.github/handoff.yml:1:11 _extends: .github/handoff.yml is already part of this chain (a loop)"]);
    const missing = await loadSettings("acme", "api", files({ "acme/api:.github/handoff.yml": "\n_extends: gone\n" }).fetch);
    expect(!missing.ok && missing.problems.map(formatProblem)).toEqual([".github/handoff.yml:2:11 _extends: acme/gone:.github/handoff.yml does not exist or cannot be read by the app"]);
    const bad = await loadSettings("acme", "api", files({ "acme/api:.github/handoff.yml": "_extends: [a]\n" }).fetch);
    expect(!bad.ok && bad.problems.map(formatProblem)).toEqual(['.github/handoff.yml:1:11 _extends: must name a repository: "repo", "owner/repo" or "owner/repo:path/file.yml"']);
  });

  test("a failure other than a missing file propagates: nothing is applied with guessed settings", async () => {
    await expect(loadSettings("acme", "api", async () => Promise.reject(new Error("502 Bad Gateway")))).rejects.toThrow("502");
  });
});
