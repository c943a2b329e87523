import type { Context } from "probot";
import type { Handoff } from "../app/handoff.js";
import { commentEventSkipReason } from "../plan/skip-rules.js";
import { parseCommands } from "../commands/parse-commands.js";
import { SECTION_IDS } from "../engine/section-defs.js";

/**
 * A new comment: if it holds `/handoff` commands, queue them with the issue. Comments by bots, the
 * app included, are never read as commands, and a comment without a command costs no request.
 */
export function onCommentCreated(handoff: Handoff) {
  return async (context: Context<"issue_comment.created">): Promise<void> => {
    const { comment } = context.payload;
    const body = comment.body ?? "";
    const skip = !(await handoff.firstDelivery(context.id))
      ? "repeated delivery"
      : commentEventSkipReason({ authorIsBot: comment.user?.type === "Bot", senderIsBot: context.payload.sender.type === "Bot" });
    if (skip) return context.log.debug({ reason: skip, issue: context.payload.issue.number }, "skipped");
    // Any line that looks like a command, known or not, gets an answer; the run parses it again with
    // the repository's own sections.
    const parsed = parseCommands(body, SECTION_IDS);
    if (!parsed.commands.length && !parsed.problems.length) return;
    await handoff.enqueueIssue(context, { commentId: comment.id, author: comment.user?.login ?? "ghost", body });
  };
}
