/**
 * The learned models and how they score: one logistic model per built-in section over line units,
 * one softmax model over issue features for the class. The weights come from `model/handoff-model.json`,
 * which `npm run train` writes from the corpus; nothing here changes after loading.
 */

import { readFileSync } from "node:fs";
import type { PresenceModel } from "./presence.js";

export interface LineModel {
  /** Weight per feature name; a feature the model does not know weighs nothing. */
  weights: Record<string, number>;
  /** A line is quoted as the section's evidence when it reaches this probability. */
  presence: number;
}

export interface ClassModel {
  classes: string[];
  /** Per feature, one weight per class, in the order of `classes`. */
  weights: Record<string, number[]>;
}

export interface Model {
  format: number;
  lines: Record<string, LineModel>;
  /**
   * Per section, whether the issue provides it, judged over the whole issue. A section without one
   * is present when one of its lines reaches its line model's `presence`.
   */
  sections?: Record<string, PresenceModel>;
  issue: ClassModel;
  /** The line models' weights by feature, one entry per section in the order of `lines`; built on reading. */
  table?: LineTable;
}

/** Every line model's weight for a feature in one lookup: `sections[k]`'s weight is `weights.get(f)[k]`. */
export interface LineTable {
  sections: string[];
  weights: Map<string, Float64Array>;
}

export function lineTable(lines: Record<string, LineModel>): LineTable {
  const sections = Object.keys(lines);
  const weights = new Map<string, Float64Array>();
  sections.forEach((id, k) => {
    for (const [f, w] of Object.entries(lines[id]!.weights)) {
      let row = weights.get(f);
      if (!row) weights.set(f, (row = new Float64Array(sections.length)));
      row[k] = w;
    }
  });
  return { sections, weights };
}

/** Probabilities that a line with these features provides each section of the table, in its order. */
export function lineProbabilities(table: LineTable, features: readonly string[]): number[] {
  const z = new Float64Array(table.sections.length);
  addLogits(table, features, z);
  return Array.from(z, sigmoid);
}

/** Adds, per section of the table, the weights of the features to `z` (one entry per section). */
export function addLogits(table: LineTable, features: readonly string[], z: Float64Array): void {
  for (const f of features) {
    const row = table.weights.get(f);
    if (row) for (let k = 0; k < z.length; k++) z[k]! += row[k]!;
  }
}

export const MODEL_FORMAT = 2;

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Class probabilities for an issue, in the order of `model.classes`. */
export function classProbabilities(model: ClassModel, values: ReadonlyMap<string, number>): number[] {
  const z = model.classes.map(() => 0);
  for (const [f, v] of values) {
    const w = model.weights[f];
    if (w) for (let k = 0; k < z.length; k++) z[k]! += w[k]! * v;
  }
  const top = Math.max(...z);
  const e = z.map((x) => Math.exp(x - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/** Presence models are optional; when there, each has its weights and threshold. */
function validSections(sections: unknown): boolean {
  if (sections === undefined) return true;
  if (!sections || typeof sections !== "object") return false;
  return Object.values(sections).every((s: PresenceModel) => s && typeof s.threshold === "number" && typeof s.weights === "object");
}

/** Checks the shape of a parsed model file; a broken file is an error at start-up, not a wrong label later. */
export function checkModel(value: unknown): Model {
  const m = value as Model;
  if (!m || m.format !== MODEL_FORMAT || typeof m.lines !== "object" || !m.issue || !Array.isArray(m.issue.classes) || !validSections(m.sections)) {
    throw new Error(`handoff: the model file is not a format-${MODEL_FORMAT} handoff model; run \`npm run train\``);
  }
  return m;
}

export function readModel(path: URL | string): Model {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const where = typeof path === "string" ? path : path.pathname;
    throw new Error(`handoff: cannot read the model file ${where} (${(error as Error).message}); reinstall the package, or run \`npm run train\` in a clone`);
  }
  const model = checkModel(parsed);
  return { ...model, table: lineTable(model.lines) };
}

/** The shipped model, at the package's top level. */
export const MODEL_PATH = new URL("../../../model/handoff-model.json", import.meta.url);
