import type { Settings } from "../config/schema.js";
import { renderChecklist } from "../engine/render-checklist.js";
import type { Analysis, Classification } from "../engine/types.js";
import { writeState, type ChecklistState } from "./checklist-state.js";

/** What an issue should show: the app's labels on it (null: leave them), and its checklist comment (null: none). */
export interface DesiredState {
  classification: Classification;
  ready: boolean;
  labels: string[] | null;
  comment: string | null;
}

const NAMES: Record<Classification, string> = { "scoped-deliverable": "scoped deliverable", "needs-owner": "needs an owner", unclear: "unclear" };

export interface DesiredOptions {
  /** Someone asked (`/handoff check`): show the comment even where the app would stay quiet. */
  force?: boolean;
}

/**
 * Combines the engine's analysis with the decisions people made (kept in the comment's state) into
 * the labels and comment the issue should have. Pure: the reconciler compares it with GitHub.
 */
export function desiredState(analysis: Analysis, settings: Settings, state: ChecklistState, hasComment: boolean, options: DesiredOptions = {}): DesiredState {
  const names = settings.labels;
  const classification = state.classification?.value ?? analysis.classification;
  const na = state.na ?? {};
  const missing = analysis.missing.filter((id) => !(id in na));
  let ready = classification === "scoped-deliverable" && missing.length === 0;
  const readiness = state.readiness ?? {};
  if (classification === "scoped-deliverable") {
    if (readiness.ready?.present === true || readiness.incomplete?.present === false) ready = true;
    if (readiness.ready?.present === false || readiness.incomplete?.present === true) ready = false;
  }
  const labels =
    classification === "scoped-deliverable" ? [names.scoped.name, ready ? names.ready.name : names.incomplete.name] : classification === "needs-owner" ? [names.owner.name] : [];

  const notes: string[] = [];
  if (state.ignored) notes.push(`handoff is ignoring this issue (set by @${state.ignored.by} with /handoff ignore; /handoff unignore resumes).`);
  if (state.classification) {
    const how = state.classification.via === "command" ? `with /handoff ${state.classification.value === "needs-owner" ? "hire" : "contract"}` : "(label edit)";
    notes.push(`Classification set to ${NAMES[state.classification.value]} by @${state.classification.by} ${how}.`);
  }
  for (const [key, d] of Object.entries(readiness)) {
    if (d) notes.push(`Label "${key === "ready" ? names.ready.name : names.incomplete.name}" ${d.present ? "added" : "removed"} by @${d.by}.`);
  }
  const hidden = writeState(state);
  const effective: Analysis = { ...analysis, classification, ready, labels, missing };

  let comment: string | null = renderChecklist(effective, { settings, ...(hidden ? { state: hidden } : {}), notes, notApplicable: na });
  // No comment where none is wanted, unless the app must keep a decision in it or someone asked.
  // (When the issue became ready is bookkeeping, not a decision: it does not keep a comment alive.)
  const decisions = writeState({ ...state, readyAt: undefined });
  if (!decisions && !options.force && classification === "unclear" && !hasComment) comment = null;
  if (!decisions && ready && settings.comment.on_ready === "delete") comment = null;
  // Ignored: the comment says so and keeps the state; the labels stay as they are.
  return { classification, ready, labels: state.ignored ? null : labels, comment };
}
