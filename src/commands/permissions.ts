import type { Settings } from "../config/schema.js";
import type { CommandName } from "./parse-commands.js";

export const ROLES = ["read", "triage", "write", "maintain", "admin"] as const;
export type RepoRole = (typeof ROLES)[number];

/** Who may run a command: a lowest role, and whether the author may too. */
export interface Permission {
  role: RepoRole;
  author: boolean;
}

const DEFAULTS: Record<CommandName, Permission> = {
  check: { role: "triage", author: true },
  explain: { role: "read", author: true },
  contract: { role: "triage", author: false },
  hire: { role: "triage", author: false },
  reset: { role: "triage", author: false },
  na: { role: "triage", author: true },
  ignore: { role: "triage", author: false },
  unignore: { role: "triage", author: false },
  template: { role: "read", author: true },
  brief: { role: "triage", author: true },
  config: { role: "triage", author: false },
  backlog: { role: "triage", author: false },
  help: { role: "read", author: true },
};

/** The permission for a command: the settings' `commands.permissions`, else the default. */
export function permissionFor(settings: Settings, name: CommandName): Permission {
  const configured = (settings.commands.permissions as Partial<Record<string, string>>)[name];
  if (!configured) return DEFAULTS[name];
  // "author": the author, or triage and above.
  if (configured === "author") return { role: "triage", author: true };
  return { role: configured as RepoRole, author: false };
}

export function roleAtLeast(role: RepoRole | null, needed: RepoRole): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Whether a person may run the command. `role` is null when the person has no role in the repository. */
export function mayRun(permission: Permission, role: RepoRole | null, isAuthor: boolean): boolean {
  if (permission.role === "read") return true;
  return (permission.author && isAuthor) || roleAtLeast(role, permission.role);
}

/** Whether running the command needs the person's role looked up at all. */
export function needsRole(permission: Permission, isAuthor: boolean): boolean {
  return permission.role !== "read" && !(permission.author && isAuthor);
}

/** "triage (or the author)": how a reply names who may run a command. */
export function describePermission(p: Permission): string {
  const role = p.role === "read" ? "anyone who can read the repository" : `the ${p.role} role or above`;
  return p.author && p.role !== "read" ? `${role}, or the issue's author` : role;
}
