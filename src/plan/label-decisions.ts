import type { Settings } from "../config/schema.js";
import type { Classification } from "../engine/types.js";
import type { ChecklistState } from "./checklist-state.js";
import { appLabelKey } from "./labels.js";
import type { LabelDecision } from "./snapshot.js";

/**
 * Records a person's label edit as a decision the app will not revert. Adding a classification label
 * sets the classification; removing the one in force sets it to unclear (no classification label).
 * Readiness labels are kept as set. `current` is the classification in force before the edit.
 */
export function applyLabelDecision(state: ChecklistState, settings: Settings, decision: LabelDecision, current: Classification): ChecklistState {
  const key = appLabelKey(settings, decision.label);
  if (!key) return state;
  if (key === "scoped" || key === "owner") {
    const value: Classification = key === "scoped" ? "scoped-deliverable" : "needs-owner";
    if (decision.added) return { ...state, classification: { value, by: decision.by, via: "label" } };
    if (current === value) return { ...state, classification: { value: "unclear", by: decision.by, via: "label" } };
    return state;
  }
  return { ...state, readiness: { ...state.readiness, [key]: { present: decision.added, by: decision.by } } };
}
