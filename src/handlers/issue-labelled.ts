import type { Context } from "probot";
import type { Handoff } from "../app/handoff.js";

type IssueLabelled = Context<"issues.labeled" | "issues.unlabeled">;

/** A person added or removed one of the app's labels: a decision the app records and keeps. */
export function onIssueLabelled(handoff: Handoff) {
  return async (context: IssueLabelled): Promise<void> => {
    const { owner, repo } = context.repo();
    const label = context.payload.label?.name;
    const skip = !(await handoff.firstDelivery(context.id))
      ? "repeated delivery"
      : context.payload.sender.type === "Bot"
        ? "sent by a bot"
        : !label || !handoff.mayBeAppLabel(owner, repo, label)
          ? "not one of the app's labels"
          : null;
    if (skip || !label) return context.log.debug({ reason: skip, issue: context.payload.issue.number }, "skipped");
    await handoff.enqueueIssue(context, { label, added: context.payload.action === "labeled", by: context.payload.sender.login });
  };
}
