import { DEFAULT_SETTINGS, type Settings } from "../config/schema.js";
import { sectionDefs } from "./prepare.js";
import { neutralise } from "./neutralise.js";
import type { SectionDef } from "./section-defs.js";
import { signalWords } from "./signal-words.js";
import type { Analysis, Evidence, Signal } from "./types.js";

/** First line of the app's checklist comment: how the app finds its own comment again. */
export const CHECKLIST_MARKER = "<!-- handoff:checklist -->";
/** GitHub's limit for a comment body. */
export const MAX_COMMENT = 65_536;

const SHOWN_EVIDENCE = 2;
const SHOWN_SIGNALS = 8;

export interface RenderOptions {
  settings?: Settings;
  /** Hidden state appended to the marker line (the app's overrides and last result). */
  state?: string;
  /** Decisions people made, shown under the headline ("Classification set by @alice"). Neutralised here. */
  notes?: string[];
  /** Sections marked not applicable, with who marked them. */
  notApplicable?: Record<string, string>;
}

function quote(e: Evidence): string {
  return e.line > 0 ? `on line ${e.line}: “${neutralise(e.text)}”` : `“${neutralise(e.text)}”`;
}

const CLASS_WORDS: Record<string, string> = { "scoped-deliverable": "scoped deliverable", "needs-owner": "needs an owner", unclear: "unclear" };

function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/** "74% scoped deliverable · 18% needs an owner · 8% unclear", likeliest first. */
export function probabilityLine(analysis: Analysis): string {
  return Object.entries(analysis.probabilities)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([c, p]) => `${percent(p)} ${CLASS_WORDS[c] ?? c}`)
    .join(" · ");
}

function signalLine(s: Signal, defs: readonly SectionDef[]): string {
  const arrow = s.weight > 0 ? "➕" : "➖";
  return `- ${arrow} ${neutralise(signalWords(s, defs))} (${s.weight > 0 ? "+" : ""}${s.weight}), ${quote(s.evidence)}`;
}

function why(analysis: Analysis, defs: readonly SectionDef[]): string {
  const sorted = [...analysis.signals].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const shown = sorted.slice(0, SHOWN_SIGNALS).map((s) => signalLine(s, defs));
  if (sorted.length > SHOWN_SIGNALS) shown.push(`- … and ${sorted.length - SHOWN_SIGNALS} more`);
  const body = shown.length ? ["What weighed most (➕ toward a scoped deliverable, ➖ toward an owner):", "", ...shown] : ["No single feature weighed much."];
  return ["<details><summary>Why: " + probabilityLine(analysis) + "</summary>", "", ...body, "", "</details>"].join("\n");
}

/** The kind of work, and what it changes in the checklist. */
function kindLine(analysis: Analysis, defs: readonly SectionDef[]): string {
  const k = analysis.kind;
  const from = k.evidence ? ` (${quote(k.evidence)})` : "";
  const titles = (ids: string[]) => ids.map((id) => defs.find((d) => d.id === id)?.title ?? id).map((t) => neutralise(t).toLowerCase());
  const notes: string[] = [];
  if (k.relaxed.includes("scope") || k.relaxed.includes("done")) {
    notes.push(`${titles(k.relaxed.filter((id) => id !== "contract")).join(" and ")} only recommended: a fix's finish line is its expected behaviour`);
  }
  if (k.relaxed.includes("contract")) notes.push(`${titles(["contract"])[0]} only recommended: it touches no API, event, schema or CLI`);
  return `Kind of work: **${k.name}**${from}${notes.length ? `; ${notes.join("; ")}` : ""}.`;
}

const OWNER_TEXT = [
  "This reads as work without a finish line: it needs long-term embedded ownership (architecture, production reliability, ongoing platform work) rather than a handoff against a spec. The spec checklist is left out: it is for work that can be handed off.",
  "",
  "If this is in fact bounded work with a finish line, say what is to be delivered and how it will be checked.",
];
const UNCLEAR_TEXT = [
  "This reads as a question, a support request or a discussion rather than work to hand off, so no label was set. If it is work, say what is to be delivered.",
];

