/**
 * The kind of a piece of scoped work — a bug fix, API work, a migration, UI work, documentation,
 * infrastructure or a feature — and whether it touches an interface. The required sections follow
 * from it: an API contract is asked for only where there is an interface to agree on, and a bug
 * fix's finish line is its expected behaviour.
 */

import { anyOf } from "./learned/alternation.js";
import type { Block } from "./markdown.js";
import { excerpt } from "./text.js";
import type { Evidence, WorkKind } from "./types.js";

export interface KindOfWork {
  kind: WorkKind;
  /** The work changes something other code or people build against: an API, event, schema, CLI, integration. */
  touchesInterface: boolean;
  /** The line that named the kind (line 0: the title); null for a feature, the default. */
  evidence: Evidence | null;
}

const cue = (words: string[]) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${anyOf(words)}(?![\\p{L}\\p{N}])`, "iu");

/** Words of an API: the cues of API work, and of an interface among others. */
const API_WORDS = [
  "api", "apis", "endpoint", "endpoints", "webhook", "webhooks", "graphql", "grpc", "rest", "sdk", "openapi",
  "swagger", "payload", "status code",
];

/** Cue words per kind, in the order that breaks a tie. */
const CUES: Array<[WorkKind, RegExp]> = [
  ["bug fix", cue([
    "bug", "fix", "fixes", "broken", "crash", "crashes", "regression", "incorrect", "wrong", "fails",
    "failing", "not working", "doesn't work", "does not work", "unable to", "steps to reproduce",
    "to reproduce", "expected behavior", "expected behaviour", "actual behavior", "actual behaviour",
    "stack trace", "traceback",
  ])],
  ["migration", cue([
    "migrate", "migrating", "migration", "upgrade", "upgrading", "deprecate", "deprecation", "switch from",
    "move from", "port to", "sunset",
  ])],
  ["API work", cue(API_WORDS)],
  ["UI work", cue([
    "ui", "ux", "page", "button", "screen", "modal", "dialog", "css", "layout", "dark mode", "theme",
    "frontend", "front-end", "tooltip", "responsive", "styling", "icon", "navbar", "sidebar",
  ])],
  ["documentation", cue(["docs", "documentation", "readme", "tutorial", "guide", "typo", "docstring", "changelog"])],
  ["infrastructure", cue([
    "ci", "pipeline", "deploy", "deployment", "docker", "dockerfile", "kubernetes", "k8s", "helm",
    "terraform", "monitoring", "alerting", "backup", "backups", "cluster", "nginx", "dns", "certificate",
    "github actions", "workflow",
  ])],
];

/** Words that mean the work changes an interface others build against. */
const INTERFACE = cue([
  ...API_WORDS, "schema", "cli", "command line", "command-line", "integration", "protocol", "event payload",
  "message format", "file format", "export format", "public interface",
]);

/** A cue in the title counts as much as three in the body: the title names the work. */
const TITLE_WEIGHT = 3;
const ENOUGH = 2;

function proseLines(blocks: Block[]): Evidence[] {
  const out: Evidence[] = [];
  for (const b of blocks) if (b.type !== "code") for (const l of b.lines) out.push({ line: l.line, text: l.text });
  return out;
}

export interface WorkFacts {
  /** The body specifies an interface (the contract section is present). */
  hasContract: boolean;
  /** The first line of a bug report's labelled parts (steps, actual and expected behaviour), when it has both kinds. */
  bugReport: Evidence | null;
}

export function kindOfWork(title: string, blocks: Block[], facts: WorkFacts): KindOfWork {
  const lines = proseLines(blocks);
  const hasContract = facts.hasContract;
  let best: { kind: WorkKind; score: number; evidence: Evidence } | null = null;
  for (const [kind, re] of CUES) {
    // A report with steps, actual and expected behaviour is a bug report, whatever its words.
    const report = kind === "bug fix" ? facts.bugReport : null;
    let score = report ? ENOUGH : 0;
    let evidence: Evidence | null = report;
    if (re.test(title)) {
      score += TITLE_WEIGHT;
      evidence = { line: 0, text: `title: ${excerpt(title)}` };
    }
    for (const l of lines) {
      if (!re.test(l.text)) continue;
      score++;
      evidence ??= { line: l.line, text: excerpt(l.text) };
    }
    if (evidence && score >= ENOUGH && (!best || score > best.score)) best = { kind, score, evidence };
  }
  const touchesInterface = hasContract || best?.kind === "API work" || INTERFACE.test(title) || lines.some((l) => INTERFACE.test(l.text));
  return best ? { kind: best.kind, touchesInterface, evidence: best.evidence } : { kind: "feature", touchesInterface, evidence: null };
}
