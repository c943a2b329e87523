import type { Plan } from "../plan/plan.js";
import type { LabelSpec } from "../plan/labels.js";
import { replyText, type CommandReply } from "../plan/plan-commands.js";
import type { AppComment } from "../plan/snapshot.js";
import { react } from "./collaborator-role.js";
import { createOnce } from "./create-once.js";
import { hasReplied, replyMarker } from "./reply-comments.js";
import { statusOf, type IssueRef, type Octokit } from "./types.js";

export interface ApplyPorts {
  /** Creates the given labels in the repository when they do not exist yet. */
  createLabels: (labels: LabelSpec[]) => Promise<void>;
  /** Reads the app's checklist comments again (after a create whose answer was lost). */
  relist: () => Promise<AppComment[]>;
  /** True, and claimed, when `key` was not claimed on this issue within `ms` (see `ReplyPart`). */
  claim: (key: string, ms: number) => Promise<boolean>;
  /** The login the app's comments carry, to find its reply after a create whose answer was lost. */
  botLogin: () => Promise<string>;
}

/** An answer to a comment, ready to post. */
export interface Answer {
  commentId: number;
  reply: string | null;
  reaction: CommandReply["reaction"];
}

/** What was written, for the log line and the tests. */
export interface Applied {
  added: string[];
  removed: string[];
  comment: "created" | "updated" | "deleted" | "unchanged" | "skipped";
  duplicatesDeleted: number;
  writes: number;
  /** Replies left out because the same person had them on this issue within the window. */
  repliesSuppressed: number;
  /** Replies not written because the issue is locked. */
  repliesLocked: number;
  /** Answers to `/handoff backlog`, left to the dashboard's own job, which names the dashboard in them. */
  deferred: Answer[];
}

/**
 * Makes the issue match the plan with the fewest writes: the app's labels added in one request and
 * removed one at a time, duplicates deleted, the one checklist comment created, edited in place or
 * deleted; then each comment with commands answered (a reply, rationed, and a reaction).
 */
export async function applyPlan(octokit: Octokit, issue: IssueRef, plan: Plan, ports: ApplyPorts): Promise<Applied> {
  const { add, remove } = plan.labels;
  if (add.length) {
    await ports.createLabels(add);
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", { ...issue, labels: add.map((l) => l.name) });
  }
  for (const label of remove) {
    try {
      await octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", { ...issue, name: label.name });
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
  for (const id of plan.duplicates) await deleteComment(octokit, issue, id);
  const comment = await applyComment(octokit, issue, plan.comment, ports.relist);
  const applied: Applied = {
    added: add.map((l) => l.name),
    removed: remove.map((l) => l.name),
    comment,
    duplicatesDeleted: plan.duplicates.length,
    writes: (add.length ? 1 : 0) + remove.length + plan.duplicates.length + (comment === "created" || comment === "updated" || comment === "deleted" ? 1 : 0),
    repliesSuppressed: 0,
    repliesLocked: 0,
    deferred: [],
  };
  for (const planned of plan.replies) {
    const { reply, suppressed } = await rationed(planned, ports.claim);
    applied.repliesSuppressed += suppressed;
    const answer = { commentId: planned.commentId, reply, reaction: planned.reaction };
    if (planned.dashboard) {
      applied.deferred.push(answer);
      continue;
    }
    const written = await answerComment(octokit, issue, answer, { locked: plan.locked, botLogin: ports.botLogin });
    applied.writes += written.writes;
    applied.repliesLocked += written.locked ? 1 : 0;
  }
  return applied;
}

/** The reply's parts that their rations let through (one claim per key), as the reply's text. */
async function rationed(planned: CommandReply, claim: ApplyPorts["claim"]): Promise<{ reply: string | null; suppressed: number }> {
  const claims = new Map<string, boolean>();
  const kept: string[] = [];
  let suppressed = planned.suppressed;
  for (const part of planned.parts) {
    let allowed = true;
    if (part.ration) {
      if (!claims.has(part.ration.key)) claims.set(part.ration.key, await claim(part.ration.key, part.ration.ms));
      allowed = claims.get(part.ration.key)!;
    }
    if (allowed) kept.push(part.text);
    else suppressed++;
  }
  return { reply: replyText(kept), suppressed };
}

/**
 * Posts the reply to a comment's commands and its reaction. On a locked issue the app still keeps
 * its checklist (an app with write access may comment there), so a maintainer's decision is
 * recorded; a reply to a conversation that was closed is not posted. The reply carries a hidden
 * marker keyed on the comment, by which it is found after a create whose answer was lost.
 */
export async function answerComment(octokit: Octokit, issue: IssueRef, answer: Answer, { locked, botLogin }: { locked: boolean; botLogin: () => Promise<string> }): Promise<{ writes: number; locked: boolean }> {
  let writes = 0;
  const held = answer.reply !== null && locked;
  if (answer.reply !== null && !locked) {
    const body = `${replyMarker(answer.commentId)}\n${answer.reply}`;
    await createOnce(
      () => octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...issue, body, request: { retries: 0 } }),
      async () => hasReplied(octokit, issue, await botLogin(), answer.commentId),
    );
    writes++;
  }
  await react(octokit, { owner: issue.owner, repo: issue.repo }, answer.commentId, answer.reaction);
  return { writes: writes + 1, locked: held };
}

async function applyComment(octokit: Octokit, issue: IssueRef, planned: Plan["comment"], relist: () => Promise<AppComment[]>): Promise<Applied["comment"]> {
  switch (planned.action) {
    case "create":
      await createComment(octokit, issue, planned.body, relist);
      return "created";
    case "update":
      await updateComment(octokit, issue, planned.id, planned.body);
      return "updated";
    case "delete":
      await deleteComment(octokit, issue, planned.id);
      return "deleted";
    case "write": {
      // Planned without reading the comments: read them now, and edit the one there is.
      const [found] = await relist();
      if (!found) {
        await createComment(octokit, issue, planned.body, relist);
        return "created";
      }
      if (found.body === planned.body) return "unchanged";
      await updateComment(octokit, issue, found.id, planned.body);
      return "updated";
    }
    case "unchanged":
    case "skipped":
      return planned.action;
  }
}

/** Creates the checklist comment once: after a lost answer, the comments are read again (see `createOnce`). */
async function createComment(octokit: Octokit, issue: IssueRef, body: string, relist: () => Promise<AppComment[]>): Promise<void> {
  await createOnce(
    () => octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...issue, body, request: { retries: 0 } }),
    async () => (await relist()).length > 0,
  );
}

async function updateComment(octokit: Octokit, issue: IssueRef, id: number, body: string): Promise<void> {
  await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { owner: issue.owner, repo: issue.repo, comment_id: id, body });
}

async function deleteComment(octokit: Octokit, issue: IssueRef, id: number): Promise<void> {
  try {
    await octokit.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { owner: issue.owner, repo: issue.repo, comment_id: id });
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}
