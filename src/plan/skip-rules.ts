import type { Settings } from "../config/schema.js";
import type { ChecklistState } from "./checklist-state.js";
import { isCommandJob, type IssueFacts, type IssueJob } from "./snapshot.js";

/**
 * Every rule for leaving an issue alone, each returning the reason (logged at debug) or null.
 * Repeated deliveries are not here: recognising one is the queue's work, not a decision about the issue.
 */

/** An issue event: the app's own writes (and other bots') come back as events, and an edit may change neither title nor body. */
export function issueEventSkipReason(event: { senderIsBot: boolean; edited: boolean; titleOrBodyChanged: boolean }): string | null {
  if (event.senderIsBot) return "sent by a bot";
  if (event.edited && !event.titleOrBodyChanged) return "neither title nor body changed";
  return null;
}

/** A label added to or removed from an issue: only a person's edit of one of the app's labels is a decision. */
export function labelEventSkipReason(event: { senderIsBot: boolean; appLabel: boolean }): string | null {
  if (event.senderIsBot) return "sent by a bot";
  if (!event.appLabel) return "not one of the app's labels";
  return null;
}

/** A comment: bots' comments, the app's included, are never read as commands. */
export function commentEventSkipReason(event: { authorIsBot: boolean; senderIsBot: boolean }): string | null {
  return event.authorIsBot || event.senderIsBot ? "written by a bot" : null;
}

/** A repository's label deleted or edited: the app's own repairs come back as events and are not repaired again. */
export function labelChangeSkipReason(event: { senderIsBot: boolean }): string | null {
  return event.senderIsBot ? "sent by a bot" : null;
}

/**
 * An issue, before its comments are read: closed, opened by an ignored author, or carrying an ignored
 * label. Someone who types a command gets an answer all the same.
 */
export function issueSkipReason(facts: IssueFacts, settings: Settings, jobs: IssueJob[]): string | null {
  if (jobs.some(isCommandJob)) return null;
  if (!facts.open) return "issue is closed";
  if (settings.ignore.authors.some((a) => a.toLowerCase() === facts.author?.toLowerCase())) return "author is ignored";
  if (facts.labels.some((l) => settings.ignore.labels.some((i) => i.toLowerCase() === l.toLowerCase()))) return "issue has an ignored label";
  return null;
}

/** An issue someone set aside with `/handoff ignore`: left alone, unless this run brings a command or a label edit. */
export function ignoredSkipReason(state: ChecklistState, jobs: IssueJob[]): string | null {
  return state.ignored && !jobs.length ? "ignored with /handoff ignore" : null;
}
