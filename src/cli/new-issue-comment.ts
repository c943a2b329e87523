import type { Settings } from "../config/schema.js";
import { plan } from "../plan/plan.js";

/**
 * The comment the app posts when an issue with this title and body is opened at `openedAt`, or null
 * when it posts none: the app's own plan for a new issue, without comments or decisions.
 */
export function newIssueComment(issue: { title: string; body: string }, settings: Settings, openedAt: Date): string | null {
  const at = openedAt.toISOString();
  const facts = { number: 1, title: issue.title, body: issue.body, open: true, locked: false, hasComments: false, author: null, labels: [], createdAt: at, updatedAt: at };
  const planned = plan({ issue: facts, pullRequest: false, comments: [], jobs: [], roles: {}, now: at }, { ok: true, settings, files: [] });
  return planned.comment.action === "create" ? planned.comment.body : null;
}
