import { formatProblem, type SettingsProblem } from "../config/parse-settings.js";
import { SETTINGS_PATH } from "../config/load-settings.js";
import { neutralise } from "../engine/neutralise.js";
import { clamp } from "../engine/render-checklist.js";
import { findCheckRuns } from "./check-runs.js";
import { createOnce } from "./create-once.js";
import type { Octokit, RepoRef } from "./types.js";

export const SETTINGS_CHECK = "handoff / settings";
/** The external id of the app's settings check runs: one per commit, looked for after a lost answer. */
export const SETTINGS_CHECK_ID = "settings";
/** GitHub takes at most 50 annotations per request. */
const MAX_ANNOTATIONS = 50;
/** GitHub's limit for a check run's summary. */
export const MAX_SUMMARY = 65_535;

/**
 * The check run's summary (pure). A problem echoes the file's text: it is neutralised like every
 * other echo, and the summary is cut on a line boundary so that no code span is left open.
 */
export function settingsCheckSummary(problems: SettingsProblem[], warnings: string[] = []): string {
  const warned = warnings.length ? ["", "Warnings:", "", ...warnings.map((w) => `- ${neutralise(w)}`)] : [];
  if (!problems.length) return clamp([`${SETTINGS_PATH} is valid.`, ...warned].join("\n"), MAX_SUMMARY);
  const lines = ["handoff will not apply these settings until they are fixed:", "", ...problems.map((p) => `- ${neutralise(formatProblem(p))}`), ...warned];
  return clamp(lines.join("\n"), MAX_SUMMARY);
}

/**
 * Reports a settings file on a commit: success when it validates, failure with each problem as an
 * annotation on its line (problems in files of other repositories appear in the summary only).
 * Made once: after a lost answer, the commit's settings check runs are looked at first.
 */
export async function createSettingsCheck(octokit: Octokit, repo: RepoRef, headSha: string, problems: SettingsProblem[], warnings: string[] = []): Promise<void> {
  const own = problems.filter((p) => p.file === SETTINGS_PATH);
  const summary = settingsCheckSummary(problems, warnings);
  const s = (n: number) => (n === 1 ? "" : "s");
  const create = () => octokit.request("POST /repos/{owner}/{repo}/check-runs", {
    ...repo,
    name: SETTINGS_CHECK,
    head_sha: headSha,
    external_id: SETTINGS_CHECK_ID,
    status: "completed",
    // Valid settings with a warning are neutral: nothing is wrong yet, but someone should look.
    conclusion: problems.length ? "failure" : warnings.length ? "neutral" : "success",
    output: {
      title: problems.length ? `${problems.length} problem${s(problems.length)} in the settings` : warnings.length ? `Settings are valid, with ${warnings.length} warning${s(warnings.length)}` : "Settings are valid",
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
    request: { retries: 0 },
  });
  await createOnce(create, async () => (await findCheckRuns(octokit, repo, headSha, SETTINGS_CHECK)).some((c) => c.external_id === SETTINGS_CHECK_ID));
}
