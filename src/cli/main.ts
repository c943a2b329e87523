import { parseArgs, type ParseArgsConfig } from "node:util";
import { backlogCommand } from "./backlog-command.js";
import { checkCommand } from "./check-command.js";
import { configValidateCommand } from "./config-command.js";
import { CliError } from "./errors.js";
import type { Io } from "./io.js";

export const USAGE = `handoff: is this issue a scoped deliverable or does it need an owner, and what does its spec lack?

Usage:
  handoff check [FILE|-] [--title T] [--config FILE] [--json]
      Analyse an issue body (a file, or standard input). Without --title, a first line
      "# Title" is the title, and a one-line input is a title on its own.
  handoff config validate [FILE]
      Check a settings file (default .github/handoff.yml); each problem is printed as
      FILE:LINE:COL path: message, and the exit code is 1 when there is any.
  handoff backlog OWNER/REPO [--md|--json|--csv] [--apply] [--resume FILE] [--api-url URL]
      Analyse every open issue of a repository (token in GITHUB_TOKEN) and print a report.
      Without --apply nothing is written and the report lists the writes it would make;
      --apply reconciles each issue as the app does, as the app (APP_ID and PRIVATE_KEY).
  handoff help

Exit codes: 0 done, 1 invalid settings, 2 usage or input error.`;

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

/** Runs the CLI and returns the exit code. Every error becomes one line on stderr. */
export async function main(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case "check": {
        const { values, positionals } = parse(rest, { title: { type: "string" }, config: { type: "string" }, json: { type: "boolean" } }, 1);
        return await checkCommand(
          {
            ...(positionals[0] !== undefined ? { file: positionals[0] } : {}),
            ...(typeof values.title === "string" ? { title: values.title } : {}),
            ...(typeof values.config === "string" ? { config: values.config } : {}),
            json: values.json === true,
          },
          io,
        );
      }
      case "config": {
        const [sub, ...more] = rest;
        if (sub !== "validate") throw new CliError(sub ? `unknown config command: ${sub} (try: handoff config validate [FILE])` : "missing config command (try: handoff config validate [FILE])");
        const { positionals } = parse(more, {}, 1);
        return await configValidateCommand(positionals[0], io);
      }
      case "backlog": {
        const { values, positionals } = parse(rest, { md: { type: "boolean" }, json: { type: "boolean" }, csv: { type: "boolean" }, apply: { type: "boolean" }, resume: { type: "string" }, "api-url": { type: "string" } }, 1);
        if (!positionals[0]) throw new CliError("missing OWNER/REPO (try: handoff help)");
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
      case "help":
      case "--help":
      case "-h":
        io.stdout(USAGE);
        return 0;
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
