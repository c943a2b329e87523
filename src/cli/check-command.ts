import { analyze, sectionDefs } from "../engine/index.js";
import type { Analysis } from "../engine/types.js";
import { DEFAULT_SETTINGS, type Settings } from "../config/schema.js";
import { formatProblem, parseSettings } from "../config/parse-settings.js";
import { CliError } from "./errors.js";
import { readInput } from "./read-input.js";
import type { Io } from "./io.js";

export interface CheckOptions {
  file?: string;
  title?: string;
  config?: string;
  json: boolean;
}

/**
 * Without `--title`, a first line that is a level-1 heading is the title; a one-line input is a
 * title with an empty body (an issue written only in its title).
 */
export function splitTitle(text: string, title: string | undefined): { title: string; body: string } {
  if (title !== undefined) return { title, body: text };
  const trimmed = text.replace(/^\uFEFF/, "").replace(/^\s*\n/, "");
  const h1 = /^#[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/.exec(trimmed);
  if (h1) return { title: h1[1]!, body: trimmed.slice(h1[0].length) };
  const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 1) return { title: lines[0]!.trim(), body: "" };
  return { title: "", body: text };
}

export async function loadSettingsFile(file: string | undefined, io: Io): Promise<Settings> {
  if (!file) return DEFAULT_SETTINGS;
  const text = await readInput(file, io.stdin);
  const result = parseSettings(text, file);
  if (!result.ok) {
    for (const p of result.problems) io.stderr(formatProblem(p));
    throw new CliError(`${file} is not valid: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}`, 1);
  }
  return result.settings;
}

const VERDICT: Record<Analysis["classification"], string> = {
  "scoped-deliverable": "scoped deliverable",
  "needs-owner": "needs an owner",
  unclear: "unclear (not a work item, or not enough to tell)",
};

/** The readable report: verdict, labels, each section with its evidence, then the signals. */
export function formatAnalysis(analysis: Analysis, settings: Settings): string {
  const lines = [`classification: ${VERDICT[analysis.classification]} (score ${analysis.score})`];
  lines.push(`labels: ${analysis.labels.length ? analysis.labels.join(", ") : "(none)"}`);
  if (analysis.classification === "scoped-deliverable") lines.push(`ready to hand off: ${analysis.ready ? "yes" : `no, missing ${analysis.missing.join(", ")}`}`);
  lines.push("", "sections:");
  for (const def of sectionDefs(settings)) {
    const s = analysis.sections[def.id];
    if (!s) continue;
    const mark = s.present ? "[x]" : "[ ]";
    const req = s.required ? "required" : "recommended";
    lines.push(`  ${mark} ${def.id} (${req})${s.present ? "" : `: missing. ${def.hint}`}`);
    for (const e of s.evidence.slice(0, 3)) lines.push(`        line ${e.line}: ${e.text}`);
  }
  if (analysis.signals.length) {
    lines.push("", "signals:");
    for (const s of analysis.signals) lines.push(`  ${s.weight > 0 ? "+" : ""}${s.weight} ${s.kind}: ${s.evidence.line ? `line ${s.evidence.line}: ` : ""}${s.evidence.text}`);
  }
  return lines.join("\n");
}

export async function checkCommand(options: CheckOptions, io: Io): Promise<number> {
  const settings = await loadSettingsFile(options.config, io);
  const text = await readInput(options.file, io.stdin);
  const issue = splitTitle(text, options.title);
  const analysis = analyze(issue, settings);
  io.stdout(options.json ? JSON.stringify(analysis, null, 2) : formatAnalysis(analysis, settings));
  return 0;
}
