import { relative } from "node:path";
import { analyze, probabilityLine, sectionDefs, signalWords } from "../engine/index.js";
import type { Analysis, Evidence } from "../engine/types.js";
import { DEFAULT_SETTINGS, type Settings } from "../config/schema.js";
import { formatProblem, parseSettings } from "../config/parse-settings.js";
import { newIssueComment } from "./new-issue-comment.js";
import { CliError } from "./errors.js";
import { findSettingsFile } from "./find-settings-file.js";
import { readInput } from "./read-input.js";
import type { Io } from "./io.js";

export interface CheckOptions {
  file?: string;
  title?: string;
  config?: string;
  output: "report" | "json" | "comment";
}

/** An issue read from the input, and the input's line number of the body's first line minus one. */
export interface SplitInput {
  title: string;
  body: string;
  lineOffset: number;
}

const countLines = (text: string) => text.split("\n").length - 1;

/**
 * Without `--title`, a first line that is a level-1 heading is the title; a one-line input is a
 * title with an empty body (an issue written only in its title).
 */
export function splitTitle(text: string, title: string | undefined): SplitInput {
  if (title !== undefined) return { title, body: text, lineOffset: 0 };
  const noBom = text.replace(/^\uFEFF/, "");
  const trimmed = noBom.replace(/^\s*\n/, "");
  const h1 = /^#[ \t]+(.+?)[ \t#]*(?:\r?\n|$)/.exec(trimmed);
  if (h1) {
    // The body is what follows the title and the blank lines after it, as it would be on GitHub;
    // its line 1 is further down the input.
    const rest = trimmed.slice(h1[0].length);
    const body = rest.replace(/^\s*\n/, "");
    const skipped = noBom.length - trimmed.length + h1[0].length + rest.length - body.length;
    return { title: h1[1]!, body, lineOffset: countLines(noBom.slice(0, skipped)) };
  }
  const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 1) return { title: lines[0]!.trim(), body: "", lineOffset: 0 };
  return { title: "", body: text, lineOffset: 0 };
}

/** The analysis with body line numbers turned into the input's (line 0, the title, stays 0). */
export function inInputLines(analysis: Analysis, offset: number): Analysis {
  if (offset === 0) return analysis;
  const shift = (e: Evidence): Evidence => (e.line > 0 ? { ...e, line: e.line + offset } : e);
  return {
    ...analysis,
    signals: analysis.signals.map((s) => ({ ...s, evidence: shift(s.evidence) })),
    kind: { ...analysis.kind, evidence: analysis.kind.evidence && shift(analysis.kind.evidence) },
    sections: Object.fromEntries(Object.entries(analysis.sections).map(([id, s]) => [id, { ...s, evidence: s.evidence.map(shift) }])),
  };
}

/**
 * The settings `check` applies: `--config FILE`, else the repository's own settings file when there
 * is one (said on standard error, since it changes the result), else the defaults.
 */
export async function loadSettingsFile(file: string | undefined, io: Io): Promise<Settings> {
  let path = file;
  let text: string;
  if (path !== undefined) {
    text = await readInput(path, io.stdin);
  } else {
    const cwd = io.cwd ?? process.cwd();
    const found = findSettingsFile(cwd);
    if (!found) return DEFAULT_SETTINGS;
    // Named as the person would type it from where they are: relative when below the folder.
    path = relative(cwd, found).startsWith("..") ? found : relative(cwd, found);
    io.stderr(`handoff: using the settings in ${path} (--config FILE to use another)`);
    text = await readInput(found, io.stdin);
  }
  const result = parseSettings(text, path);
  if (!result.ok) {
    for (const p of result.problems) io.stderr(formatProblem(p));
    throw new CliError(`${path} is not valid: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}`, 1);
  }
  if (result.settings._extends) io.stderr(`handoff: ${path} extends ${result.settings._extends}, which is not read offline: only this file's settings apply`);
  return result.settings;
}

const VERDICT: Record<Analysis["classification"], string> = {
  "scoped-deliverable": "scoped deliverable",
  "needs-owner": "needs an owner",
  unclear: "unclear (not a work item, or not enough to tell)",
};

/**
 * The readable report: verdict, labels, then for scoped work each section with its evidence, then
 * the signals. Like the app's comment, it leaves the sections out for work that is not handed off.
 */
export function formatAnalysis(analysis: Analysis, settings: Settings): string {
  const lines = [`classification: ${VERDICT[analysis.classification]} (${probabilityLine(analysis)})`];
  lines.push(`labels: ${analysis.labels.length ? analysis.labels.join(", ") : "(none)"}`);
  if (analysis.classification === "scoped-deliverable") {
    lines.push(`kind of work: ${analysis.kind.name}${analysis.kind.relaxed.length ? ` (recommended, not required, for this kind: ${analysis.kind.relaxed.join(", ")})` : ""}`);
    lines.push(`ready to hand off: ${analysis.ready ? "yes" : `no, missing ${analysis.missing.join(", ")}`}`);
    lines.push("", "sections:");
    for (const def of sectionDefs(settings)) {
      const s = analysis.sections[def.id];
      if (!s) continue;
      const mark = s.present ? "[x]" : "[ ]";
      const req = s.required ? "required" : "recommended";
      lines.push(`  ${mark} ${def.id} (${req})${s.present ? "" : `: missing. ${def.hint}`}`);
      for (const e of s.evidence.slice(0, 3)) lines.push(`        line ${e.line}: ${e.text}`);
    }
  } else {
    lines.push(`sections: not checked (the spec checklist is for scoped deliverables)`);
  }
  if (analysis.signals.length) {
    lines.push("", "signals (+ toward a scoped deliverable, - toward an owner):");
    const defs = sectionDefs(settings);
    for (const s of analysis.signals) lines.push(`  ${s.weight > 0 ? "+" : ""}${s.weight} ${signalWords(s, defs)}: ${s.evidence.line ? `line ${s.evidence.line}: ` : ""}${s.evidence.text}`);
  }
  return lines.join("\n");
}

export async function checkCommand(options: CheckOptions, io: Io): Promise<number> {
  const settings = await loadSettingsFile(options.config, io);
  const text = await readInput(options.file, io.stdin);
  const issue = splitTitle(text, options.title);
  if (issue.title.trim() === "" && issue.body.trim() === "") {
    throw new CliError(`${options.file && options.file !== "-" ? options.file : "standard input"} is empty: nothing to check (give the issue's body, or its title with --title)`);
  }
  const analysis = analyze({ title: issue.title, body: issue.body }, settings);
  if (options.output === "comment") {
    // The app sees the title apart from the body, so the comment keeps the body's own line numbers.
    const comment = newIssueComment({ title: issue.title, body: issue.body }, settings, (io.now ?? (() => new Date()))());
    if (comment === null) io.stderr("handoff: the app posts no comment on this issue: it does not read as a work item (a /handoff check comment would make it post one)");
    else io.stdout(comment);
    return 0;
  }
  const shown = inInputLines(analysis, issue.lineOffset);
  io.stdout(options.output === "json" ? JSON.stringify(shown, null, 2) : formatAnalysis(shown, settings));
  return 0;
}
