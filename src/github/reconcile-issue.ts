import type { DesiredState } from "../app/desired-state.js";
import type { AppComment } from "./checklist-comments.js";
import { statusOf, type IssueRef, type LabelSpec, type Octokit } from "./types.js";

export interface ReconcileInput {
  issue: IssueRef;
  /** Labels on the issue now. */
  labels: string[];
  /** The app's checklist comments, oldest first. */
  comments: AppComment[];
  desired: DesiredState;
  /** Every label the app manages, with how to create it. */
  managed: LabelSpec[];
  /** Creates the given labels in the repository when they do not exist yet. */
  createLabels: (labels: LabelSpec[]) => Promise<void>;
  /** Reads the app's checklist comments again (after a create whose answer was lost). */
  relist: () => Promise<AppComment[]>;
}

/** What the reconciler wrote, for the log line and the tests. */
export interface ReconcileResult {
  added: string[];
  removed: string[];
  comment: "created" | "updated" | "deleted" | "unchanged" | "skipped";
  duplicatesDeleted: number;
}

/**
 * Makes the issue match the desired state with the fewest writes: labels are added and removed one
 * difference at a time (only the app's own labels, never anyone else's), and the one checklist comment
 * is created, edited in place, or left alone when its text would not change. Duplicates left by an
 * earlier race are deleted, keeping the oldest.
 */
export async function reconcileIssue(octokit: Octokit, input: ReconcileInput): Promise<ReconcileResult> {
  const { issue, desired } = input;
  const have = new Set(input.labels.map((l) => l.toLowerCase()));
  // null: the labels are left as they are (an ignored issue).
  const want = desired.labels === null ? have : new Set(desired.labels.map((l) => l.toLowerCase()));
  const add = input.managed.filter((l) => want.has(l.name.toLowerCase()) && !have.has(l.name.toLowerCase()));
  const remove = input.managed.filter((l) => !want.has(l.name.toLowerCase()) && have.has(l.name.toLowerCase()));

  if (add.length) {
    await input.createLabels(add);
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", { ...issue, labels: add.map((l) => l.name) });
  }
  for (const label of remove) {
    try {
      await octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", { ...issue, name: label.name });
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  const result: ReconcileResult = { added: add.map((l) => l.name), removed: remove.map((l) => l.name), comment: "skipped", duplicatesDeleted: 0 };

  const [keep, ...duplicates] = input.comments;
  for (const dup of duplicates) {
    await deleteComment(octokit, issue, dup.id);
    result.duplicatesDeleted++;
  }
  if (desired.comment === null) {
    if (keep) {
      await deleteComment(octokit, issue, keep.id);
      result.comment = "deleted";
    } else {
      result.comment = "unchanged";
    }
  } else if (!keep) {
    await createComment(octokit, issue, desired.comment, input.relist);
    result.comment = "created";
  } else if (keep.body !== desired.comment) {
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { owner: issue.owner, repo: issue.repo, comment_id: keep.id, body: desired.comment });
    result.comment = "updated";
  } else {
    result.comment = "unchanged";
  }
  return result;
}

/**
 * Creates the checklist comment once. A create is never retried blindly: when the answer is lost (a
 * 5xx or a dropped connection after GitHub may have written it), the comments are read again, and
 * the create is done only if the comment is not there.
 */
async function createComment(octokit: Octokit, issue: IssueRef, body: string, relist: () => Promise<AppComment[]>): Promise<void> {
  const create = () => octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...issue, body, request: { retries: 0 } });
  try {
    await create();
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && status < 500) throw error;
    if ((await relist()).length) return;
    await create();
  }
}

async function deleteComment(octokit: Octokit, issue: IssueRef, id: number): Promise<void> {
  try {
    await octokit.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { owner: issue.owner, repo: issue.repo, comment_id: id });
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}

/** Number of write requests a reconcile made. */
export function writesOf(r: ReconcileResult): number {
  return (r.added.length ? 1 : 0) + r.removed.length + r.duplicatesDeleted + (r.comment === "created" || r.comment === "updated" || r.comment === "deleted" ? 1 : 0);
}
