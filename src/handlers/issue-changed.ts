import type { Context } from "probot";
import type { Handoff } from "../app/handoff.js";
import { issueEventSkipReason } from "../plan/skip-rules.js";

type IssueChanged = Context<"issues.opened" | "issues.edited" | "issues.reopened">;

/** An issue was opened, edited or reopened: queue it for analysis. */
export function onIssueChanged(handoff: Handoff) {
  return async (context: IssueChanged): Promise<void> => {
    const { payload } = context;
    const skip = !(await handoff.firstDelivery(context.id))
      ? "repeated delivery"
      : issueEventSkipReason({
          senderIsBot: payload.sender.type === "Bot",
          edited: payload.action === "edited",
          titleOrBodyChanged: payload.action === "edited" && Boolean(payload.changes.title || payload.changes.body),
        });
    if (skip) return context.log.debug({ reason: skip, issue: context.payload.issue.number }, "skipped");
    await handoff.enqueueIssue(context);
  };
}
