/**
 * Whether an issue provides a section, decided from the whole issue rather than from its best line
 * alone: how sure the line model is of its best lines and how many lines it likes, whether a heading
 * or the rule detectors name the section, and how sure the line models are of the other sections.
 */

import type { Extracted } from "./extract.js";
import { sigmoid } from "./model.js";

export interface PresenceModel {
  /** Weight per presence feature. */
  weights: Record<string, number>;
  /** The section is present when its presence probability reaches this. */
  threshold: number;
}

/** Line probabilities per section, in the order of the units. */
export type LineScores = Map<string, number[]>;

function logit(p: number): number {
  const q = Math.min(Math.max(p, 1e-4), 1 - 1e-4);
  return Math.log(q / (1 - q));
}

function topTwo(ps: readonly number[]): [number, number] {
  let a = 0;
  let b = 0;
  for (const p of ps) {
    if (p > a) [a, b] = [p, a];
    else if (p > b) b = p;
  }
  return [a, b];
}

/** What presence features share across sections: each section's best line and the sections a heading names. */
export interface PresenceFacts {
  /** Per section, its highest line probability. */
  tops: Map<string, number>;
  /** Sections some unit sits under a heading of. */
  headed: Set<string>;
}

export function presenceFacts(scores: LineScores, extracted: Extracted): PresenceFacts {
  const tops = new Map<string, number>();
  for (const [id, list] of scores) tops.set(id, topTwo(list)[0]);
  return { tops, headed: extracted.headed };
}

/** The features presence is judged on for section `id`; `facts` can be computed once for every section. */
export function presenceFeatures(id: string, scores: LineScores, extracted: Extracted, facts = presenceFacts(scores, extracted)): Map<string, number> {
  const out = new Map<string, number>([["bias", 1]]);
  const ps = scores.get(id) ?? [];
  const [first, second] = topTwo(ps);
  out.set("top", logit(first) / 4);
  out.set("top-p", first);
  out.set("second-p", second);
  let mass = 0;
  let over = 0;
  for (const p of ps) {
    mass += p;
    if (p >= 0.5) over++;
  }
  out.set("mass", Math.log1p(mass));
  out.set("lines-over-half", Math.min(over, 5) / 5);
  if ((extracted.ruleEvidence.get(id) ?? []).length > 0) out.set("rule-found", 1);
  if (facts.headed.has(id)) out.set("headed", 1);
  for (const other of scores.keys()) if (other !== id) out.set(`other:${other}`, facts.tops.get(other)!);
  out.set(`rule-class:${extracted.rule.classification}`, 1);
  if (!extracted.units.length) out.set("no-lines", 1);
  return out;
}

/** Probability that the issue provides the section. */
export function presenceProbability(model: PresenceModel, features: ReadonlyMap<string, number>): number {
  let z = 0;
  for (const [f, v] of features) z += (model.weights[f] ?? 0) * v;
  return sigmoid(z);
}
