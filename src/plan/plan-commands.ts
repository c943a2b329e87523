import { createHash } from "node:crypto";
import { parseCommands, type CommandProblem } from "../commands/parse-commands.js";
import { mayRun, needsRole, permissionFor } from "../commands/permissions.js";
import { briefReply, configReply, deniedReply, explainReply, helpReply, problemsReply, templateReply } from "../commands/replies.js";
import type { Settings } from "../config/schema.js";
import { sectionDefs, sectionText } from "../engine/analyze.js";
import { clamp } from "../engine/render-checklist.js";
import type { Analysis } from "../engine/types.js";
import type { ChecklistState } from "./checklist-state.js";
import { COMMAND_NAMES, type CommandName, type RepoRole } from "./commands.js";
import { isCommandJob, type CommandJob, type IssueJob, type ValidSettings } from "./snapshot.js";

/** Commands that only answer, and so make sense on pull requests too. */
const ANSWERS = new Set<CommandName>(["explain", "template", "brief", "config", "help"]);

/**
 * One part of a reply. Replies are rationed per person and issue, so that someone repeating a command
 * (or many people posting one) cannot make the app write a reply each time: a part with a `ration`
 * is posted only if its key (already scoped to the person) was not claimed on the issue within `ms`.
 * Parts of one reply with the same key share one claim.
 */
export interface ReplyPart {
  text: string;
  ration: { key: string; ms: number } | null;
}

/** What the app answers to one comment's commands. */
export interface CommandReply {
  commentId: number;
  reaction: "+1" | "-1" | "confused";
  /** At most one reply per comment, however many commands it holds: its parts, in order. */
  parts: ReplyPart[];
  /** Answers left out already: the same one twice in the comment. */
  suppressed: number;
  /** `/handoff backlog`: the dashboard is to be updated, and named in the reply. */
  dashboard: boolean;
}

/** The reply's text from the parts that are to be posted, or null when none is. */
export function replyText(parts: string[]): string | null {
  return parts.length ? clamp(parts.join("\n\n---\n\n")) : null;
}

interface Issue {
  title: string;
  body: string;
  number: number;
  author: string | null;
  pullRequest: boolean;
}

function isAuthorOf(issue: Pick<Issue, "author">, login: string): boolean {
  return issue.author !== null && issue.author.toLowerCase() === login.toLowerCase();
}

/** Whether a command may run on this kind of issue at all: on pull requests only the answering ones. */
function appliesTo(name: CommandName, issue: Pick<Issue, "pullRequest">): boolean {
  return !issue.pullRequest || ANSWERS.has(name);
}

/** The people whose role in the repository the jobs' commands need to know, each once. */
export function rolesNeeded(jobs: IssueJob[], issue: Pick<Issue, "author" | "pullRequest">, settings: Settings): string[] {
  const ids = sectionDefs(settings).map((d) => d.id);
  const people = new Map<string, string>();
  for (const job of jobs.filter(isCommandJob)) {
    const isAuthor = isAuthorOf(issue, job.author);
    const needs = (name: CommandName) => needsRole(permissionFor(settings, name), { isAuthor });
    const commands = parseCommands(job.body, ids).commands.filter((c) => appliesTo(c.name, issue));
    if (!people.has(job.author.toLowerCase()) && commands.some((c) => needs(c.name) || (c.name === "help" && COMMAND_NAMES.some(needs)))) people.set(job.author.toLowerCase(), job.author);
  }
  return [...people.values()];
}

/**
 * Plans one comment's commands in order against the issue's state: the new state, whether the
 * comment must be shown even where the app would stay quiet (`check`), and the reply and reaction.
 * `role` is the commenter's role, read beforehand where `rolesNeeded` said it is needed.
 */
export function planCommands(
  job: CommandJob,
  state: ChecklistState,
  ctx: { loaded: ValidSettings; issue: Issue; analysis: Analysis; role: RepoRole | null },
): { state: ChecklistState; force: boolean; reply: CommandReply; commands: number } {
  const { analysis } = ctx;
  const settings = ctx.loaded.settings;
  // Parsed here, with this repository's sections (custom ones included).
  const parsed = parseCommands(job.body, sectionDefs(settings).map((d) => d.id));
  const problems: CommandProblem[] = [];
  const isAuthor = isAuthorOf(ctx.issue, job.author);
  const runner = { role: ctx.role, isAuthor };
  const parts: ReplyPart[] = [];
  const claimed = new Set<string>();
  let denied = false;
  let force = false;
  let dashboard = false;
  let suppressed = 0;
  const ration = (key: string, minutes: number) => (minutes <= 0 ? null : { key: `${job.author.toLowerCase()}:${key}`, ms: minutes * 60_000 });
  const answer = (text: string) => {
    const digest = createHash("sha256").update(text).digest("base64url").slice(0, 22);
    const r = ration(`answer:${digest}`, settings.commands.answer_minutes);
    // The same answer twice in one comment: the second claim could only fail.
    if (r && claimed.has(r.key)) suppressed++;
    else parts.push({ text, ration: r });
    if (r) claimed.add(r.key);
  };

  for (const command of parsed.commands) {
    // A pull request is not a work item the app labels: only the commands that answer apply there.
    if (!appliesTo(command.name, ctx.issue)) {
      problems.push({ line: command.line, text: command.text, message: "works on issues, not on pull requests" });
      continue;
    }
    const permission = permissionFor(settings, command.name);
    if (!mayRun(permission, runner)) {
      denied = true;
      // Every denial in a comment shares one claim: one reply per person and window, however many.
      parts.push({ text: deniedReply(command.name, permission), ration: ration("denied", settings.commands.denied_reply_minutes) });
      continue;
    }
    const by = job.author;
    switch (command.name) {
      case "check":
        force = true;
        break;
      case "contract":
        state = { ...state, classification: { value: "scoped-deliverable", by, via: "command" } };
        break;
      case "hire":
        state = { ...state, classification: { value: "needs-owner", by, via: "command" } };
        break;
      case "reset":
        state = { v: 1 };
        break;
      case "na":
        state = { ...state, na: { ...state.na, [command.section!]: by } };
        break;
      case "ignore":
        state = { ...state, ignored: { by } };
        break;
      case "unignore": {
        const { ignored: _, ...rest } = state;
        state = rest;
        break;
      }
      case "explain":
        answer(explainReply(analysis, settings));
        break;
      case "template":
        answer(templateReply(analysis.missing.filter((id) => !(state.na && id in state.na)), settings));
        break;
      case "brief": {
        const text = sectionText({ title: ctx.issue.title, body: ctx.issue.body }, settings);
        const classification = state.classification?.value ?? analysis.classification;
        answer(briefReply(ctx.issue.title, ctx.issue.number, text, { ...analysis, classification }, settings, state.na ?? {}));
        break;
      }
      case "backlog":
        dashboard = true;
        break;
      case "config":
        answer(configReply(settings, ctx.loaded.files, ctx.loaded.origins ?? {}));
        break;
      case "help": {
        const all = COMMAND_NAMES.map((name) => ({ name, permission: permissionFor(settings, name) }));
        answer(helpReply(all.filter((c) => mayRun(c.permission, runner)), all));
        break;
      }
    }
  }
  problems.unshift(...parsed.problems);
  if (problems.length) answer(problemsReply(problems));
  const reaction = denied ? "-1" : problems.length ? "confused" : "+1";
  return { state, force, commands: parsed.commands.length, reply: { commentId: job.commentId, reaction, parts, suppressed, dashboard } };
}
