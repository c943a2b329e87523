import { applyPlan, type Applied } from "../github/apply-plan.js";
import { findChecklistComments } from "../github/checklist-comments.js";
import { readIssueSnapshot, type SnapshotSource } from "../github/read-snapshot.js";
import type { LabelSpec } from "../plan/labels.js";
import { plan, type Plan } from "../plan/plan.js";
import type { ValidSettings } from "../plan/snapshot.js";

export interface IssueRunInput extends Omit<SnapshotSource, "settings"> {
  loaded: ValidSettings;
  /** Makes sure the given labels exist in the repository (shared by the runs of one repository). */
  createLabels: (needed: LabelSpec[]) => Promise<void>;
  /** Rations replies (see `ReplyPart`); without it every reply is made. */
  claim?: (key: string, ms: number) => Promise<boolean>;
}

export interface IssueRunResult {
  plan: Plan;
  /** null when the plan left the issue alone. */
  applied: Applied | null;
}

/**
 * One issue, end to end, the same for every way in: events, comments with commands, the backfill and
 * `handoff backlog --apply`.
 */
export async function runIssue(input: IssueRunInput): Promise<IssueRunResult> {
  const { octokit, issue } = input;
  // 1. Read: the issue, the app's comments on it, the roles its commands need.
  const snapshot = await readIssueSnapshot({ ...input, settings: input.loaded.settings });
  // 2. Plan, pure: labels, readiness, the checklist, replies, or why the issue is left alone.
  const planned = plan(snapshot, input.loaded);
  if (planned.skipped) return { plan: planned, applied: null };
  // 3. Apply: the writes, fewest first; a create whose answer is lost is looked for before it is made again.
  const applied = await applyPlan(octokit, issue, planned, {
    createLabels: input.createLabels,
    relist: async () => findChecklistComments(octokit, issue, await input.botLogin()),
    claim: input.claim ?? (async () => true),
    botLogin: input.botLogin,
  });
  return { plan: planned, applied };
}
