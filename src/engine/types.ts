export type Classification = "scoped-deliverable" | "needs-owner" | "unclear";

/** A line of the body that supports a finding: 1-based line number and a short excerpt. */
export interface Evidence {
  line: number;
  text: string;
}

/** One reason behind the classification. Positive weights point to a scoped deliverable, negative to an owner. */
export interface Signal {
  kind: string;
  weight: number;
  evidence: Evidence;
}

export interface SectionFinding {
  present: boolean;
  required: boolean;
  evidence: Evidence[];
}

/** The result of `analyze`: the Analysis JSON of the design, field names stable. */
export interface Analysis {
  classification: Classification;
  /** The scoped-deliverable probability minus the needs-owner one: from -1 (owner) to 1 (scoped). */
  score: number;
  /** How likely each class is, by the models (and the settings' phrases), rounded to hundredths. */
  probabilities: Record<Classification, number>;
  /** The kind of work and the required sections it lets off (they stay in the checklist as recommended). */
  kind: WorkKindFinding;
  signals: Signal[];
  sections: Record<string, SectionFinding>;
  missing: string[];
  labels: string[];
  ready: boolean;
}

export interface IssueInput {
  title: string;
  body?: string | null;
}

export type WorkKind = "bug fix" | "API work" | "migration" | "UI work" | "documentation" | "infrastructure" | "feature";

export interface WorkKindFinding {
  name: WorkKind;
  touchesInterface: boolean;
  /** Required sections this kind of work does not need. */
  relaxed: string[];
  /** The line that named the kind (line 0: the title); null for a feature. */
  evidence: Evidence | null;
}
