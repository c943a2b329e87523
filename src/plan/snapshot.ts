import type { LoadResult } from "../config/load-settings.js";
import type { RepoRole } from "./commands.js";

/** The fields of an issue the app uses, as an event or the API gave them. */
export interface IssueFacts {
  number: number;
  title: string;
  body: string;
  open: boolean;
  locked: boolean;
  /** Whether the issue may have comments (false only when GitHub says it has none). */
  hasComments: boolean;
  author: string | null;
  labels: string[];
  createdAt: string | null;
  updatedAt: string | null;
}

/** One of the app's own checklist comments. */
export interface AppComment {
  id: number;
  body: string;
}

/** A person added or removed one of the app's labels. */
export interface LabelDecision {
  label: string;
  added: boolean;
  by: string;
}

/** A comment's commands, queued with the issue they were written on. */
export interface CommandJob {
  commentId: number;
  author: string;
  body: string;
}

/** Work an event brings besides the analysis: a person's label edit, or a comment's commands. */
export type IssueJob = LabelDecision | CommandJob;

export function isCommandJob(job: IssueJob): job is CommandJob {
  return "commentId" in job;
}

/** Settings that validated, with the files they came from. */
export type ValidSettings = LoadResult & { ok: true };

/** Everything an issue run decides from, read before anything is decided. */
export interface IssueSnapshot {
  issue: IssueFacts;
  /** The issue is a pull request: the app only answers commands there. */
  pullRequest: boolean;
  /** The app's checklist comments, oldest first; null when they were not read (a dry run). */
  comments: AppComment[] | null;
  jobs: IssueJob[];
  /** The role in the repository of each person whose commands need one, by lower-cased login. */
  roles: Record<string, RepoRole | null>;
  /** The time of the run (ISO 8601), for an issue that becomes ready without a time of its own. */
  now: string;
}
