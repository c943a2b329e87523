import type { Octokit, RepoRef } from "./types.js";

export const DASHBOARD_MARKER = "<!-- handoff:backlog -->";
export const DASHBOARD_TITLE = "handoff: backlog";

/**
 * Creates the one backlog dashboard issue, or edits the one the app opened before (`found`, by its
 * marker among the app's open issues); writes nothing when the text is the same.
 */
export async function upsertDashboard(octokit: Octokit, repo: RepoRef, found: { number: number; body: string } | null, body: string): Promise<{ number: number; written: boolean }> {
  if (found) {
    if (found.body === body) return { number: found.number, written: false };
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...repo, issue_number: found.number, body });
    return { number: found.number, written: true };
  }
  // Not retried: if GitHub opened the issue but its answer was lost, the next `/handoff backlog`
  // finds it by its marker instead of opening a second one.
  const { data } = await octokit.request("POST /repos/{owner}/{repo}/issues", { ...repo, title: DASHBOARD_TITLE, body, request: { retries: 0 } });
  return { number: data.number, written: true };
}
