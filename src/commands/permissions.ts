import type { Settings } from "../config/schema.js";
import { REPO_ROLES, type CommandName, type RepoRole } from "../plan/commands.js";

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
  const configured = settings.commands.permissions[name];
  if (!configured) return DEFAULTS[name];
  // "author": the author, or triage and above.
  if (configured === "author") return { role: "triage", author: true };
  return { role: configured, author: false };
}

export function roleAtLeast(role: RepoRole | null, needed: RepoRole): boolean {
  return role !== null && REPO_ROLES.indexOf(role) >= REPO_ROLES.indexOf(needed);
}

/** Who is running a command: their role (null when they have none in the repository), and whether they opened the issue. */
export interface Runner {
  role: RepoRole | null;
  isAuthor: boolean;
}

/** Whether a person may run the command. */
export function mayRun(permission: Permission, { role, isAuthor }: Runner): boolean {
  if (permission.role === "read") return true;
  return (permission.author && isAuthor) || roleAtLeast(role, permission.role);
}

/** Whether running the command needs the person's role looked up at all. */
export function needsRole(permission: Permission, { isAuthor }: Pick<Runner, "isAuthor">): boolean {
  return permission.role !== "read" && !(permission.author && isAuthor);
}

/** "triage (or the author)": how a reply names who may run a command. */
export function describePermission(p: Permission): string {
  const role = p.role === "read" ? "anyone who can read the repository" : `the ${p.role} role or above`;
  return p.author && p.role !== "read" ? `${role}, or the issue's author` : role;
}
