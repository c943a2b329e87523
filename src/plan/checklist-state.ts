import { z } from "zod";
import { CHECKLIST_MARKER } from "../engine/render-checklist.js";

const who = z.string().min(1).max(100);

/**
 * What the app remembers about an issue, kept in the hidden part of its own checklist comment: the
 * decisions people made (a label they set or removed) survive restarts without a database.
 */
export const checklistStateSchema = z.object({
  v: z.literal(1),
  /** A person set the classification: by editing the app's labels, or with `/handoff contract` or `hire`. */
  classification: z.object({ value: z.enum(["scoped-deliverable", "needs-owner", "unclear"]), by: who, via: z.enum(["label", "command"]).optional() }).optional(),
  /** Sections marked not applicable with `/handoff n/a SECTION`, each with who marked it. */
  na: z.record(z.string().max(40), who).optional(),
  /** When the issue first became ready to hand off (the time of the change that made it so). */
  readyAt: z.string().max(40).optional(),
  /** `/handoff ignore`: the app leaves the issue alone until `/handoff unignore`. */
  ignored: z.object({ by: who }).optional(),
  /** A person added (present) or removed (absent) a readiness label. */
  readiness: z
    .object({
      ready: z.object({ present: z.boolean(), by: who }).optional(),
      incomplete: z.object({ present: z.boolean(), by: who }).optional(),
    })
    .optional(),
});

export type ChecklistState = z.infer<typeof checklistStateSchema>;

export const EMPTY_STATE: ChecklistState = { v: 1 };

const STATE_LINE = /^<!-- handoff:checklist -->(?:<!-- (.{0,4000}) -->)?\s*$/;

/** Whether a comment body is a checklist comment (its first line carries the marker). */
export function hasMarker(body: string | null | undefined): boolean {
  return typeof body === "string" && body.startsWith(CHECKLIST_MARKER);
}

/** The state in a checklist comment; an unreadable state counts as none rather than failing. */
export function readState(body: string): ChecklistState {
  const first = body.split("\n", 1)[0] ?? "";
  const m = STATE_LINE.exec(first);
  if (!m?.[1]) return EMPTY_STATE;
  try {
    const parsed = checklistStateSchema.safeParse(JSON.parse(m[1]));
    return parsed.success ? parsed.data : EMPTY_STATE;
  } catch {
    return EMPTY_STATE;
  }
}

/** The state as the text that follows the marker, or undefined when there is nothing to keep. */
export function writeState(state: ChecklistState): string | undefined {
  if (!state.classification && !state.readiness && !(state.na && Object.keys(state.na).length) && !state.ignored && !state.readyAt) return undefined;
  return JSON.stringify(state);
}
