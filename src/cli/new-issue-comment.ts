import { EMPTY_STATE } from "../app/checklist-state.js";
import { desiredState } from "../app/desired-state.js";
import type { Settings } from "../config/schema.js";
import type { Analysis } from "../engine/types.js";

/**
 * The comment the app posts when this issue is opened at `openedAt`, or null when it posts none:
 * the app's own `desiredState` for an issue without comments or decisions, with the time it became
 * ready recorded as the app's run records it (`runIssuePipeline`).
 */
export function newIssueComment(analysis: Analysis, settings: Settings, openedAt: Date): string | null {
  const desired = desiredState(analysis, settings, EMPTY_STATE, false);
  if (!desired.ready) return desired.comment;
  return desiredState(analysis, settings, { ...EMPTY_STATE, readyAt: openedAt.toISOString() }, false).comment;
}
