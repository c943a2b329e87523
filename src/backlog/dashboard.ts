import type { Settings } from "../config/schema.js";
import { clamp } from "../engine/render-checklist.js";
import { DASHBOARD_MARKER, upsertDashboard } from "../github/dashboard-issue.js";
import type { Octokit, RepoRef } from "../github/types.js";
import { entriesOf, listOpenIssues, readinessHistories } from "./collect.js";
import { readinessMetrics, renderReadiness } from "./readiness.js";
import { buildReport, renderMarkdown } from "./report.js";

/** The dashboard's text: the backlog report and the readiness figures. */
export function renderDashboard(reportMarkdown: string, readiness: string): string {
  return clamp([DASHBOARD_MARKER, reportMarkdown, "", "### Readiness", "", readiness, "", "_Updated by `/handoff backlog`._"].join("\n"));
}

/** Builds the backlog report of the repository and writes it to the one dashboard issue. */
export async function updateDashboard(octokit: Octokit, repo: RepoRef, settings: Settings, botLogin: string): Promise<{ number: number; written: boolean }> {
  const { issues, dashboard } = await listOpenIssues(octokit, repo, botLogin);
  const entries = entriesOf(issues, settings);
  const report = buildReport(`${repo.owner}/${repo.repo}`, entries, settings);
  const metrics = readinessMetrics(await readinessHistories(octokit, repo, botLogin, issues, entries));
  return upsertDashboard(octokit, repo, dashboard, renderDashboard(renderMarkdown(report, settings), renderReadiness(metrics)));
}
