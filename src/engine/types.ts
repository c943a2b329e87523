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
  score: number;
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
