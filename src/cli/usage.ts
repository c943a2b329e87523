/** What each command takes, printed by `--help` (and on a bare `handoff`, to standard error). */
export const COMMAND_USAGE = {
  check: `Usage: handoff check [FILE|-] [--title T] [--config FILE] [--json | --comment]

Analyse an issue body from FILE, or from standard input (- or no FILE).
Without --title, a first line "# Title" is the title, and a one-line input is a title on its own.

  --title T        the issue's title
  --config FILE    settings to use; without it, the repository's .github/handoff.yml is used
                   when there is one (found from the current folder up to the repository's root),
                   and standard error says so
  --json           print the Analysis JSON instead of the readable report
  --comment        print the comment's Markdown exactly as the app would post it on a new issue
                   (nothing, with a note on standard error, where the app would post none)
  -h, --help       print this help`,
  config: `Usage: handoff config validate [FILE|-]

Check a settings file (default .github/handoff.yml). Each problem is printed as
FILE:LINE:COL path: message, and the exit code is 1 when there is any.

  -h, --help       print this help`,
  backlog: `Usage: handoff backlog OWNER/REPO [--md | --json | --csv] [--apply] [--resume FILE] [--api-url URL]

Analyse every open issue of a repository (token in GITHUB_TOKEN) and print a report.
Without --apply nothing is written and the report lists the writes it would make;
--apply reconciles each issue as the app does, as the app (APP_ID and PRIVATE_KEY).

  --md, --json, --csv   the report's format (Markdown by default)
  --apply               label each issue and write its checklist, as the app
  --resume FILE         record finished issues in FILE, and skip them on the next run
  --api-url URL         GitHub Enterprise Server's API address
  -h, --help            print this help`,
} as const;

export type CommandName = keyof typeof COMMAND_USAGE;

export const EXIT_CODES = `Exit codes:
  0   done
  1   invalid settings, or a backlog --apply that stopped before the end
  2   a usage or input error (unknown option, unreadable, empty or binary input)
  70  GitHub out of reach or refusing a request (backlog), or an unexpected error`;

export const USAGE = `handoff: is this issue a scoped deliverable or does it need an owner, and what does its spec lack?

Usage:
  handoff check [FILE|-] [--title T] [--config FILE] [--json | --comment]
      Analyse an issue body (a file, or standard input). Without --title, a first line
      "# Title" is the title, and a one-line input is a title on its own.
  handoff config validate [FILE|-]
      Check a settings file (default .github/handoff.yml); each problem is printed as
      FILE:LINE:COL path: message, and the exit code is 1 when there is any.
  handoff backlog OWNER/REPO [--md|--json|--csv] [--apply] [--resume FILE] [--api-url URL]
      Analyse every open issue of a repository (token in GITHUB_TOKEN) and print a report.
      Without --apply nothing is written and the report lists the writes it would make;
      --apply reconciles each issue as the app does, as the app (APP_ID and PRIVATE_KEY).
  handoff help [COMMAND]     this help, or a command's (also: handoff COMMAND --help)
  handoff --version          the version

${EXIT_CODES}`;
