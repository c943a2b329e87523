import { hasMarker } from "../plan/checklist-state.js";
import type { AppComment } from "../plan/snapshot.js";
import type { IssueRef, Octokit } from "./types.js";


/**
 * The app's own checklist comments on an issue, oldest first, across every page. A comment carrying
 * the marker is trusted only when the app wrote it: a person quoting the marker is ignored.
 */
export async function findChecklistComments(octokit: Octokit, issue: IssueRef, botLogin: string): Promise<AppComment[]> {
  const comments = await octokit.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...issue, per_page: 100 });
  return comments
    .filter((c) => c.user?.login === botLogin && c.user?.type === "Bot" && hasMarker(c.body))
    .sort((a, b) => a.id - b.id)
    .map((c) => ({ id: c.id, body: c.body ?? "" }));
}
