import type { IssueRef, Octokit } from "./types.js";

/**
 * The hidden first line of the app's reply to a comment's commands, keyed on that comment's id: what
 * the app looks for after a reply whose answer was lost, so that the reply is not posted twice.
 */
export function replyMarker(commentId: number): string {
  return `<!-- handoff:reply ${commentId} -->`;
}

/** Whether the app has replied to the comment: a comment of its own on the issue that carries the marker. */
export async function hasReplied(octokit: Octokit, issue: IssueRef, botLogin: string, commentId: number): Promise<boolean> {
  const marker = replyMarker(commentId);
  const comments = await octokit.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...issue, per_page: 100 });
  return comments.some((c) => c.user?.login === botLogin && c.user?.type === "Bot" && (c.body ?? "").split("\n", 1)[0] === marker);
}
