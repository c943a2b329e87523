import type { LoadResult } from "../config/load-settings.js";
import { APP_LABEL_KEYS } from "../plan/labels.js";
import type { Octokit, RepoRef } from "./types.js";

/**
 * Warnings for a settings file that names, for one of the app's labels, a label the repository
 * already has as someone else's (another colour or description than the settings give it): the app
 * would then add and remove that label as its own. Reads the labels only when the file names one.
 */
export async function foreignLabelWarnings(octokit: Octokit, repo: RepoRef, result: LoadResult): Promise<string[]> {
  if (!result.ok) return [];
  const named = APP_LABEL_KEYS.filter((k) => result.origins?.[`labels.${k}.name`] !== undefined);
  if (!named.length) return [];
  const labels = await octokit.paginate("GET /repos/{owner}/{repo}/labels", { ...repo, per_page: 100 });
  return named.flatMap((key) => {
    const spec = result.settings.labels[key];
    const found = labels.find((l) => l.name.toLowerCase() === spec.name.toLowerCase());
    if (!found || (found.color.toLowerCase() === spec.color && (found.description ?? "") === spec.description)) return [];
    return [`labels.${key}.name: "${spec.name}" is already a label of this repository, with another colour or description; handoff would add and remove it on issues as its own. Give handoff's label a name of its own, unless that label is meant to be handoff's.`];
  });
}
