import type { Probot } from "probot";
import { Handoff, type HandoffOptions } from "./app/handoff.js";
import { onCommentCreated } from "./handlers/comment-created.js";
import { onInstalled } from "./handlers/installed.js";
import { onIssueChanged } from "./handlers/issue-changed.js";
import { onIssueLabelled } from "./handlers/issue-labelled.js";
import { onLabelChanged } from "./handlers/label-changed.js";
import { onPullRequest } from "./handlers/pull-request.js";
import { onPush } from "./handlers/settings-pushed.js";

/** The Probot app: wires each event to its handler. */
export function handoff(options: HandoffOptions = {}) {
  return (app: Probot): Handoff => {
    const state = new Handoff(app, options);
    app.on(["issues.opened", "issues.edited", "issues.reopened"], onIssueChanged(state));
    app.on(["issues.labeled", "issues.unlabeled"], onIssueLabelled(state));
    app.on("issue_comment.created", onCommentCreated(state));
    app.on("push", onPush(state));
    app.on(["label.deleted", "label.edited"], onLabelChanged(state));
    app.on(["installation.created", "installation_repositories.added"], onInstalled(state));
    app.on(["pull_request.opened", "pull_request.reopened", "pull_request.synchronize", "pull_request.edited"], onPullRequest(state));
    return state;
  };
}

export default handoff({ ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}) });
