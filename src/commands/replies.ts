import { stringify } from "yaml";
import type { Settings } from "../config/schema.js";
import { sectionDefs } from "../engine/analyze.js";
import { codeBlock, codeSpan, neutralise } from "../engine/neutralise.js";
import { probabilityLine } from "../engine/render-checklist.js";
import { signalWords } from "../engine/signal-words.js";
import type { Analysis, Evidence } from "../engine/types.js";
import type { CommandName } from "../plan/commands.js";
import type { CommandProblem } from "./parse-commands.js";
import { describePermission, type Permission } from "./permissions.js";

/** What each command does, for `/handoff help`. */
export const COMMAND_HELP: Record<CommandName, string> = {
  check: "re-analyse the issue now and update its labels and checklist",
  explain: "show the full reasoning: every signal with its weight, every section with its evidence",
  contract: "set the classification to scoped deliverable (kept across later edits)",
  hire: "set the classification to needs an owner (kept across later edits)",
  reset: "drop every decision made with commands or labels, and re-analyse",
  na: "`/handoff n/a SECTION`: mark a section not applicable to this issue",
  ignore: "stop processing this issue",
  unignore: "resume processing this issue",
  template: "reply with a Markdown skeleton of the missing sections, to paste into the issue",
  brief: "reply with a self-contained brief compiled from the issue, with what is still missing",
  config: "show the effective settings and the file each value came from",
  backlog: "create or update the backlog dashboard issue: every open issue sorted, with readiness figures",
  help: "list the commands you may run",
};

function quote(e: Evidence): string {
  return `line ${e.line}: “${neutralise(e.text)}”`;
}

export function explainReply(analysis: Analysis, settings: Settings): string {
  const defs = sectionDefs(settings);
  const lines = [
    `**Why:** ${analysis.classification}: ${probabilityLine(analysis)}. A label needs at least ${Math.round(settings.classify.threshold * 100)}% (\`classify.threshold\`); below it the issue stays unclear.`,
    "",
    // The kind of work matters only to work that is handed off: it decides which sections it needs.
    ...(analysis.classification === "scoped-deliverable"
      ? [`Kind of work: ${analysis.kind.name}${analysis.kind.relaxed.length ? ` (recommended, not required, for this kind: ${analysis.kind.relaxed.join(", ")})` : ""}.`, ""]
      : []),
    "What weighed most (+ toward a scoped deliverable, - toward an owner):",
  ];
  if (!analysis.signals.length) lines.push("- nothing weighed much");
  for (const s of analysis.signals) lines.push(`- ${neutralise(signalWords(s, defs))} ${s.weight > 0 ? "+" : ""}${s.weight}: ${s.evidence.line ? quote(s.evidence) : `“${neutralise(s.evidence.text)}”`}`);
  lines.push("", "Sections:");
  for (const def of defs) {
    const f = analysis.sections[def.id];
    if (!f) continue;
    const state = f.present ? "found" : "missing";
    lines.push(`- **${neutralise(def.title)}** (${f.required ? "required" : "recommended"}): ${state}${f.evidence.length ? ": " + f.evidence.map(quote).join("; ") : ""}`);
  }
  return lines.join("\n");
}

/** A skeleton of exactly the missing required sections, their hints as comments, ready to paste. */
export function templateReply(missing: string[], settings: Settings): string {
  const defs = sectionDefs(settings).filter((d) => missing.includes(d.id));
  if (!defs.length) return "Every required section is there: nothing to add.";
  const skeleton = defs.map((d) => `## ${d.title}\n\n<!-- ${d.hint.replace(/--/g, "—")} -->\n`).join("\n");
  // Four backticks at least, so that a skeleton with a code block of its own shows as it is, and
  // longer than any run of backticks in the titles and hints, so that none of them can close it.
  return [`Paste this into the issue and fill it in (${defs.length} missing section${defs.length === 1 ? "" : "s"}):`, "", codeBlock(skeleton, "markdown", 4)].join("\n");
}

/** A self-contained brief: what the issue says for each section, in order, and what is missing. */
export function briefReply(title: string, number: number, text: Record<string, Evidence[]>, analysis: Analysis, settings: Settings, na: Record<string, string>): string {
  const lines = [`## Brief: ${neutralise(title)} (\`#${number}\`)`, "", `Classification: ${analysis.classification}.`];
  const missing: string[] = [];
  for (const def of sectionDefs(settings)) {
    const found = analysis.sections[def.id]?.present ? (text[def.id] ?? []) : [];
    if (found.length) {
      lines.push("", `### ${neutralise(def.title)}`, "", ...found.map((e) => `- ${neutralise(e.text)}`));
    } else if (na[def.id] !== undefined) {
      lines.push("", `### ${neutralise(def.title)}`, "", "_Not applicable._");
    } else {
      missing.push(def.title);
    }
  }
  lines.push("", "### Still missing", "", missing.length ? missing.map((m) => `- ${neutralise(m)}`).join("\n") : "Nothing: every section is there.");
  return lines.join("\n");
}

/** The effective settings as YAML, and the file each value came from. */
export function configReply(settings: Settings, files: string[], origins: Record<string, string>): string {
  const from = Object.entries(origins);
  return [
    `Settings files read (base first): ${files.length ? files.map(codeSpan).join(", ") : "none, so every value is the default"}.`,
    "",
    codeBlock(stringify(settings).trimEnd(), "yaml"),
    "",
    from.length ? "Set by a file (everything else is the default):" : "Every value is the default.",
    ...from.map(([path, file]) => `- ${codeSpan(path)}: ${codeSpan(file)}`),
  ].join("\n");
}

export function helpReply(allowed: Array<{ name: CommandName; permission: Permission }>, all: Array<{ name: CommandName; permission: Permission }>): string {
  const usage = (n: CommandName) => (n === "na" ? "/handoff n/a SECTION" : `/handoff ${n}`);
  const lines = ["Commands you may run here (one per line of a comment):", "", ...allowed.map(({ name }) => `- \`${usage(name)}\`: ${COMMAND_HELP[name]}`)];
  const others = all.filter((c) => !allowed.some((a) => a.name === c.name));
  if (others.length) lines.push("", "Others, with who may run them:", ...others.map(({ name, permission }) => `- \`${usage(name)}\`: ${describePermission(permission)}`));
  return lines.join("\n");
}

export function deniedReply(name: CommandName, permission: Permission): string {
  return `\`/handoff ${name === "na" ? "n/a" : name}\` needs ${describePermission(permission)}.`;
}

export function problemsReply(problems: CommandProblem[]): string {
  return [...problems.map((p) => `- ${neutralise(p.text)}: ${neutralise(p.message)}`), "", "`/handoff help` lists the commands."].join("\n");
}
