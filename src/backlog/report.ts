import type { Settings } from "../config/schema.js";
import { sectionDefs } from "../engine/analyze.js";
import { neutralise } from "../engine/neutralise.js";
import type { Analysis } from "../engine/types.js";

/** One open issue of the backlog, analysed. */
export interface BacklogEntry {
  number: number;
  title: string;
  url: string;
  analysis: Analysis;
  /** The writes `--apply` would make (dry run), or made. */
  writes?: string[];
}

export interface BacklogReport {
  repository: string;
  totals: { issues: number; scoped: number; owner: number; unclear: number; ready: number };
  /** Share of scoped deliverables that are ready to hand off (0 when there are none). */
  readyShare: number;
  /** Required sections by how often scoped deliverables lack them, most often first. */
  missing: Array<{ section: string; issues: number }>;
  issues: BacklogEntry[];
}

export function buildReport(repository: string, entries: BacklogEntry[], settings: Settings): BacklogReport {
  const scoped = entries.filter((e) => e.analysis.classification === "scoped-deliverable");
  const ready = scoped.filter((e) => e.analysis.ready).length;
  const counts = new Map<string, number>();
  for (const e of scoped) for (const id of e.analysis.missing) counts.set(id, (counts.get(id) ?? 0) + 1);
  const order = sectionDefs(settings).map((d) => d.id);
  const missing = [...counts].map(([section, issues]) => ({ section, issues })).sort((a, b) => b.issues - a.issues || order.indexOf(a.section) - order.indexOf(b.section));
  return {
    repository,
    totals: {
      issues: entries.length,
      scoped: scoped.length,
      owner: entries.filter((e) => e.analysis.classification === "needs-owner").length,
      unclear: entries.filter((e) => e.analysis.classification === "unclear").length,
      ready,
    },
    readyShare: scoped.length ? ready / scoped.length : 0,
    missing,
    issues: entries,
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function link(e: BacklogEntry): string {
  return `[#${e.number}](${e.url})`;
}

function cell(text: string): string {
  return neutralise(text).replace(/\|/g, "\\|");
}

/** The report as Markdown: counts, the share ready, the sections most often missing, then three tables. */
export function renderMarkdown(report: BacklogReport, settings: Settings): string {
  // A repository's own section titles are echoed like any other text.
  const title = new Map(sectionDefs(settings).map((d) => [d.id, neutralise(d.title)]));
  const t = report.totals;
  const lines = [
    `## Backlog of ${neutralise(report.repository)}`,
    "",
    `${t.issues} open issues: **${t.scoped}** scoped deliverables (${t.ready} ready to hand off, ${pct(report.readyShare)}), **${t.owner}** needing an owner, ${t.unclear} unclear.`,
  ];
  if (report.missing.length) lines.push("", `Most often missing: ${report.missing.slice(0, 5).map((m) => `${title.get(m.section) ?? m.section} (${m.issues})`).join(", ")}.`);
  const section = (heading: string, rows: BacklogEntry[], columns: string[], row: (e: BacklogEntry) => string[]) => {
    lines.push("", `### ${heading} (${rows.length})`, "");
    if (!rows.length) {
      lines.push("None.");
      return;
    }
    lines.push(`| ${columns.join(" | ")} |`, `|${columns.map(() => "---").join("|")}|`, ...rows.map((e) => `| ${row(e).join(" | ")} |`));
  };
  const scoped = report.issues.filter((e) => e.analysis.classification === "scoped-deliverable");
  section("Ready to hand off", scoped.filter((e) => e.analysis.ready), ["issue", "title"], (e) => [link(e), cell(e.title)]);
  section("Scoped, needs spec", scoped.filter((e) => !e.analysis.ready), ["issue", "title", "missing"], (e) => [link(e), cell(e.title), e.analysis.missing.map((id) => title.get(id) ?? id).join(", ").replace(/\|/g, "\\|")]);
  section("Needs an owner", report.issues.filter((e) => e.analysis.classification === "needs-owner"), ["issue", "title"], (e) => [link(e), cell(e.title)]);
  return lines.join("\n");
}

/** `--json`: totals and one entry per issue with its Analysis. */
export function reportJson(report: BacklogReport): unknown {
  return {
    repository: report.repository,
    totals: report.totals,
    readyShare: report.readyShare,
    missing: report.missing,
    issues: report.issues.map((e) => ({ number: e.number, title: e.title, url: e.url, analysis: e.analysis, ...(e.writes ? { writes: e.writes } : {}) })),
  };
}

function csvField(value: string | number | boolean): string {
  const s = String(value);
  // A leading = + - @ would be a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `--csv`: one row per issue. */
export function renderCsv(report: BacklogReport): string {
  const rows = [["number", "title", "url", "classification", "score", "ready", "missing", "labels"]];
  for (const e of report.issues) {
    rows.push([String(e.number), e.title, e.url, e.analysis.classification, String(e.analysis.score), String(e.analysis.ready), e.analysis.missing.join(" "), e.analysis.labels.join(" ")]);
  }
  return rows.map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}
