import { toBlocks } from "../engine/markdown.js";
import { COMMAND_NAMES, type CommandName } from "../plan/commands.js";

export interface Command {
  name: CommandName;
  /** The section of `n/a SECTION`. */
  section?: string;
  line: number;
  text: string;
}

export interface CommandProblem {
  line: number;
  text: string;
  message: string;
}

export interface ParsedCommands {
  commands: Command[];
  problems: CommandProblem[];
}

/** At most this many commands are read from one comment; the rest are reported. */
export const MAX_COMMANDS = 10;
const LINE = /^\/handoff(?:\s+(\S+)(?:\s+(.*))?)?\s*$/i;
const ALIASES: Record<string, CommandName> = { "n/a": "na", na: "na", "not-applicable": "na" };

/**
 * Finds `/handoff …` commands in a comment: a line of a paragraph that starts with `/handoff`. Lines
 * in fenced or indented code, block quotes, HTML comments, list items and headings are not commands,
 * so quoting a command never runs it. Matching is case-insensitive; arguments are checked.
 */
export function parseCommands(body: string, sections: readonly string[]): ParsedCommands {
  const commands: Command[] = [];
  const problems: CommandProblem[] = [];
  // Cheap exit for the comments that mention no command at all, which are nearly all of them.
  if (!/\/handoff/i.test(body)) return { commands, problems };
  for (const block of toBlocks(body)) {
    if (block.type !== "paragraph" || block.quote) continue;
    for (const { line, text } of block.lines) {
      const m = LINE.exec(text);
      if (!m) continue;
      if (commands.length + problems.length >= MAX_COMMANDS) {
        problems.push({ line, text, message: `more than ${MAX_COMMANDS} commands in one comment` });
        return { commands, problems };
      }
      const word = (m[1] ?? "help").toLowerCase();
      const name = ALIASES[word] ?? ((COMMAND_NAMES as readonly string[]).includes(word) ? (word as CommandName) : null);
      const args = (m[2] ?? "").trim().split(/\s+/).filter(Boolean);
      if (!name) {
        problems.push({ line, text, message: `unknown command "${word.slice(0, 40)}"` });
      } else if (name === "na") {
        const section = args[0]?.toLowerCase();
        if (!section || args.length > 1) problems.push({ line, text, message: `/handoff n/a takes one section: ${sections.join(", ")}` });
        else if (!sections.includes(section)) problems.push({ line, text, message: `unknown section "${section.slice(0, 40)}" (sections: ${sections.join(", ")})` });
        else commands.push({ name, section, line, text });
      } else if (args.length) {
        problems.push({ line, text, message: `/handoff ${name} takes no arguments` });
      } else {
        commands.push({ name, line, text });
      }
    }
  }
  return { commands, problems };
}
