import type { Settings } from "../config/schema.js";
import { acceptanceCriteria, analyze } from "../engine/analyze.js";
import type { Criterion } from "../engine/detect-sections.js";
import { labelledClassification } from "./labels.js";
import type { IssueFacts } from "./snapshot.js";

/** An issue a pull request closes, as read, with its repository's settings. */
export interface LinkedIssue {
  /** `#N` in the pull request's repository, `owner/repo#N` in another. */
  name: string;
  facts: IssueFacts;
  settings: Settings;
}

/** One acceptance check run to report on the pull request's head commit. */
export interface AcceptancePlan {
  issue: string;
  title: string;
  criteria: Criterion[];
}

/**
 * The acceptance check runs a pull request gets: one per linked scoped deliverable, listing its
 * acceptance criteria. A person's classification label decides over the analysis, as on the issue.
 */
export function planAcceptanceChecks(linked: LinkedIssue[]): AcceptancePlan[] {
  return linked.flatMap(({ name, facts, settings }) => {
    const input = { title: facts.title, body: facts.body };
    const kind = labelledClassification(facts.labels, settings) ?? analyze(input, settings).classification;
    return kind === "scoped-deliverable" ? [{ issue: name, title: facts.title, criteria: acceptanceCriteria(input, settings) }] : [];
  });
}
