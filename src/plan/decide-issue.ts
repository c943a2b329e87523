import type { Settings } from "../config/schema.js";
import { renderChecklist } from "../engine/render-checklist.js";
import type { Analysis, Classification } from "../engine/types.js";
import { writeState, type ChecklistState } from "./checklist-state.js";
import { labelsFor } from "./labels.js";

/** What an issue should show: the app's labels on it (null: leave them), and its checklist comment (null: none). */
export interface IssueDecision {
  classification: Classification;
  ready: boolean;
  labels: string[] | null;
  comment: string | null;
}

const NAMES: Record<Classification, string> = { "scoped-deliverable": "scoped deliverable", "needs-owner": "needs an owner", unclear: "unclear" };

/**
 * Whether a scoped deliverable is ready to hand off: every required section present or marked not
 * applicable, unless a person set a readiness label by hand, which decides.
 */
export function isReady(classification: Classification, missing: string[], state: ChecklistState): boolean {
  if (classification !== "scoped-deliverable") return false;
  const readiness = state.readiness ?? {};
  if (readiness.ready?.present === false || readiness.incomplete?.present === true) return false;
  if (readiness.ready?.present === true || readiness.incomplete?.present === false) return true;
  return missing.length === 0;
}

/**
 * Combines the engine's analysis with the decisions people made (kept in the comment's state) into
 * the labels and comment the issue should have. `hasComment`: the issue has the app's checklist (an
 * unclear issue keeps one it has); `force`: someone asked (`/handoff check`), so the comment is shown
 * even where the app would stay quiet.
 */
export function decideIssue(analysis: Analysis, settings: Settings, state: ChecklistState, { hasComment, force = false }: { hasComment: boolean; force?: boolean }): IssueDecision {
  const names = settings.labels;
  const classification = state.classification?.value ?? analysis.classification;
  const na = state.na ?? {};
  const missing = analysis.missing.filter((id) => !(id in na));
  const ready = isReady(classification, missing, state);
  const labels = labelsFor({ classification, ready }, settings);

  const notes: string[] = [];
  if (state.ignored) notes.push(`handoff is ignoring this issue (set by @${state.ignored.by} with /handoff ignore; /handoff unignore resumes).`);
  if (state.classification) {
    const how = state.classification.via === "command" ? `with /handoff ${state.classification.value === "needs-owner" ? "hire" : "contract"}` : "(label edit)";
    notes.push(`Classification set to ${NAMES[state.classification.value]} by @${state.classification.by} ${how}.`);
  }
  for (const [key, d] of Object.entries(state.readiness ?? {})) {
    if (d) notes.push(`Label "${key === "ready" ? names.ready.name : names.incomplete.name}" ${d.present ? "added" : "removed"} by @${d.by}.`);
  }
  const hidden = writeState(state);
  const effective: Analysis = { ...analysis, classification, ready, labels, missing };

  let comment: string | null = renderChecklist(effective, { settings, ...(hidden ? { state: hidden } : {}), notes, notApplicable: na });
  // No comment where none is wanted, unless the app must keep a decision in it or someone asked.
  // (When the issue became ready is bookkeeping, not a decision: it does not keep a comment alive.)
  const decisions = writeState({ ...state, readyAt: undefined });
  if (!decisions && !force && classification === "unclear" && !hasComment) comment = null;
  if (!decisions && ready && settings.comment.on_ready === "delete") comment = null;
  // Ignored: the comment says so and keeps the state; the labels stay as they are.
  return { classification, ready, labels: state.ignored ? null : labels, comment };
}
