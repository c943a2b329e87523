import type { Criterion } from "../engine/detect-sections.js";
import { neutralise } from "../engine/neutralise.js";
import { clamp } from "../engine/render-checklist.js";
import { findCheckRuns } from "./check-runs.js";
import { createOnce } from "./create-once.js";
import type { Octokit, RepoRef } from "./types.js";

export const ACCEPTANCE_CHECK = "handoff / acceptance";

export interface AcceptanceReport {
  /** `owner/repo#N` or `#N` for the same repository. */
  issue: string;
  title: string;
  criteria: Criterion[];
}

/** The check run's content for one linked issue (pure). */
export function acceptanceOutput(report: AcceptanceReport): { conclusion: "success" | "neutral"; title: string; summary: string } {
  const { criteria } = report;
  const done = criteria.filter((c) => c.checked).length;
  if (!criteria.length) {
    return { conclusion: "neutral", title: `${report.issue}: no acceptance criteria`, summary: `${neutralise(report.issue)} (${neutralise(report.title)}) has no acceptance criteria as a task list to check this pull request against.` };
  }
  const lines = criteria.map((c) => `- ${c.checked ? "✅" : "⬜"} ${neutralise(c.text)}`);
  return {
    conclusion: done === criteria.length ? "success" : "neutral",
    title: `${report.issue}: ${done} of ${criteria.length} acceptance criteria checked`,
    // Cut on a line boundary: a cut inside a code span would leave its mention live.
    summary: clamp([`Acceptance criteria of ${neutralise(report.issue)} (${neutralise(report.title)}), as checked in the issue:`, "", ...lines].join("\n"), 65_535),
  };
}

/**
 * Creates the acceptance check run for one linked issue on the head commit, or updates the one the
 * app made there before for the same issue (found by its external id, as it is after a create whose
 * answer was lost).
 */
export async function upsertAcceptanceCheck(octokit: Octokit, repo: RepoRef, headSha: string, report: AcceptanceReport, existing: Array<{ id: number; external_id: string | null }>): Promise<"created" | "updated"> {
  const out = acceptanceOutput(report);
  const fields = { status: "completed" as const, conclusion: out.conclusion, output: { title: out.title, summary: out.summary } };
  const found = existing.find((c) => c.external_id === report.issue);
  if (found) {
    await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", { ...repo, check_run_id: found.id, ...fields });
    return "updated";
  }
  await createOnce(
    () => octokit.request("POST /repos/{owner}/{repo}/check-runs", { ...repo, name: ACCEPTANCE_CHECK, head_sha: headSha, external_id: report.issue, ...fields, request: { retries: 0 } }),
    async () => (await findAcceptanceChecks(octokit, repo, headSha)).some((c) => c.external_id === report.issue),
  );
  return "created";
}

/** The app's acceptance check runs on a commit. */
export function findAcceptanceChecks(octokit: Octokit, repo: RepoRef, ref: string): Promise<Array<{ id: number; external_id: string | null }>> {
  return findCheckRuns(octokit, repo, ref, ACCEPTANCE_CHECK);
}
