import { formatProblem, type SettingsProblem } from "../config/parse-settings.js";
import { SETTINGS_PATH } from "../config/load-settings.js";
import type { Octokit, RepoRef } from "./types.js";

export const SETTINGS_CHECK = "handoff / settings";
/** GitHub takes at most 50 annotations per request. */
const MAX_ANNOTATIONS = 50;

/**
 * Reports a settings file on a commit: success when it validates, failure with each problem as an
 * annotation on its line (problems in files of other repositories appear in the summary only).
 */
export async function createSettingsCheck(octokit: Octokit, repo: RepoRef, headSha: string, problems: SettingsProblem[]): Promise<void> {
  const own = problems.filter((p) => p.file === SETTINGS_PATH);
  const summary = problems.length
    ? ["handoff will not apply these settings until they are fixed:", "", ...problems.map((p) => `- \`${formatProblem(p).replace(/`/g, "'")}\``)].join("\n").slice(0, 65_000)
    : `${SETTINGS_PATH} is valid.`;
  await octokit.request("POST /repos/{owner}/{repo}/check-runs", {
    ...repo,
    name: SETTINGS_CHECK,
    head_sha: headSha,
    status: "completed",
    conclusion: problems.length ? "failure" : "success",
    output: {
      title: problems.length ? `${problems.length} problem${problems.length === 1 ? "" : "s"} in the settings` : "Settings are valid",
      summary,
      ...(own.length
        ? {
            annotations: own.slice(0, MAX_ANNOTATIONS).map((p) => ({
              path: SETTINGS_PATH,
              start_line: p.line,
              end_line: p.line,
              annotation_level: "failure" as const,
              message: `${p.path}: ${p.message}`,
            })),
          }
        : {}),
    },
  });
}
