import { z } from "zod";
import type { LabelSpec } from "../plan/labels.js";
import { statusOf, type Octokit, type RepoRef } from "./types.js";

/** GitHub refused to create one of the app's labels, for another reason than that it exists. */
export class LabelRejected extends Error {
  constructor(
    readonly label: string,
    readonly reason: string,
  ) {
    super(`GitHub refused to create the label "${label}": ${reason}`);
  }
}

const validationFailed = z.object({
  message: z.string().optional(),
  errors: z.array(z.object({ code: z.string().optional(), field: z.string().optional(), message: z.string().optional() })).optional(),
});

/** A 422 on label creation: whether it says the label exists, and GitHub's reason otherwise. */
function rejection(error: unknown): { exists: boolean; reason: string } | null {
  if (statusOf(error) !== 422) return null;
  const parsed = validationFailed.safeParse((error as { response?: { data?: unknown } } | null)?.response?.data);
  const errors = parsed.success ? (parsed.data.errors ?? []) : [];
  const reasons = errors.map((e) => e.message ?? [e.field, e.code].filter(Boolean).join(" is ")).filter(Boolean);
  return { exists: errors.some((e) => e.code === "already_exists"), reason: reasons.join("; ") || (parsed.success ? parsed.data.message : undefined) || "validation failed" };
}

/**
 * Makes sure the labels the app is about to add exist with their colour and description (adding a
 * label that does not exist would create it in GitHub's grey). `known` holds the repository's label
 * names, lower-cased, once read: a warm app spends no request on it.
 */
export async function createMissingLabels(octokit: Octokit, repo: RepoRef, needed: LabelSpec[], known: Set<string> | null): Promise<Set<string>> {
  let names = known;
  if (!names) {
    const labels = await octokit.paginate("GET /repos/{owner}/{repo}/labels", { ...repo, per_page: 100 });
    names = new Set(labels.map((l) => l.name.toLowerCase()));
  }
  for (const label of needed) {
    if (names.has(label.name.toLowerCase())) continue;
    try {
      await octokit.request("POST /repos/{owner}/{repo}/labels", { ...repo, name: label.name, color: label.color, description: label.description });
    } catch (error) {
      // Someone (or another replica) created it in the meantime: that is what was wanted. Any other
      // refusal (a name GitHub does not take) is the owner's to fix, and reported to them.
      const rejected = rejection(error);
      if (!rejected) throw error;
      if (!rejected.exists) throw new LabelRejected(label.name, rejected.reason);
    }
    names.add(label.name.toLowerCase());
  }
  return names;
}

/** A label as the repository has it now. */
export interface RepoLabel {
  name: string;
  color: string;
  description: string;
}

/**
 * Puts one of the app's labels back as the settings describe it: created again when it was deleted
 * (`current` null), edited back when its name, colour or description was changed. Returns whether
 * a write was made; `known` (the cached label names) is kept in step.
 */
export async function restoreLabel(octokit: Octokit, repo: RepoRef, spec: LabelSpec, current: RepoLabel | null, known: Set<string> | null): Promise<boolean> {
  if (current === null) {
    known?.delete(spec.name.toLowerCase());
    await createMissingLabels(octokit, repo, [spec], known ?? new Set());
    known?.add(spec.name.toLowerCase());
    return true;
  }
  if (current.name === spec.name && current.color.toLowerCase() === spec.color && current.description === spec.description) return false;
  await octokit.request("PATCH /repos/{owner}/{repo}/labels/{name}", { ...repo, name: current.name, new_name: spec.name, color: spec.color, description: spec.description });
  known?.delete(current.name.toLowerCase());
  known?.add(spec.name.toLowerCase());
  return true;
}
