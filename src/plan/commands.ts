/**
 * The slash commands and the roles that may run them, defined once: the settings schema validates
 * `commands.permissions` against these lists, and the command parser and permission checks use them.
 */

/** The `/handoff` commands, in the order `/handoff help` lists them. */
export const COMMAND_NAMES = ["check", "explain", "contract", "hire", "reset", "na", "ignore", "unignore", "template", "brief", "config", "backlog", "help"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** A person's role in a repository, lowest first, as GitHub's collaborator permission API names them. */
export const REPO_ROLES = ["read", "triage", "write", "maintain", "admin"] as const;
export type RepoRole = (typeof REPO_ROLES)[number];

/** What `commands.permissions` may require for a command: a lowest role, or the author (and triage and above). */
export const PERMISSION_LEVELS = [...REPO_ROLES, "author"] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];
