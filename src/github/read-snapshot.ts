import type { Settings } from "../config/schema.js";
import type { RepoRole } from "../plan/commands.js";
import { rolesNeeded } from "../plan/plan-commands.js";
import { issueSkipReason } from "../plan/skip-rules.js";
import type { IssueFacts, IssueJob, IssueSnapshot } from "../plan/snapshot.js";
import { findChecklistComments } from "./checklist-comments.js";
import { issueFacts } from "./issue-facts.js";
import type { IssueRef, Octokit } from "./types.js";

export interface SnapshotSource {
  octokit: Octokit;
  issue: IssueRef;
  /** The issue as the event or the list of issues gave it. */
  facts: IssueFacts;
  /** Read the issue again rather than trust `facts` (a run that catches up with later events). */
  readAgain: boolean;
  pullRequest: boolean;
  jobs: IssueJob[];
  settings: Settings;
  botLogin: () => Promise<string>;
  /** A person's role in the repository, looked up only when a command needs it. */
  role: (username: string) => Promise<RepoRole | null>;
}

/**
 * Reads what an issue run decides from, and no more: the comments only when the issue may have any
 * (a new issue costs no read, nor the app's own login), and nothing past the issue itself when a
 * skip rule already leaves it alone.
 */
export async function readIssueSnapshot(source: SnapshotSource): Promise<IssueSnapshot> {
  const { octokit, issue, jobs, settings, pullRequest } = source;
  const facts = source.readAgain ? issueFacts((await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", { ...issue })).data) : source.facts;
  const now = new Date().toISOString();
  if (issueSkipReason(facts, settings, jobs)) return { issue: facts, pullRequest, comments: [], jobs, roles: {}, now };
  const comments = facts.hasComments ? await findChecklistComments(octokit, issue, await source.botLogin()) : [];
  const roles: IssueSnapshot["roles"] = {};
  for (const login of rolesNeeded(jobs, { author: facts.author, pullRequest }, settings)) roles[login.toLowerCase()] = await source.role(login);
  return { issue: facts, pullRequest, comments, jobs, roles, now };
}
