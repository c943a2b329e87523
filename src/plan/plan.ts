import { analyze } from "../engine/analyze.js";
import type { Classification } from "../engine/types.js";
import { EMPTY_STATE, readState, type ChecklistState } from "./checklist-state.js";
import { decideIssue, type IssueDecision } from "./decide-issue.js";
import { applyLabelDecision } from "./label-decisions.js";
import { appLabels, type LabelSpec } from "./labels.js";
import { planCommands, type CommandReply } from "./plan-commands.js";
import { ignoredSkipReason, issueSkipReason } from "./skip-rules.js";
import { isCommandJob, type AppComment, type IssueSnapshot, type ValidSettings } from "./snapshot.js";

/** What to do with the app's checklist comment. */
export type CommentPlan =
  | { action: "create"; body: string }
  | { action: "update"; id: number; body: string }
  | { action: "delete"; id: number }
  /** The comments were not read (a dry run): create the comment, or update the one there is. */
  | { action: "write"; body: string }
  | { action: "unchanged" }
  /** A pull request: the app keeps no checklist there. */
  | { action: "skipped" };

/** Everything one issue run writes, decided before any write. */
export interface Plan {
  /** Why the issue is left alone; when set, the plan holds nothing to do. */
  skipped: string | null;
  /** The labels and comment the issue should have, for the log line. */
  decision: IssueDecision | null;
  /** The app's labels to add to the issue and to remove from it (never anyone else's). */
  labels: { add: LabelSpec[]; remove: LabelSpec[] };
  comment: CommentPlan;
  /** Checklist comments left by an earlier race, to delete (the oldest is kept). */
  duplicates: number[];
  /** One reply and reaction per comment with commands, in order. */
  replies: CommandReply[];
  /** Commands read in this run. */
  commands: number;
  /** The issue is locked: replies are not posted (its checklist and labels still are kept). */
  locked: boolean;
}

const NOTHING: Omit<Plan, "skipped" | "locked"> = { decision: null, labels: { add: [], remove: [] }, comment: { action: "unchanged" }, duplicates: [], replies: [], commands: 0 };

/**
 * Decides one issue run, purely: the analysis, combined with the decisions people made (kept in the
 * app's comment) and the commands and label edits this run brings, gives the labels and comment the
 * issue should have; compared with what it has, that gives the writes. The only place where labels,
 * readiness and skip rules are applied to an issue.
 */
export function plan(snapshot: IssueSnapshot, loaded: ValidSettings): Plan {
  const settings = loaded.settings;
  const { issue, jobs, comments } = snapshot;
  const locked = issue.locked;
  const skippedBefore = issueSkipReason(issue, settings, jobs);
  if (skippedBefore) return { ...NOTHING, skipped: skippedBefore, locked };

  const analysis = analyze({ title: issue.title, body: issue.body }, settings);
  let state: ChecklistState = comments?.[0] ? readState(comments[0].body) : EMPTY_STATE;
  const ignored = ignoredSkipReason(state, jobs);
  if (ignored) return { ...NOTHING, skipped: ignored, locked };

  let force = false;
  let commands = 0;
  const replies: CommandReply[] = [];
  for (const job of jobs) {
    if (isCommandJob(job)) {
      const planned = planCommands(job, state, {
        loaded,
        issue: { title: issue.title, body: issue.body, number: issue.number, author: issue.author, pullRequest: snapshot.pullRequest },
        analysis,
        role: snapshot.roles[job.author.toLowerCase()] ?? null,
      });
      state = planned.state;
      force ||= planned.force;
      commands += planned.commands;
      replies.push(planned.reply);
    } else {
      const current: Classification = state.classification?.value ?? analysis.classification;
      state = applyLabelDecision(state, settings, job, current);
    }
  }
  // Comments not read (a dry run) count as there: whether the app would write one is what is asked.
  const hasComment = comments === null || comments.length > 0;
  let decision = decideIssue(analysis, settings, state, { hasComment, force });
  // Remember when the issue first became ready, for the backlog's readiness figures.
  if (decision.ready && !state.readyAt && !snapshot.pullRequest) {
    state = { ...state, readyAt: issue.updatedAt ?? snapshot.now };
    decision = decideIssue(analysis, settings, state, { hasComment, force });
  }
  // On a pull request the app only answers commands: no labels, no checklist.
  if (snapshot.pullRequest) return { ...NOTHING, skipped: null, decision, comment: { action: "skipped" }, replies, commands, locked };

  const [keep, ...duplicates] = comments ?? [];
  return { skipped: null, decision, labels: labelChanges(issue.labels, decision.labels, appLabels(settings)), comment: commentPlan(comments === null ? null : keep, decision.comment), duplicates: duplicates.map((c) => c.id), replies, commands, locked };
}

/** The app's labels to add and remove; `want` null leaves them as they are (an ignored issue). */
function labelChanges(have: string[], want: string[] | null, managed: LabelSpec[]): Plan["labels"] {
  const on = new Set(have.map((l) => l.toLowerCase()));
  const wanted = want === null ? on : new Set(want.map((l) => l.toLowerCase()));
  return {
    add: managed.filter((l) => wanted.has(l.name.toLowerCase()) && !on.has(l.name.toLowerCase())),
    remove: managed.filter((l) => !wanted.has(l.name.toLowerCase()) && on.has(l.name.toLowerCase())),
  };
}

/** `keep` is the app's comment there is (undefined: none; null: not read); `body` the one there should be. */
function commentPlan(keep: AppComment | undefined | null, body: string | null): CommentPlan {
  if (keep === null) return body === null ? { action: "unchanged" } : { action: "write", body };
  if (body === null) return keep ? { action: "delete", id: keep.id } : { action: "unchanged" };
  if (!keep) return { action: "create", body };
  return keep.body === body ? { action: "unchanged" } : { action: "update", id: keep.id, body };
}

/** The plan's writes in words, as the dry run of `handoff backlog` lists them. */
export function describePlan(p: Plan): string[] {
  const writes = [...p.labels.add.map((l) => `add label ${l.name}`), ...p.labels.remove.map((l) => `remove label ${l.name}`)];
  if (p.duplicates.length) writes.push(`delete ${p.duplicates.length} duplicate checklist comment${p.duplicates.length === 1 ? "" : "s"}`);
  const comment = { create: "create the checklist comment", update: "update the checklist comment", delete: "delete the checklist comment", write: "create or update the checklist comment", unchanged: null, skipped: null }[p.comment.action];
  if (comment) writes.push(comment);
  return writes;
}
