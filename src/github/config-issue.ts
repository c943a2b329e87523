import { CONFIG_ISSUE_TITLE, CONFIG_MARKER } from "../plan/config-issue-body.js";
import type { Octokit, RepoRef } from "./types.js";

export interface ConfigIssue {
  number: number;
  body: string;
}

/** The app's open configuration issues, found by their marker among the issues the app opened, oldest first. */
export async function findConfigIssues(octokit: Octokit, repo: RepoRef, botLogin: string): Promise<ConfigIssue[]> {
  const issues = await octokit.paginate("GET /repos/{owner}/{repo}/issues", { ...repo, state: "open", creator: botLogin, per_page: 100 });
  return issues
    .filter((i) => !i.pull_request && typeof i.body === "string" && i.body.startsWith(CONFIG_MARKER))
    .map((i) => ({ number: i.number, body: i.body ?? "" }))
    .sort((a, b) => a.number - b.number);
}

/** Opens the configuration issue, or edits it when its text changed; nothing when it is the same. */
export async function upsertConfigIssue(octokit: Octokit, repo: RepoRef, existing: ConfigIssue | null, body: string): Promise<ConfigIssue & { written: boolean }> {
  if (existing) {
    if (existing.body === body) return { ...existing, written: false };
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...repo, issue_number: existing.number, body });
    return { number: existing.number, body, written: true };
  }
  // Not retried: if GitHub opened the issue but its answer was lost, the next run finds it by its
  // marker instead of opening a second one.
  const { data } = await octokit.request("POST /repos/{owner}/{repo}/issues", { ...repo, title: CONFIG_ISSUE_TITLE, body, request: { retries: 0 } });
  return { number: data.number, body, written: true };
}

/** Closes a configuration issue: fixed once the settings are valid, or a duplicate of the one kept. */
export async function closeConfigIssue(octokit: Octokit, repo: RepoRef, number: number, reason: "completed" | "duplicate" = "completed"): Promise<void> {
  await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...repo, issue_number: number, state: "closed", state_reason: reason });
}
