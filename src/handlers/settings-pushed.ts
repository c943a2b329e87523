import type { Context } from "probot";
import type { Handoff } from "../app/handoff.js";
import { SETTINGS_PATH } from "../config/load-settings.js";
import { foreignLabelWarnings } from "../github/label-warnings.js";
import { createSettingsCheck } from "../github/settings-check-run.js";

const NULL_SHA = /^0+$/;

/**
 * A push to the default branch that touches the settings file: forget the cached settings, check
 * the new ones on the pushed commit, and open, update or close the configuration issue.
 */
export function onPush(handoff: Handoff) {
  return async (context: Context<"push">): Promise<void> => {
    const { payload } = context;
    const { owner, repo } = context.repo();
    const touched = payload.commits.some((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].includes(SETTINGS_PATH));
    const skip = !(await handoff.firstDelivery(context.id))
      ? "repeated delivery"
      : payload.ref !== `refs/heads/${payload.repository.default_branch}`
        ? "not the default branch"
        : !touched
          ? "settings file not changed"
          : NULL_SHA.test(payload.after)
            ? "branch deleted"
            : null;
    if (skip) return context.log.debug({ reason: skip, repo: `${owner}/${repo}` }, "skipped");
    await handoff.settingsPushed(owner, repo);
    // Pushes that come together are checked once, on the last one's commit.
    await handoff.enqueue<{ after: string }>(`settings/${owner}/${repo}`.toLowerCase(), { after: payload.after }, async ({ jobs: pushes }) => {
      const last = pushes.at(-1);
      if (!last) return;
      const result = await handoff.settings(context.octokit, owner, repo);
      const warnings = await foreignLabelWarnings(context.octokit, { owner, repo }, result);
      await createSettingsCheck(context.octokit, { owner, repo }, last.after, result.ok ? [] : result.problems, warnings);
      const writes = 1 + (await handoff.reportSettings(context.octokit, { owner, repo }, result, { lookUp: true }));
      context.log.info({ repo: `${owner}/${repo}`, valid: result.ok, writes }, "settings checked after a push");
    });
  };
}
