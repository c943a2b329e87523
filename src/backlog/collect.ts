import { readState } from "../plan/checklist-state.js";
import type { IssueFacts } from "../plan/snapshot.js";
import type { Settings } from "../config/schema.js";
import { analyze } from "../engine/analyze.js";
import { findChecklistComments } from "../github/checklist-comments.js";
import { issueFacts } from "../github/issue-facts.js";
import type { Octokit, RepoRef } from "../github/types.js";
import { DASHBOARD_MARKER } from "../github/dashboard-issue.js";
import type { BacklogEntry } from "./report.js";
import type { ReadinessHistory } from "./readiness.js";

export interface OpenIssues {
  issues: Array<{ facts: IssueFacts; url: string }>;
  /** The app's dashboard issue, when it is among them (left out of `issues`). */
  dashboard: { number: number; body: string } | null;
}

/** Every open issue of a repository, 100 per page; pull requests are left out, the app's dashboard is set apart. */
export async function listOpenIssues(octokit: Octokit, repo: RepoRef, botLogin?: string): Promise<OpenIssues> {
  const listed = await octokit.paginate("GET /repos/{owner}/{repo}/issues", { ...repo, state: "open", per_page: 100 });
  const isDashboard = (i: (typeof listed)[number]) => (i.body ?? "").startsWith(DASHBOARD_MARKER) && (botLogin === undefined || i.user?.login === botLogin);
  const found = listed.find((i) => !i.pull_request && isDashboard(i));
  return {
    issues: listed.filter((i) => !i.pull_request && !isDashboard(i)).map((i) => ({ facts: issueFacts(i), url: i.html_url })),
    dashboard: found ? { number: found.number, body: found.body ?? "" } : null,
  };
}

export function entriesOf(issues: Array<{ facts: IssueFacts; url: string }>, settings: Settings): BacklogEntry[] {
  return issues.map(({ facts, url }) => ({ number: facts.number, title: facts.title, url, analysis: analyze({ title: facts.title, body: facts.body }, settings) }));
}

/** The readiness history of the scoped deliverables, from the hidden state of the app's checklists. */
export async function readinessHistories(octokit: Octokit, repo: RepoRef, botLogin: string, issues: Array<{ facts: IssueFacts }>, entries: BacklogEntry[]): Promise<ReadinessHistory[]> {
  const histories: ReadinessHistory[] = [];
  for (const [i, { facts }] of issues.entries()) {
    if (entries[i]?.analysis.classification !== "scoped-deliverable" || !facts.hasComments) continue;
    const [comment] = await findChecklistComments(octokit, { ...repo, issue_number: facts.number }, botLogin);
    if (comment) histories.push({ createdAt: facts.createdAt, readyAt: readState(comment.body).readyAt ?? null });
  }
  return histories;
}
