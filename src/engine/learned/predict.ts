/**
 * The learned judgement of one issue: which lines provide which section, how sure the models are
 * of each class, and which features moved the class the most, with the lines they came from.
 */

import { excerpt } from "../text.js";
import type { Classification, Evidence, Signal } from "../types.js";
import type { Extracted } from "./extract.js";
import { issueFeatures, type IssueFeatures } from "./issue-features.js";
import { addLogits, classProbabilities, lineTable, sigmoid, type Model } from "./model.js";
import { presenceFacts, presenceFeatures, presenceProbability, type LineScores } from "./presence.js";

export interface SectionJudgement {
  /** The highest line probability. */
  p: number;
  /** Probability that the issue provides the section, when the model judges presence over the whole issue. */
  q?: number;
  /** Lines at or above the line model's threshold, most probable first; at least one when present. */
  lines: Array<Evidence & { p: number }>;
  present: boolean;
}

export interface Judgement {
  sections: Map<string, SectionJudgement>;
  probabilities: Record<Classification, number>;
  features: IssueFeatures;
  /** Contributions toward a scoped deliverable (positive) or an owner (negative), largest first. */
  signals: Signal[];
}

/** How many contributions are kept as signals. */
const SIGNALS = 8;

/** Every unit's probability under every line model. */
export function lineScores(extracted: Extracted, model: Model): LineScores {
  const table = model.table ?? lineTable(model.lines);
  const columns = table.sections.map(() => new Array<number>(extracted.units.length));
  // One buffer of logits, cleared for each unit.
  const z = new Float64Array(table.sections.length);
  for (let i = 0; i < extracted.units.length; i++) {
    z.fill(0);
    addLogits(table, extracted.units[i]!.features, z);
    for (let k = 0; k < z.length; k++) columns[k]![i] = sigmoid(z[k]!);
  }
  return new Map(table.sections.map((id, k) => [id, columns[k]!]));
}

function judgeSections(extracted: Extracted, model: Model): Map<string, SectionJudgement> {
  const out = new Map<string, SectionJudgement>();
  const scores = lineScores(extracted, model);
  const facts = presenceFacts(scores, extracted);
  for (const [id, lineModel] of Object.entries(model.lines)) {
    const ps = scores.get(id)!;
    let best = 0;
    const lines: SectionJudgement["lines"] = [];
    extracted.units.forEach((u, i) => {
      const p = ps[i]!;
      best = Math.max(best, p);
      if (p >= lineModel.presence) lines.push({ line: u.line, text: u.text, p });
    });
    lines.sort((a, b) => b.p - a.p || a.line - b.line);
    const stage = model.sections?.[id];
    if (!stage) {
      out.set(id, { p: best, lines, present: lines.length > 0 });
      continue;
    }
    const q = presenceProbability(stage, presenceFeatures(id, scores, extracted, facts));
    const present = q >= stage.threshold;
    out.set(id, { p: best, q, lines: present && !lines.length ? topLine(extracted, ps) : lines, present });
  }
  return out;
}

/** The most probable line, quoted when the issue provides the section though no line reached the line threshold. */
function topLine(extracted: Extracted, ps: readonly number[]): SectionJudgement["lines"] {
  let best = -1;
  ps.forEach((p, i) => {
    if (best < 0 || p > ps[best]!) best = i;
  });
  const u = extracted.units[best];
  return u ? [{ line: u.line, text: u.text, p: ps[best]! }] : [];
}

/** A signal per feature: its value times how much more it weighs for a scoped deliverable than for an owner. */
function signalsOf(features: IssueFeatures, model: Model): Signal[] {
  const scoped = model.issue.classes.indexOf("scoped-deliverable");
  const owner = model.issue.classes.indexOf("needs-owner");
  const out: Signal[] = [];
  for (const [name, value] of features.values) {
    const w = model.issue.weights[name];
    if (!w || name === "bias") continue;
    const weight = Math.round((w[scoped]! - w[owner]!) * value * 100) / 100;
    if (weight !== 0) out.push({ kind: name, weight, evidence: features.origin.get(name)! });
  }
  out.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.kind < b.kind ? -1 : 1));
  return out.slice(0, SIGNALS);
}

export function judge(extracted: Extracted, model: Model): Judgement {
  const sections = judgeSections(extracted, model);
  const features = issueFeatures({
    title: extracted.title,
    blocks: extracted.blocks,
    sections: new Map([...sections].map(([id, s]) => [id, { p: s.p, evidence: s.lines[0] ? { line: s.lines[0].line, text: excerpt(s.lines[0].text) } : null }])),
    ruleSignals: extracted.rule.signals,
    ruleClass: extracted.rule.classification,
  });
  const p = model.issue.classes.length ? classProbabilities(model.issue, features.values) : [];
  const probabilities = Object.fromEntries(model.issue.classes.map((c, i) => [c, p[i] ?? 0])) as Record<Classification, number>;
  return { sections, probabilities, features, signals: model.issue.classes.length ? signalsOf(features, model) : [] };
}
