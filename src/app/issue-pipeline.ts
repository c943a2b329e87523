import type { LoadResult } from "../config/load-settings.js";
import type { Settings } from "../config/schema.js";
import type { RepoRole } from "../plan/commands.js";
import { analyze } from "../engine/analyze.js";
import { findChecklistComments } from "../github/checklist-comments.js";
import { react } from "../github/collaborator-role.js";
import type { IssueFacts } from "../github/issue-facts.js";
import { reconcileIssue, writesOf, type ReconcileResult } from "../github/reconcile-issue.js";
import type { IssueRef, LabelSpec, Octokit } from "../github/types.js";
import { EMPTY_STATE, readState } from "./checklist-state.js";
import { desiredState, type DesiredState } from "./desired-state.js";
import { applyLabelDecision, type LabelDecision } from "./label-decisions.js";
import { runCommands, type CommandJob } from "./run-commands.js";
import { updateDashboard } from "../backlog/dashboard.js";

/** Work an event brings besides the analysis: a person's label edit, or a comment's commands. */
export type IssueJob = LabelDecision | CommandJob;

export interface PipelineInput {
  octokit: Octokit;
  issue: IssueRef;
  facts: IssueFacts;
  loaded: LoadResult & { ok: true };
  jobs: IssueJob[];
  pullRequest: boolean;
  botLogin: () => Promise<string>;
  /** Makes sure the given labels exist in the repository (once per repository, shared by concurrent runs). */
  createLabels: (needed: LabelSpec[]) => Promise<void>;
  role: (username: string) => Promise<RepoRole | null>;
  /** Rations replies (see `CommandContext.claim`); without it every reply is made. */
  claim?: (key: string, ms: number) => Promise<boolean>;
}

export interface PipelineResult {
  /** Why nothing was done, when nothing was. */
  skipped?: string;
  desired?: DesiredState;
  reconciled?: ReconcileResult;
  commands: number;
  writes: number;
  /** Replies left out because the same person had them on this issue within the window. */
  repliesSuppressed: number;
  /** Replies not written because the issue is locked (its checklist and state still are). */
  repliesLocked?: number;
}

/** Why the app leaves an issue alone (closed, an ignored author or label), or null. */
export function skipReason(facts: IssueFacts, settings: Settings): string | null {
  if (!facts.open) return "issue is closed";
  if (settings.ignore.authors.some((a) => a.toLowerCase() === facts.author?.toLowerCase())) return "author is ignored";
  if (facts.labels.some((l) => settings.ignore.labels.some((i) => i.toLowerCase() === l.toLowerCase()))) return "issue has an ignored label";
  return null;
}

function labelSpecs(settings: Settings): LabelSpec[] {
  return (["scoped", "owner", "ready", "incomplete"] as const).map((k) => settings.labels[k]);
}

/**
 * One issue, end to end: read the app's comment, analyse, apply people's decisions and commands, and
 * reconcile labels and comment; then answer the commands. The app runs it for each event and the
 * backlog command for each issue, so both write exactly the same.
 */
export async function runIssuePipeline(input: PipelineInput): Promise<PipelineResult> {
  const { octokit, issue, facts, jobs } = input;
  const settings = input.loaded.settings;
  const repo = { owner: issue.owner, repo: issue.repo };
  // A new issue has no comments: no read, and no need to know the app's own login.
  const comments = facts.hasComments ? await findChecklistComments(octokit, issue, await input.botLogin()) : [];
  const analysis = analyze({ title: facts.title, body: facts.body }, settings);
  let state = comments[0] ? readState(comments[0].body) : EMPTY_STATE;
  if (state.ignored && !jobs.length) return { skipped: "ignored with /handoff ignore", commands: 0, writes: 0, repliesSuppressed: 0 };

  let force = false;
  let commands = 0;
  const outcomes = [];
  for (const job of jobs) {
    if ("commentId" in job) {
      const ran = await runCommands(job, state, {
        settings,
        loaded: input.loaded,
        issue: { title: facts.title, body: facts.body, number: issue.issue_number, author: facts.author, pullRequest: input.pullRequest },
        analysis,
        role: input.role,
        claim: input.claim ?? (async () => true),
      });
      state = ran.state;
      force ||= ran.force;
      commands += ran.commands;
      outcomes.push(ran.outcome);
    } else {
      state = applyLabelDecision(state, settings, job, state.classification?.value ?? analysis.classification);
    }
  }
  let desired = desiredState(analysis, settings, state, comments.length > 0, { force });
  // Remember when the issue first became ready, for the backlog's readiness figures.
  if (desired.ready && !state.readyAt && !input.pullRequest) {
    state = { ...state, readyAt: facts.updatedAt ?? new Date().toISOString() };
    desired = desiredState(analysis, settings, state, comments.length > 0, { force });
  }

  // On a pull request the app only answers commands: no labels, no checklist.
  const reconciled: ReconcileResult = input.pullRequest
    ? { added: [], removed: [], comment: "skipped", duplicatesDeleted: 0 }
    : await reconcileIssue(octokit, {
        issue,
        labels: facts.labels,
        comments,
        desired,
        managed: labelSpecs(settings),
        relist: async () => findChecklistComments(octokit, issue, await input.botLogin()),
        createLabels: input.createLabels,
      });
  let writes = writesOf(reconciled);
  let repliesSuppressed = 0;
  let repliesLocked = 0;
  for (const outcome of outcomes) {
    repliesSuppressed += outcome.suppressed;
    if (outcome.dashboard) {
      const dash = await updateDashboard(octokit, repo, input.loaded.settings, await input.botLogin());
      writes += dash.written ? 1 : 0;
      const line = `The backlog dashboard is #${dash.number}${dash.written ? "" : " (already up to date)"}.`;
      outcome.reply = outcome.reply ? `${outcome.reply}\n\n---\n\n${line}` : line;
    }
    // On a locked issue the app still keeps its checklist (an app with write access may comment
    // there), so a maintainer's decision is recorded; a reply to a conversation that was closed is not.
    if (outcome.reply !== null && facts.locked) repliesLocked++;
    else if (outcome.reply !== null) {
      await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...issue, body: outcome.reply });
      writes++;
    }
    await react(octokit, repo, outcome.commentId, outcome.reaction);
    writes++;
  }
  return { desired, reconciled, commands, writes, repliesSuppressed, ...(repliesLocked ? { repliesLocked } : {}) };
}
