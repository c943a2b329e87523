import type { Settings } from "../config/schema.js";
import type { Classification } from "../engine/types.js";

/** A label as the app creates it: its name, colour and description. */
export type LabelSpec = Settings["labels"]["scoped"];

/** The app's labels, by their key in the settings. */
export const APP_LABEL_KEYS = ["scoped", "owner", "ready", "incomplete"] as const;
export type AppLabelKey = (typeof APP_LABEL_KEYS)[number];

/** Every label the app manages, as the settings describe them. */
export function appLabels(settings: Settings): LabelSpec[] {
  return APP_LABEL_KEYS.map((key) => settings.labels[key]);
}

/** Which of the app's labels a name is, if any (label names are compared as GitHub does, ignoring case). */
export function appLabelKey(settings: Settings, name: string): AppLabelKey | null {
  const n = name.toLowerCase();
  return APP_LABEL_KEYS.find((key) => settings.labels[key].name.toLowerCase() === n) ?? null;
}

/**
 * The app's labels an issue should carry: one classification label, and on a scoped deliverable one
 * readiness label. An unclear issue gets none.
 */
export function labelsFor({ classification, ready }: { classification: Classification; ready: boolean }, settings: Settings): string[] {
  const names = settings.labels;
  if (classification === "scoped-deliverable") return [names.scoped.name, ready ? names.ready.name : names.incomplete.name];
  if (classification === "needs-owner") return [names.owner.name];
  return [];
}

/** The classification one of the app's classification labels on an issue states, or null when it carries neither. */
export function labelledClassification(labels: string[], settings: Settings): Classification | null {
  const names = new Set(labels.map((l) => l.toLowerCase()));
  if (names.has(settings.labels.scoped.name.toLowerCase())) return "scoped-deliverable";
  if (names.has(settings.labels.owner.name.toLowerCase())) return "needs-owner";
  return null;
}
