import type { Context } from "probot";
import type { Handoff } from "../app/handoff.js";
import { closingRefs } from "../plan/closing-refs.js";
import { planAcceptanceChecks, type LinkedIssue } from "../plan/plan-pull-request.js";
import { loadSettings, SETTINGS_PATH } from "../config/load-settings.js";
import { findAcceptanceChecks, upsertAcceptanceCheck } from "../github/acceptance-check-run.js";
import { foreignLabelWarnings } from "../github/label-warnings.js";
import { createSettingsCheck } from "../github/settings-check-run.js";
import { settingsFetcher } from "../github/settings-files.js";
import { readLinkedIssue, settingsFileInPull } from "../github/pull-request-reads.js";

type PullRequestChanged = Context<"pull_request.opened" | "pull_request.reopened" | "pull_request.synchronize" | "pull_request.edited">;

/** What a pull request's event brings to its run. */
interface PullEvent {
  number: number;
  headSha: string;
  body: string;
  action: PullRequestChanged["payload"]["action"];
}

/**
 * A pull request changed: check its settings file if it changes one, and report the acceptance
 * criteria of the scoped deliverables it closes on its head commit.
 */
export function onPullRequest(handoff: Handoff) {
  return async (context: PullRequestChanged): Promise<void> => {
    if (!(await handoff.firstDelivery(context.id))) return context.log.debug({ reason: "repeated delivery" }, "skipped");
    const { owner, repo } = context.repo();
    const pr = context.payload.pull_request;
    const event: PullEvent = { number: pr.number, headSha: pr.head.sha, body: pr.body ?? "", action: context.payload.action };
    // Events that come together are reported once, from the last one (the newest head commit).
    await handoff.enqueue<PullEvent>(`pull/${owner}/${repo}#${pr.number}`.toLowerCase(), event, async ({ jobs: events }) => {
      const last = events.at(-1);
      if (!last) return;
      // An edit changes the text, not the files.
      if (events.some((e) => e.action !== "edited")) await checkSettingsFile(context, last.number, last.headSha);
      await reportAcceptance(handoff, context, last, { mayExist: events.some((e) => e.action === "edited" || e.action === "reopened") });
    });
  };
}

async function checkSettingsFile(context: PullRequestChanged, pullNumber: number, headSha: string): Promise<void> {
  const { owner, repo } = context.repo();
  const octokit = context.octokit;
  const text = await settingsFileInPull(octokit, { owner, repo }, { number: pullNumber, headSha });
  if (text === undefined) return context.log.debug({ reason: "settings file not changed", pull: pullNumber }, "skipped");
  const result = await loadSettings(owner, repo, settingsFetcher(octokit, { file: { owner, repo, path: SETTINGS_PATH }, text }));
  await createSettingsCheck(octokit, { owner, repo }, headSha, result.ok ? [] : result.problems, await foreignLabelWarnings(octokit, { owner, repo }, result));
  context.log.info({ pull: pullNumber, valid: result.ok }, "settings checked in a pull request");
}

async function reportAcceptance(handoff: Handoff, context: PullRequestChanged, pr: PullEvent, { mayExist }: { mayExist: boolean }): Promise<void> {
  const { owner, repo } = context.repo();
  const octokit = context.octokit;
  const refs = closingRefs(pr.body, owner, repo);
  if (!refs.length) return;
  const settings = await handoff.settings(octokit, owner, repo);
  if (!settings.ok || !settings.settings.pull_requests) return context.log.debug({ reason: settings.ok ? "pull_requests: false" : "settings invalid", pull: pr.number }, "skipped");
  // 1. Read: the linked issues, each with its repository's settings, and the app's check runs there may be.
  // Only after an edit or a reopen can the app's check runs already be on this commit.
  const existing = mayExist ? await findAcceptanceChecks(octokit, { owner, repo }, pr.headSha) : [];
  const linked: LinkedIssue[] = [];
  for (const ref of refs) {
    const same = ref.owner.toLowerCase() === owner.toLowerCase() && ref.repo.toLowerCase() === repo.toLowerCase();
    const refSettings = same ? settings : await handoff.settings(octokit, ref.owner, ref.repo);
    if (!refSettings.ok) continue;
    const facts = await readLinkedIssue(octokit, { owner: ref.owner, repo: ref.repo, issue_number: ref.number });
    if (facts) linked.push({ name: same ? `#${ref.number}` : `${ref.owner}/${ref.repo}#${ref.number}`, facts, settings: refSettings.settings });
  }
  // 2. Plan, pure: which linked issues get a check run, and with what.
  const checks = planAcceptanceChecks(linked);
  // 3. Apply: one check run per issue on the head commit, the app's earlier one updated.
  for (const check of checks) await upsertAcceptanceCheck(octokit, { owner, repo }, pr.headSha, check, existing);
  context.log.info({ pull: pr.number, linked: refs.length, reported: checks.length }, "acceptance reported");
}
