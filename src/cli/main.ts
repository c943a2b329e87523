import { parseArgs, type ParseArgsConfig } from "node:util";
import { backlogCommand } from "./backlog-command.js";
import { checkCommand } from "./check-command.js";
import { configValidateCommand } from "./config-command.js";
import { CliError } from "./errors.js";
import type { Io } from "./io.js";
import { packageVersion } from "./package-version.js";
import { COMMAND_USAGE, USAGE, type CommandName } from "./usage.js";

const help = { help: { type: "boolean", short: "h" } } as const;

function parse(args: string[], options: NonNullable<ParseArgsConfig["options"]>, maxPositionals: number) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    if (parsed.positionals.length > maxPositionals) throw new CliError(`unexpected argument: ${parsed.positionals[maxPositionals]}`);
    return parsed;
  } catch (e) {
    if (e instanceof CliError) throw e;
    // Node's messages name the flag; keep the first sentence only.
    throw new CliError(((e as Error).message.split(/\.\s/)[0] ?? "invalid arguments").replace(/\.$/, ""));
  }
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_USAGE, name);
}

function printUsage(io: Io, command: CommandName): number {
  io.stdout(COMMAND_USAGE[command]);
  return 0;
}

/** Runs the CLI and returns the exit code. Every error becomes one line on stderr. */
export async function main(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case "check": {
        const { values, positionals } = parse(rest, { ...help, title: { type: "string" }, config: { type: "string" }, json: { type: "boolean" }, comment: { type: "boolean" } }, 1);
        if (values.help === true) return printUsage(io, "check");
        if (values.json === true && values.comment === true) throw new CliError("choose one of --json, --comment");
        return await checkCommand(
          {
            ...(positionals[0] !== undefined ? { file: positionals[0] } : {}),
            ...(typeof values.title === "string" ? { title: values.title } : {}),
            ...(typeof values.config === "string" ? { config: values.config } : {}),
            output: values.json === true ? "json" : values.comment === true ? "comment" : "report",
          },
          io,
        );
      }
      case "config": {
        const [sub, ...more] = rest;
        if (sub === "--help" || sub === "-h") return printUsage(io, "config");
        if (sub !== "validate") throw new CliError(sub ? `unknown config command: ${sub} (try: handoff config validate [FILE])` : "missing config command (try: handoff config validate [FILE])");
        const { values, positionals } = parse(more, { ...help }, 1);
        if (values.help === true) return printUsage(io, "config");
        return await configValidateCommand(positionals[0], io);
      }
      case "backlog": {
        const { values, positionals } = parse(rest, { ...help, md: { type: "boolean" }, json: { type: "boolean" }, csv: { type: "boolean" }, apply: { type: "boolean" }, resume: { type: "string" }, "api-url": { type: "string" } }, 1);
        if (values.help === true) return printUsage(io, "backlog");
        if (!positionals[0]) throw new CliError("missing OWNER/REPO (try: handoff backlog --help)");
        const formats = (["md", "json", "csv"] as const).filter((f) => values[f] === true);
        if (formats.length > 1) throw new CliError("choose one of --md, --json, --csv");
        return await backlogCommand(
          {
            repository: positionals[0],
            format: formats[0] ?? "md",
            apply: values.apply === true,
            ...(typeof values.resume === "string" ? { resume: values.resume } : {}),
            ...(typeof values["api-url"] === "string" ? { apiUrl: values["api-url"] } : {}),
          },
          io,
          env,
        );
      }
      case "--version":
      case "-v":
      case "version":
        io.stdout(packageVersion());
        return 0;
      case "help":
      case "--help":
      case "-h": {
        const topic = rest[0];
        if (topic === undefined) {
          io.stdout(USAGE);
          return 0;
        }
        if (isCommand(topic)) return printUsage(io, topic);
        throw new CliError(`no help for ${topic}: the commands are ${Object.keys(COMMAND_USAGE).join(", ")}`);
      }
      case undefined:
        io.stderr(USAGE);
        return 2;
      default:
        throw new CliError(`unknown command: ${command} (try: handoff help)`);
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`handoff: ${e.message}`);
      return e.exitCode;
    }
    io.stderr(`handoff: unexpected error: ${(e as Error).message ?? String(e)}`);
    return 70;
  }
}
