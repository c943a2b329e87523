import type { Context } from "probot";
import type { Handoff } from "../app/handoff.js";
import { SETTINGS_PATH } from "../config/load-settings.js";

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
    await handoff.enqueueSettingsCheck(context.octokit, { owner, repo }, { after: payload.after }, context.log);
  };
}