/** A scoped deliverable with every required section: what was found and what could still be added. */
function readyPart(analysis: Analysis, defs: readonly SectionDef[]): string[] {
  const out = ["Scoped deliverable with every required section of its spec in place.", "", kindLine(analysis, defs)];
  const found = defs.filter((d) => analysis.sections[d.id]?.present).map((d) => neutralise(d.title));
  if (found.length) out.push("", `Found: ${found.join(" · ")}.`);
  const optional = defs.filter((d) => !analysis.sections[d.id]?.present && !analysis.sections[d.id]?.required);
  if (optional.length) out.push("", `Could still add: ${optional.map((d) => neutralise(d.title)).join(" · ")}.`);
  return out;
}

/** One checklist line per section: found (with its lines), missing with a hint, or not applicable. */
function sectionLine(def: SectionDef, analysis: Analysis, notApplicable: Record<string, string> | undefined): string | null {
  const finding = analysis.sections[def.id];
  if (!finding) return null;
  const tag = finding.required ? "" : " _(recommended)_";
  const na = notApplicable?.[def.id];
  if (na !== undefined && !finding.present) return `- ➖ **${neutralise(def.title)}**: not applicable (${neutralise(`@${na}`)} with /handoff n/a).`;
  if (finding.present) return `- ✅ **${neutralise(def.title)}**${tag}: found ${finding.evidence.slice(0, SHOWN_EVIDENCE).map(quote).join("; ")}`;
  return `- ${finding.required ? "❌" : "➖"} **${neutralise(def.title)}**${tag}: missing. ${neutralise(def.hint)}`;
}

/** A scoped deliverable with sections missing: the checklist. */
function checklistPart(analysis: Analysis, defs: readonly SectionDef[], options: RenderOptions): string[] {
  const out = [
    "This reads as bounded work with a finish line. To hand it off, to a contractor or to anyone on the team, the issue should stand on its own.",
    "",
    kindLine(analysis, defs),
    "",
  ];
  for (const def of defs) {
    const line = sectionLine(def, analysis, options.notApplicable);
    if (line) out.push(line);
  }
  out.push("", "Edit the issue and this comment updates itself.");
  return out;
}

/** The headline for the analysis's class. */
function headline(analysis: Analysis, defs: readonly SectionDef[]): string {
  if (analysis.classification === "needs-owner") return "### handoff: needs an owner";
  if (analysis.classification === "unclear") return "### handoff: not sure this is a work item";
  if (analysis.ready) return "### handoff: ready to hand off ✅";
  const required = defs.filter((d) => analysis.sections[d.id]?.required).length;
  return `### handoff: scoped deliverable, ${analysis.missing.length} of ${required} required section${required === 1 ? "" : "s"} missing`;
}

/** What the comment says under its headline, by class. */
function bodyPart(analysis: Analysis, defs: readonly SectionDef[], options: RenderOptions): string[] {
  if (analysis.classification === "needs-owner") return OWNER_TEXT;
  if (analysis.classification === "unclear") return UNCLEAR_TEXT;
  return analysis.ready ? readyPart(analysis, defs) : checklistPart(analysis, defs, options);
}

/**
 * The checklist comment as Markdown. Everything echoed from the issue is neutralised; the result is
 * never longer than GitHub's comment limit.
 */
export function renderChecklist(analysis: Analysis, options: RenderOptions = {}): string {
  const defs = sectionDefs(options.settings ?? DEFAULT_SETTINGS);
  // JSON escapes keep "--" and ">" out of the hidden comment, so the state cannot close it early.
  const hidden = options.state?.replace(/-/g, "\\u002d").replace(/>/g, "\\u003e");
  const marker = hidden ? `${CHECKLIST_MARKER}<!-- ${hidden} -->` : CHECKLIST_MARKER;
  const notes = (options.notes ?? []).map((n) => `> ${neutralise(n)}`);
  const parts = [marker, headline(analysis, defs), ...(notes.length ? ["", ...notes] : []), "", ...bodyPart(analysis, defs, options), "", why(analysis, defs)];
  return clamp(parts.join("\n"));
}

/** Cuts a comment to GitHub's limit on a line boundary, closing an open `<details>`. */
export function clamp(text: string, max = MAX_COMMENT): string {
  if (text.length <= max) return text;
  const tail = "\n\n…(cut to fit GitHub's comment limit)\n</details>";
  let cut = text.slice(0, max - tail.length);
  const nl = cut.lastIndexOf("\n");
  if (nl > 0) cut = cut.slice(0, nl);
  return cut + (cut.includes("<details>") ? tail : tail.replace("\n</details>", ""));
}
