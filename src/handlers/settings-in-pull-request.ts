import type { Context } from "probot";
import type { Handoff } from "../app/handoff.js";
import { loadSettings, SETTINGS_PATH } from "../config/load-settings.js";
import { createSettingsCheck } from "../github/settings-check-run.js";
import { settingsFetcher } from "../github/settings-files.js";
import { statusOf } from "../github/types.js";

type PullRequestChanged = Context<"pull_request.opened" | "pull_request.reopened" | "pull_request.synchronize">;

/** A pull request that changes the settings file gets the file checked on its head commit. */
export function onPullRequest(handoff: Handoff) {
  return async (context: PullRequestChanged): Promise<void> => {
    if (!handoff.deliveries.first(context.id)) return context.log.debug({ reason: "repeated delivery" }, "skipped");
    const { owner, repo } = context.repo();
    const pr = context.payload.pull_request;
    handoff.queue.enqueue(`pull/${owner}/${repo}#${pr.number}`.toLowerCase(), async () => {
      const octokit = context.octokit;
      const files = await octokit.paginate("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", { owner, repo, pull_number: pr.number, per_page: 100 });
      const changed = files.find((f) => f.filename === SETTINGS_PATH && f.status !== "removed");
      if (!changed) return context.log.debug({ reason: "settings file not changed", pull: pr.number }, "skipped");
      // The head commit is reachable from the base repository, also for pull requests from forks.
      let text: string | null;
      try {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner, repo, path: SETTINGS_PATH, ref: pr.head.sha, mediaType: { format: "raw" } });
        text = typeof data === "string" ? data : null;
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
        text = null;
      }
      const result = await loadSettings(owner, repo, settingsFetcher(octokit, { file: { owner, repo, path: SETTINGS_PATH }, text }));
      await createSettingsCheck(octokit, { owner, repo }, pr.head.sha, result.ok ? [] : result.problems);
      context.log.info({ pull: pr.number, valid: result.ok }, "settings checked in a pull request");
    });
  };
}
