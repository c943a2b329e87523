import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { runIssue } from "../app/run-issue.js";
import { formatProblem } from "../config/parse-settings.js";
import { loadSettings } from "../config/load-settings.js";
import { buildReport, renderCsv, renderMarkdown, reportJson, type BacklogEntry } from "../backlog/report.js";
import { analyze } from "../engine/analyze.js";
import { listOpenIssues } from "../backlog/collect.js";
import { createMissingLabels } from "../github/repo-labels.js";
import { describePlan, plan } from "../plan/plan.js";
import { settingsFetcher } from "../github/settings-files.js";
import type { Octokit } from "../github/types.js";
import { CliError } from "./errors.js";
import type { Io } from "./io.js";

export interface BacklogOptions {
  repository: string;
  format: "md" | "json" | "csv";
  apply: boolean;
  resume?: string;
  apiUrl?: string;
}

const REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/** Octokit's throttling paces writes to GitHub's limits; HANDOFF_THROTTLE=off is for servers and tests without them. */
function octokitClass(env: NodeJS.ProcessEnv) {
  if (env.HANDOFF_THROTTLE !== "off") return ProbotOctokit;
  return ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, throttle: { ...(o.throttle as object), enabled: false } }));
}

async function appOctokit(env: NodeJS.ProcessEnv, owner: string, repo: string, baseUrl: string | undefined): Promise<{ octokit: Octokit; botLogin: string }> {
  const privateKey = env.PRIVATE_KEY ?? (env.PRIVATE_KEY_PATH ? readFileSync(env.PRIVATE_KEY_PATH, "utf8") : undefined);
  if (!env.APP_ID || !privateKey) throw new CliError("--apply writes as the app, so its comments are the app's own: set APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH)");
  const probot = new Probot({ appId: env.APP_ID, privateKey: privateKey.replace(/\\n/g, "\n"), log: pino({ level: "silent" }), Octokit: octokitClass(env), ...(baseUrl ? { baseUrl } : {}) });
  const jwt = await probot.auth();
  const { data: installation } = await jwt.request("GET /repos/{owner}/{repo}/installation", { owner, repo });
  const { data: app } = await jwt.request("GET /app");
  return { octokit: await probot.auth(installation.id), botLogin: `${app?.slug ?? "handoff"}[bot]` };
}

/**
 * A failed GitHub request as one line: no answer at all (no network, a wrong --api-url), or GitHub's
 * answer with its status. Exit 70, as the README says; other errors are left as they are.
 */
function githubFailure(error: unknown, apiUrl: string, credentials: string): unknown {
  if (!(error instanceof Error) || error.name !== "HttpError") return error;
  const reason = error.message.split("\n")[0] ?? "";
  const status = (error as { response?: { status?: number } }).response?.status;
  if (status === undefined) return new CliError(`cannot reach GitHub at ${apiUrl}: ${reason}`, 70);
  const hint = status === 401 || status === 403 || status === 404 ? `; check that ${credentials} can read the repository` : "";
  return new CliError(`GitHub answered ${status} (${reason})${hint}`, 70);
}

interface ResumeState {
  repository: string;
  done: number[];
}

function readResume(file: string, repository: string): Set<number> {
  if (!existsSync(file)) return new Set();
  let parsed: ResumeState;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8")) as ResumeState;
  } catch {
    throw new CliError(`${file} is not a resume file written by handoff backlog`);
  }
  if (parsed.repository !== repository || !Array.isArray(parsed.done)) throw new CliError(`${file} belongs to ${String(parsed.repository)}, not ${repository}`);
  return new Set(parsed.done.filter((n) => Number.isInteger(n)));
}

/**
 * `handoff backlog OWNER/REPO`: every open issue, analysed with the repository's settings, as a
 * report. Nothing is written without `--apply`; with it, each issue is reconciled exactly as the app
 * would, as the app.
 */
