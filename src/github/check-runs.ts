import type { Octokit, RepoRef } from "./types.js";

/** The latest check runs of a name on a commit, with the external id each was created with. */
export async function findCheckRuns(octokit: Octokit, repo: RepoRef, ref: string, name: string): Promise<Array<{ id: number; external_id: string | null }>> {
  const runs = await octokit.paginate("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", { ...repo, ref, check_name: name, filter: "latest", per_page: 100 });
  return runs.map((r) => ({ id: r.id, external_id: r.external_id ?? null }));
}
