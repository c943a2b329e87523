import { REPO_ROLES, type RepoRole } from "../plan/commands.js";
import { statusOf, type Octokit, type RepoRef } from "./types.js";

/**
 * A person's role in the repository from the collaborator permission API. `role_name` is read, not
 * `permission`, which reports triage as read and maintain as write; a custom role falls back to
 * `permission`. Someone who is not a collaborator has no role (null).
 */
export async function collaboratorRole(octokit: Octokit, repo: RepoRef, username: string): Promise<RepoRole | null> {
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", { ...repo, username });
    const name = (data.role_name ?? "").toLowerCase();
    if ((REPO_ROLES as readonly string[]).includes(name)) return name as RepoRole;
    const permission = (data.permission ?? "").toLowerCase();
    return (REPO_ROLES as readonly string[]).includes(permission) ? (permission as RepoRole) : null;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

/** Caches roles briefly: a command burst costs one lookup per person, a demotion takes effect soon. */
export class RoleCache {
  private readonly roles = new Map<string, { role: RepoRole | null; at: number }>();

  constructor(private readonly ttlMs = 5 * 60 * 1000) {}

  async get(octokit: Octokit, repo: RepoRef, username: string): Promise<RepoRole | null> {
    const key = `${repo.owner}/${repo.repo}/${username}`.toLowerCase();
    const hit = this.roles.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.role;
    const role = await collaboratorRole(octokit, repo, username);
    this.roles.set(key, { role, at: Date.now() });
    if (this.roles.size > 10_000) this.roles.delete(this.roles.keys().next().value!);
    return role;
  }
}

export type Reaction = "+1" | "-1" | "confused" | "eyes";

export async function react(octokit: Octokit, repo: RepoRef, commentId: number, content: Reaction): Promise<void> {
  await octokit.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", { ...repo, comment_id: commentId, content });
}