export async function backlogCommand(options: BacklogOptions, io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const m = REPO.exec(options.repository);
  if (!m) throw new CliError(`expected OWNER/REPO, got "${options.repository}"`);
  const [, owner, repo] = m as unknown as [string, string, string];
  const baseUrl = options.apiUrl?.replace(/\/+$/, "");

  const fromGitHub = async <T>(request: Promise<T>): Promise<T> => {
    try {
      return await request;
    } catch (error) {
      throw githubFailure(error, baseUrl ?? "https://api.github.com", options.apply ? "the app (APP_ID)" : "GITHUB_TOKEN");
    }
  };

  let octokit: Octokit;
  let botLogin = "";
  if (options.apply) {
    ({ octokit, botLogin } = await fromGitHub(appOctokit(env, owner, repo, baseUrl)));
  } else {
    if (!env.GITHUB_TOKEN) throw new CliError("set GITHUB_TOKEN to a token that can read the repository's issues");
    const Octokit = octokitClass(env);
    octokit = new Octokit({ auth: { token: env.GITHUB_TOKEN }, ...(baseUrl ? { baseUrl } : {}) });
  }

  const loaded = await fromGitHub(loadSettings(owner, repo, settingsFetcher(octokit)));
  if (!loaded.ok) {
    for (const p of loaded.problems) io.stderr(formatProblem(p));
    throw new CliError(`the settings of ${owner}/${repo} are invalid: ${loaded.problems.length} problem${loaded.problems.length === 1 ? "" : "s"}`, 1);
  }
  const settings = loaded.settings;

  const { issues } = await fromGitHub(listOpenIssues(octokit, { owner, repo }, botLogin || undefined));

  const done = options.resume ? readResume(options.resume, `${owner}/${repo}`) : new Set<number>();
  const progress = (n: number) => {
    if (io.stderrIsTTY) {
      const width = 30;
      const filled = Math.round((n / Math.max(issues.length, 1)) * width);
      io.progress?.(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${n}/${issues.length} issues`);
    } else if (n % 25 === 0 || n === issues.length) {
      io.stderr(`backlog: ${n}/${issues.length} issues`);
    }
  };

  let interrupted = false;
  const stop = () => (interrupted = true);
  if (options.apply) process.once("SIGINT", stop);
  const entries: BacklogEntry[] = [];
  let labels: Set<string> | null = null;
  let writes = 0;
  try {
    for (const [i, { facts, url }] of issues.entries()) {
      const analysis = analyze({ title: facts.title, body: facts.body }, settings);
      const entry: BacklogEntry = { number: facts.number, title: facts.title, url, analysis };
      if (!options.apply) {
        // The dry run plans each issue from the listing alone: the comments are not read, so the
        // checklist is one to create or update, and the decisions kept in it are not known.
        const planned = plan({ issue: facts, pullRequest: false, comments: null, jobs: [], roles: {}, now: new Date().toISOString() }, loaded);
        entry.writes = describePlan(planned);
      } else if (!done.has(facts.number)) {
        if (interrupted) throw new CliError("interrupted");
        const run = await runIssue({
          octokit,
          issue: { owner, repo, issue_number: facts.number },
          facts,
          readAgain: false,
          loaded,
          jobs: [],
          pullRequest: false,
          botLogin: async () => botLogin,
          createLabels: async (needed) => {
            labels = await createMissingLabels(octokit, { owner, repo }, needed, labels);
          },
          role: async () => null,
        });
        writes += run.applied?.writes ?? 0;
        done.add(facts.number);
        if (options.resume) writeFileSync(options.resume, JSON.stringify({ repository: `${owner}/${repo}`, done: [...done] }));
      }
      entries.push(entry);
      progress(i + 1);
    }
  } catch (error) {
    const reason = error instanceof CliError ? error.message : (error as Error).message?.split("\n")[0] ?? String(error);
    const hint = options.resume ? `run again with --resume ${options.resume} to continue` : "run again with --resume FILE to skip finished issues next time";
    throw new CliError(`stopped after ${done.size} of ${issues.length} issues (${reason}); ${hint}`, 1);
  } finally {
    if (options.apply) process.removeListener("SIGINT", stop);
    if (io.stderrIsTTY) io.progress?.("\n");
  }

  const report = buildReport(`${owner}/${repo}`, entries, settings);
  if (options.format === "json") io.stdout(JSON.stringify(reportJson(report), null, 2));
  else if (options.format === "csv") io.stdout(renderCsv(report).trimEnd());
  else {
    io.stdout(renderMarkdown(report, settings));
    if (!options.apply) {
      const planned = entries.filter((e) => e.writes?.length);
      io.stdout(["", `### Writes --apply would make (${planned.reduce((n, e) => n + (e.writes?.length ?? 0), 0)})`, "", ...(planned.length ? planned.map((e) => `- #${e.number}: ${e.writes!.join("; ")}`) : ["None."])].join("\n"));
    }
  }
  if (options.apply) io.stderr(`backlog: ${writes} write${writes === 1 ? "" : "s"} made`);
  return 0;
}
