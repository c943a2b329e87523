import type { Context } from "probot";
import type { Handoff } from "../app/handoff.js";

type IssueChanged = Context<"issues.opened" | "issues.edited" | "issues.reopened">;

/** An issue was opened, edited or reopened: queue it for analysis. */
export function onIssueChanged(handoff: Handoff) {
  return async (context: IssueChanged): Promise<void> => {
    const skip = !(await handoff.firstDelivery(context.id))
      ? "repeated delivery"
      : context.payload.sender.type === "Bot"
        ? "sent by a bot"
        : context.payload.action === "edited" && !context.payload.changes.title && !context.payload.changes.body
          ? "neither title nor body changed"
          : null;
    if (skip) return context.log.debug({ reason: skip, issue: context.payload.issue.number }, "skipped");
    await handoff.enqueueIssue(context);
  };
}
