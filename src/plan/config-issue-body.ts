import { formatProblem, type SettingsProblem } from "../config/parse-settings.js";
import { codeSpan, neutralise } from "../engine/neutralise.js";
import { clamp } from "../engine/render-checklist.js";

export const CONFIG_MARKER = "<!-- handoff:config -->";
export const CONFIG_ISSUE_TITLE = "handoff: fix the configuration";

/** The body of the one issue that reports a settings file that does not validate. */
export function renderConfigIssue(problems: SettingsProblem[], files: string[]): string {
  const lines = [
    CONFIG_MARKER,
    "handoff found problems in its settings and is not labelling or commenting on issues in this repository until they are fixed. It does not apply settings half-way.",
    "",
    `Settings files read (base first): ${files.length ? files.map(codeSpan).join(", ") : "none"}.`,
    "",
    ...problems.map((p) => `- ${neutralise(formatProblem(p))}`),
    "",
    "Push a fixed file to the default branch and this issue closes itself. `npx handoff config validate .github/handoff.yml` checks a file locally.",
  ];
  return clamp(lines.join("\n"));
}
