import type { IssueFacts } from "./snapshot.js";

/**
 * How close to the run an issue's creation must be for its payload's "no comments" to be believed.
 * GitHub delivers `issues.opened` within seconds and the issue's first run starts within a second of
 * its burst, so a payload of an issue older than this was held up or redelivered (GitHub's
 * "Redeliver", a restart): it may predate the app's own checklist. Either way round, for a server
 * whose clock differs from GitHub's: such a payload then costs a read, never a second checklist.
 */
export const NEW_ISSUE_MS = 30_000;

/** What a run may take from the issue facts that queued it. */
export interface PayloadTrust {
  /** Read the issue again: its labels, state and comment count as they are now. */
  readAgain: boolean;
  /** Read the issue's comments (when it is not read again; else its own count says). */
  hasComments: boolean;
}

/** Whether an issue was created within `NEW_ISSUE_MS` of `now` (milliseconds since the epoch). */
export function createdMomentsBefore(createdAt: string | null, now: number): boolean {
  const created = createdAt === null ? Number.NaN : Date.parse(createdAt);
  return Number.isFinite(created) && Math.abs(now - created) <= NEW_ISSUE_MS;
}

/**
 * A count of comments is believed when it says there are some, and "none" only from a list of issues
 * just read or from the payload of an issue created moments before, when no run has been on the issue
 * (a run's comment may be newer than the payload). A stale payload's "none" is checked by reading the
 * issue again, which also brings the labels and state it has now, so that a redelivered old
 * `issues.opened` puts back nothing the issue has since lost, and posts no second checklist.
 */
export function payloadTrust(facts: IssueFacts, { fromPayload, ranBefore, now }: { fromPayload: boolean; ranBefore: boolean; now: number }): PayloadTrust {
  const hasComments = facts.hasComments || ranBefore;
  if (hasComments || !fromPayload || createdMomentsBefore(facts.createdAt, now)) return { readAgain: false, hasComments };
  return { readAgain: true, hasComments: false };
}
