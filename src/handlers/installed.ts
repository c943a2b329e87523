import type { Context } from "probot";
import type { Handoff } from "../app/handoff.js";

type Installed = Context<"installation.created" | "installation_repositories.added">;

/** The app was installed on repositories: backfill those whose settings ask for it. */
export function onInstalled(handoff: Handoff) {
  return async (context: Installed): Promise<void> => {
    if (!(await handoff.firstDelivery(context.id))) return context.log.debug({ reason: "repeated delivery" }, "skipped");
    const repositories = "repositories_added" in context.payload ? context.payload.repositories_added : (context.payload.repositories ?? []);
    for (const r of repositories) {
      const [owner, repo] = r.full_name.split("/");
      if (owner && repo) await handoff.enqueueBackfill(context.octokit, context.payload.installation.id, owner, repo, context.log);
    }
  };
}
