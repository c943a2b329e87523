import { createHash } from "node:crypto";
import type { LoadResult } from "../config/load-settings.js";
import type { Settings } from "../config/schema.js";
import { parseCommands, type CommandProblem } from "../commands/parse-commands.js";
import { COMMAND_NAMES, type CommandName, type RepoRole } from "../plan/commands.js";

/** Commands that only answer, and so make sense on pull requests too. */
const ANSWERS = new Set<CommandName>(["explain", "template", "brief", "config", "help"]);
import { mayRun, needsRole, permissionFor } from "../commands/permissions.js";
import { briefReply, configReply, deniedReply, explainReply, helpReply, problemsReply, templateReply } from "../commands/replies.js";
import { sectionDefs, sectionText } from "../engine/analyze.js";
import { clamp } from "../engine/render-checklist.js";
import type { Analysis } from "../engine/types.js";
import type { ChecklistState } from "./checklist-state.js";
import { desiredState } from "./desired-state.js";

/** A comment's commands, queued with the issue they were written on. */
export interface CommandJob {
  commentId: number;
  author: string;
  body: string;
}

export interface CommandOutcome {
  commentId: number;
  reaction: "+1" | "-1" | "confused";
  /** One reply at most per comment, however many commands it holds. */
  reply: string | null;
  /** `/handoff backlog`: the dashboard is to be updated, and named in the reply. */
  dashboard?: boolean;
  /** Answers left out because this person had them on this issue within the window. */
  suppressed: number;
}

export interface CommandContext {
  settings: Settings;
  loaded: LoadResult;
  issue: { title: string; body: string; number: number; author: string | null; pullRequest: boolean };
  analysis: Analysis;
  /** The person's role in the repository, looked up only when a command needs it. */
  role: (username: string) => Promise<RepoRole | null>;
  /** True, and claimed, when `key` (already scoped to the issue) was not claimed within `ms`. */
  claim: (key: string, ms: number) => Promise<boolean>;
}

/**
 * Runs one comment's commands in order against the issue's state. Returns the new state, whether the
 * comment must be shown even where the app would stay quiet (`check`), and the comment's outcome.
 */
export async function runCommands(job: CommandJob, state: ChecklistState, ctx: CommandContext): Promise<{ state: ChecklistState; force: boolean; outcome: CommandOutcome; commands: number }> {
  const { settings, analysis } = ctx;
  // Parsed here, with this repository's sections (custom ones included).
  const parsed = parseCommands(job.body, sectionDefs(settings).map((d) => d.id));
  const problems: CommandProblem[] = [];
  const isAuthor = ctx.issue.author !== null && ctx.issue.author.toLowerCase() === job.author.toLowerCase();
  let role: RepoRole | null | undefined;
  const roleOf = async () => (role === undefined ? (role = await ctx.role(job.author)) : role);
  const parts: string[] = [];
  let denied = false;
  let force = false;
  let dashboard = false;
  let suppressed = 0;
  // Replies are rationed per person and issue, so that someone repeating a command (or many people
  // posting one) cannot make the app write a reply each time: the reaction still says it was heard.
  const mayReply = async (key: string, minutes: number) => minutes <= 0 || (await ctx.claim(`${job.author.toLowerCase()}:${key}`, minutes * 60_000));
  const answer = async (text: string) => {
    const digest = createHash("sha256").update(text).digest("base64url").slice(0, 22);
    if (await mayReply(`answer:${digest}`, settings.commands.answer_minutes)) parts.push(text);
    else suppressed++;
  };
  let replyToDenial: boolean | undefined;

  for (const command of parsed.commands) {
    // A pull request is not a work item the app labels: only the commands that answer apply there.
    if (ctx.issue.pullRequest && !ANSWERS.has(command.name)) {
      problems.push({ line: command.line, text: command.text, message: "works on issues, not on pull requests" });
      continue;
    }
    const permission = permissionFor(settings, command.name);
    const allowed = mayRun(permission, { role: needsRole(permission, { isAuthor }) ? await roleOf() : null, isAuthor });
    if (!allowed) {
      denied = true;
      replyToDenial ??= await mayReply("denied", settings.commands.denied_reply_minutes);
      if (replyToDenial) parts.push(deniedReply(command.name, permission));
      else suppressed++;
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
        await answer(explainReply(analysis, settings));
        break;
      case "template":
        await answer(templateReply(analysis.missing.filter((id) => !(state.na && id in state.na)), settings));
        break;
      case "brief": {
        const text = sectionText({ title: ctx.issue.title, body: ctx.issue.body }, settings);
        const effective = desiredState(analysis, settings, state, true).classification;
        await answer(briefReply(ctx.issue.title, ctx.issue.number, text, { ...analysis, classification: effective }, settings, state.na ?? {}));
        break;
      }
      case "backlog":
        dashboard = true;
        break;
      case "config":
        await answer(ctx.loaded.ok ? configReply(settings, ctx.loaded.files, ctx.loaded.origins ?? {}) : "The settings are invalid: see the configuration issue.");
        break;
      case "help": {
        const all = COMMAND_NAMES.map((name) => ({ name, permission: permissionFor(settings, name) }));
        const r = all.some((c) => needsRole(c.permission, { isAuthor })) ? await roleOf() : null;
        await answer(helpReply(all.filter((c) => mayRun(c.permission, { role: r, isAuthor })), all));
        break;
      }
    }
  }
  problems.unshift(...parsed.problems);
  if (problems.length) await answer(problemsReply(problems));
  const reaction = denied ? "-1" : problems.length ? "confused" : "+1";
  return { state, force, commands: parsed.commands.length, outcome: { commentId: job.commentId, reaction, reply: parts.length ? clamp(parts.join("\n\n---\n\n")) : null, suppressed, ...(dashboard ? { dashboard } : {}) } };
}
