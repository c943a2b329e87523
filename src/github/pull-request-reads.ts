import { SETTINGS_PATH } from "../config/load-settings.js";
import type { IssueFacts } from "../plan/snapshot.js";
import { issueFacts } from "./issue-facts.js";
import { statusOf, type IssueRef, type Octokit, type RepoRef } from "./types.js";

/**
 * The text of the settings file as a pull request leaves it on its head commit: undefined when the
 * pull request does not change the file (or removes it), null when the commit has none. The head
 * commit is reachable from the base repository, also for pull requests from forks.
 */
export async function settingsFileInPull(octokit: Octokit, repo: RepoRef, pull: { number: number; headSha: string }): Promise<string | null | undefined> {
  const files = await octokit.paginate("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", { ...repo, pull_number: pull.number, per_page: 100 });
  if (!files.some((f) => f.filename === SETTINGS_PATH && f.status !== "removed")) return undefined;
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { ...repo, path: SETTINGS_PATH, ref: pull.headSha, mediaType: { format: "raw" } });
    return typeof data === "string" ? data : null;
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    return null;
  }
}

/** An issue a pull request links to, or null when it is a pull request or out of the app's reach. */
export async function readLinkedIssue(octokit: Octokit, issue: IssueRef): Promise<IssueFacts | null> {
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", { ...issue });
    return "pull_request" in data && data.pull_request ? null : issueFacts(data);
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 403) return null;
    throw error;
  }
}
