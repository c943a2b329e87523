import type { Context } from "probot";
import type { Handoff } from "../app/handoff.js";
import { labelChangeSkipReason } from "../plan/skip-rules.js";

type LabelChanged = Context<"label.deleted" | "label.edited">;

/**
 * One of the app's labels was deleted or edited in the repository: the app puts it back with its
 * name, colour and description, or the next issue would get it in GitHub's grey.
 */
export function onLabelChanged(handoff: Handoff) {
  return async (context: LabelChanged): Promise<void> => {
    const { owner, repo } = context.repo();
    const { label } = context.payload;
    // The app's own repairs come back as events too: they are not repaired again.
    const skip = !(await handoff.firstDelivery(context.id)) ? "repeated delivery" : labelChangeSkipReason({ senderIsBot: context.payload.sender.type === "Bot" });
    if (skip) return context.log.debug({ reason: skip, label: label.name }, "skipped");
    const changes = context.payload.action === "edited" ? context.payload.changes : undefined;
    const current = context.payload.action === "deleted" ? null : { name: label.name, color: label.color, description: label.description ?? "" };
    await handoff.enqueueLabelRepair(context.octokit, owner, repo, { name: changes?.name?.from ?? label.name, current }, context.log);
  };
}
