import type { Context } from "probot";
import type { Handoff } from "../app/handoff.js";
import { labelEventSkipReason } from "../plan/skip-rules.js";

type IssueLabelled = Context<"issues.labeled" | "issues.unlabeled">;

/** A person added or removed one of the app's labels: a decision the app records and keeps. */
export function onIssueLabelled(handoff: Handoff) {
  return async (context: IssueLabelled): Promise<void> => {
    const { owner, repo } = context.repo();
    const label = context.payload.label?.name;
    const skip = !(await handoff.firstDelivery(context.id))
      ? "repeated delivery"
      : labelEventSkipReason({ senderIsBot: context.payload.sender.type === "Bot", appLabel: Boolean(label) && handoff.mayBeAppLabel(owner, repo, label!) });
    if (skip || !label) return context.log.debug({ reason: skip, issue: context.payload.issue.number }, "skipped");
    await handoff.enqueueIssue(context, { label, added: context.payload.action === "labeled", by: context.payload.sender.login });
  };
}
