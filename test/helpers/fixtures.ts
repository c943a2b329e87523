import { APP_SLUG, BOT, INSTALLATION } from "./app.js";
import { github } from "./github.js";

/** The repository of the webhook examples. */
export const REPO = "/repos/Codertocat/Hello-World";
export const SETTINGS = "/contents/.github%2Fhandoff.yml";
export const RAW = { "content-type": "application/vnd.github.raw+json; charset=utf-8" };

export const APP_LABELS = [
  { name: "scoped-deliverable", color: "0e8a16", description: "Bounded work with a finish line" },
  { name: "needs-owner", color: "5319e7", description: "Needs long-term embedded ownership" },
  { name: "handoff-ready", color: "1d76db", description: "Spec complete: can be handed off" },
  { name: "needs-spec", color: "fbca04", description: "Spec sections missing" },
];

export function label(name: string) {
  return { id: name.length, node_id: "x", url: `https://api.github.com${REPO}/labels/${name}`, name, color: "ededed", default: false, description: null };
}

/** A comment written by the app. */
export function appComment(id: number, body: string) {
  return { id, node_id: "c", url: "u", html_url: "h", issue_url: "i", body, user: { login: BOT, id: 9, type: "Bot" }, created_at: "2024-01-01T00:00:00Z", updated_at: "2024-01-01T00:00:00Z", author_association: "NONE" };
}

export function token() {
  return github().post(`/app/installations/${INSTALLATION}/access_tokens`).reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z" });
}

export function noSettings() {
  return github().get(`${REPO}${SETTINGS}`).reply(404, { message: "Not Found" }).get(`/repos/Codertocat/.github${SETTINGS}`).reply(404, { message: "Not Found" });
}

export function appLogin() {
  return github().get("/app").reply(200, { id: 1, slug: APP_SLUG, name: "handoff" });
}

export function labelsExist() {
  return github().get(`${REPO}/labels`).query({ per_page: 100 }).reply(200, APP_LABELS.map((l) => label(l.name)));
}

/** The reads of a cold app on issue 1 that has comments: token, no settings file, the app's login, the comments. */
export function coldIssue(comments: unknown[]) {
  token();
  noSettings();
  appLogin();
  github().get(`${REPO}/issues/1/comments`).query({ per_page: 100 }).reply(200, comments);
}
