import type { Context, Probot } from "probot";
import type { Logger } from "pino";
import { loadSettings, SETTINGS_PATH, type LoadResult } from "../config/load-settings.js";
import { RoleCache } from "../github/collaborator-role.js";
import { closeConfigIssue, findConfigIssue, upsertConfigIssue, type ConfigIssue } from "../github/config-issue.js";
import { issueFacts } from "../github/issue-facts.js";
import { settingsFetcher } from "../github/settings-files.js";
import { createMissingLabels, LabelRejected, restoreLabel, type RepoLabel } from "../github/repo-labels.js";
import type { SettingsProblem } from "../config/parse-settings.js";
import type { IssueRef, Octokit, RepoRef } from "../github/types.js";
import { answerComment, type Answer } from "../github/apply-plan.js";
import { renderConfigIssue } from "../plan/config-issue-body.js";
import { appLabelKey, type LabelSpec } from "../plan/labels.js";
import type { IssueFacts, IssueJob } from "../plan/snapshot.js";
import { listOpenIssues } from "../backlog/collect.js";
import { updateDashboard } from "../backlog/dashboard.js";
import { MemoryCoordinator, RedisCoordinator, type Coordinator } from "./coordinator.js";
import { IssueQueue, type CatchUp } from "./issue-queue.js";
import { runIssue } from "./run-issue.js";

/** What the app keeps per repository between events, so a warm app spends no reads on it. */
interface RepoState {
  settings: { result: LoadResult; at: number } | null;
  /** Names of the repository's labels, lower-cased, once read. */
  labels: Set<string> | null;
  /** The label work in progress: runs for different issues wait for it rather than repeat it. */
  labelWork: Promise<unknown>;
  /** The open configuration issue: undefined until looked up. */
  configIssue: ConfigIssue | null | undefined;
  /** Labels of the settings that GitHub refused to create, until the settings change. */
  labelProblems: SettingsProblem[];
}

/** The issue events the app works on. */
export type IssueContext = Context<"issues.opened" | "issues.edited" | "issues.reopened" | "issues.labeled" | "issues.unlabeled" | "issue_comment.created">;

export type { IssueJob } from "../plan/snapshot.js";

/** An answer to `/handoff backlog`, waiting for the dashboard's job to name the dashboard in it. */
interface DashboardAnswer {
  octokit: Octokit;
  issue: IssueRef;
  answer: Answer;
  locked: boolean;
  log: Logger;
}

/** An issue to run, as the event (or the backfill's list) carried it. */
interface IssueTarget {
  octokit: Octokit;
  owner: string;
  repo: string;
  facts: IssueFacts;
  pullRequest: boolean;
  log: Logger;
}

export interface HandoffOptions {
  /** Redis shared by the replicas (REDIS_URL); without it, one process keeps everything in memory. */
  redisUrl?: string;
}

/** How long loaded settings are trusted without a push that invalidates them. */
const SETTINGS_TTL_MS = 15 * 60 * 1000;
/** Events of one burst come within a few hundred milliseconds of each other. */
const CATCH_UP: CatchUp = { quietMs: 250, maxMs: 2000 };

/**
 * The app's state, and the way each event reaches its run: settings (cached per repository and kept in
 * step with the configuration issue), then `runIssue` (read, plan, apply). Events only enqueue work;
 * the work runs after the webhook has been answered, one run at a time per issue.
 */
export class Handoff {
  readonly queue: IssueQueue;
  private readonly coordinator: Coordinator;
  private readonly repos = new Map<string, RepoState>();
  private readonly roles = new RoleCache();
  /** Per repository, the `/handoff backlog` answers the next dashboard job is to post. */
  private readonly dashboardAnswers = new Map<string, DashboardAnswer[]>();
  private bot: Promise<string> | null = null;

  constructor(
    private readonly app: Probot,
    options: HandoffOptions = {},
  ) {
    this.queue = new IssueQueue((key, error) => app.log.error({ err: error, key }, "handoff: work failed; the next event for it will try again"), CATCH_UP);
    // With Redis, replicas share delivery ids and per-issue locks; alone, memory does.
    this.coordinator = options.redisUrl ? RedisCoordinator.connect(options.redisUrl, this.queue) : new MemoryCoordinator(this.queue);
  }

  /** The login the app's comments carry (`slug[bot]`), read once. */
  botLogin(): Promise<string> {
    if (!this.bot) {
      const lookup = (async () => {
        const octokit = await this.app.auth();
        const { data } = await octokit.request("GET /app");
        if (!data?.slug) throw new Error("GET /app returned no slug");
        return `${data.slug}[bot]`;
      })();
      // A failed lookup is not remembered: the next event asks again.
      lookup.catch(() => {
        if (this.bot === lookup) this.bot = null;
      });
      this.bot = lookup;
    }
    return this.bot;
  }

  private repoState(owner: string, repo: string): RepoState {
    const key = `${owner}/${repo}`.toLowerCase();
    let state = this.repos.get(key);
    if (!state) {
      state = { settings: null, labels: null, labelWork: Promise.resolve(), configIssue: undefined, labelProblems: [] };
      this.repos.set(key, state);
    }
    return state;
  }

  /** The repository's settings, from the cache while it is fresh. */
  async settings(octokit: Octokit, owner: string, repo: string): Promise<LoadResult> {
    const state = this.repoState(owner, repo);
    if (state.settings && Date.now() - state.settings.at < SETTINGS_TTL_MS) return state.settings.result;
    const result = await loadSettings(owner, repo, settingsFetcher(octokit));
    state.settings = { result, at: Date.now() };
    return result;
  }

  /** The settings of this repository changed: forget them, and those of repositories built on them. */
  invalidateSettings(owner: string, repo: string): void {
    const file = `${owner}/${repo}:${SETTINGS_PATH}`.toLowerCase();
    for (const [key, state] of this.repos) {
      const [o] = key.split("/");
      const dependent = state.settings?.result.files.some((f) => f.toLowerCase() === file);
      if (key === `${owner}/${repo}`.toLowerCase() || dependent || (repo === ".github" && o === owner.toLowerCase())) {
        state.settings = null;
        state.labelProblems = [];
      }
    }
  }

  /** Keeps the configuration issue in step with the settings; returns the writes made. */
  async reportSettings(octokit: Octokit, repo: RepoRef, loaded: LoadResult, { lookUp }: { lookUp: boolean }): Promise<number> {
    const state = this.repoState(repo.owner, repo.repo);
    // A label GitHub refused is a problem of valid settings: reported like the others until they change.
    const result: LoadResult = loaded.ok && state.labelProblems.length ? { ok: false, problems: state.labelProblems, files: loaded.files } : loaded;
    if (state.configIssue === undefined && (lookUp || !result.ok)) state.configIssue = await findConfigIssue(octokit, repo, await this.botLogin());
    if (result.ok) {
      if (!state.configIssue) return 0;
      await closeConfigIssue(octokit, repo, state.configIssue.number);
      state.configIssue = null;
      return 1;
    }
    let issue: Awaited<ReturnType<typeof upsertConfigIssue>>;
    try {
      issue = await upsertConfigIssue(octokit, repo, state.configIssue ?? null, renderConfigIssue(result.problems, result.files));
    } catch (error) {
      // GitHub may have made the write without the app hearing of it: the next run looks again.
      state.configIssue = undefined;
      throw error;
    }
    state.configIssue = { number: issue.number, body: issue.body };
    return issue.written ? 1 : 0;
  }

  /**
   * Makes sure labels exist in a repository, one run at a time per repository, so that issues
   * processed together do not each read the labels and race to create the same ones.
   */
  createLabelsInTurn(octokit: Octokit, owner: string, repo: string, needed: LabelSpec[]): Promise<void> {
    const state = this.repoState(owner, repo);
    const work = state.labelWork.catch(() => undefined).then(async () => {
      try {
        state.labels = await createMissingLabels(octokit, { owner, repo }, needed, state.labels);
      } catch (error) {
        if (error instanceof LabelRejected) await this.reportLabelRejected(octokit, { owner, repo }, error);
        throw error;
      }
    });
    state.labelWork = work;
    return work;
  }

  /** Reports a label GitHub refused to create in the configuration issue, against the setting that names it. */
  private async reportLabelRejected(octokit: Octokit, repo: RepoRef, error: LabelRejected): Promise<void> {
    const state = this.repoState(repo.owner, repo.repo);
    const loaded = state.settings?.result;
    if (!loaded?.ok) return;
    const key = appLabelKey(loaded.settings, error.label);
    const path = key ? `labels.${key}.name` : "labels";
    // A name left to its default is in no file: the problem points at the first line of the repository's.
    const at = loaded.positions?.[path] ?? { line: 1, column: 1 };
    const problem: SettingsProblem = { file: loaded.origins?.[path] ?? SETTINGS_PATH, line: at.line, column: at.column, path, message: error.message };
    state.labelProblems = [...state.labelProblems.filter((p) => p.path !== path), problem];
    await this.reportSettings(octokit, repo, loaded, { lookUp: false });
  }

  /**
   * One of the repository's labels was deleted (`current` null) or edited: if it was one of the app's
   * (`name`, its name before the event), put it back as the settings describe it, in step with the
   * other label work of the repository and its cache.
   */
  enqueueLabelRepair(octokit: Octokit, owner: string, repo: string, name: string, current: RepoLabel | null, log: Logger): void {
    void this.queue.enqueue(`labels/${owner}/${repo}`.toLowerCase(), async () => {
      const loaded = await this.settings(octokit, owner, repo);
      const key = loaded.ok ? appLabelKey(loaded.settings, name) : null;
      if (!loaded.ok || !key) {
        log.debug({ repo: `${owner}/${repo}`, label: name, reason: loaded.ok ? "not one of the app's labels" : "settings invalid" }, "skipped");
        return;
      }
      const spec = loaded.settings.labels[key];
      const state = this.repoState(owner, repo);
      const work = state.labelWork.catch(() => undefined).then(() => restoreLabel(octokit, { owner, repo }, spec, current, state.labels));
      state.labelWork = work;
      const written = await work;
      log.info({ repo: `${owner}/${repo}`, label: spec.name, restored: current === null ? "created" : written ? "edited" : "unchanged" }, "app label restored");
    });
  }

  /** Whether a label name is one of the app's, judged with the settings in the cache when there are any. */
  mayBeAppLabel(owner: string, repo: string, name: string): boolean {
    const cached = this.repoState(owner, repo).settings?.result;
    return !cached?.ok || appLabelKey(cached.settings, name) !== null;
  }

  /** True the first time a delivery id is seen: a redelivered webhook is processed once. */
  firstDelivery(id: string): Promise<boolean> {
    return this.coordinator.firstDelivery(id);
  }

  /** Queues an issue, with a person's label edit or a comment's commands to handle in the same run. */
  async enqueueIssue(context: IssueContext, job?: IssueJob): Promise<void> {
    const { owner, repo } = context.repo();
    const { issue } = context.payload;
    const target: IssueTarget = {
      octokit: context.octokit,
      owner,
      repo,
      facts: issueFacts(issue),
      pullRequest: "pull_request" in issue && Boolean(issue.pull_request),
      log: context.log.child({ repo: `${owner}/${repo}`, issue: issue.number, delivery: context.id }),
    };
    await this.submitIssue(context.payload.installation?.id ?? 0, target, job ?? null);
  }

  /** Queues an issue's run under its per-issue key, which every way in (events, backfill) shares. */
  private submitIssue(installationId: number, target: IssueTarget, job: IssueJob | null): Promise<{ done: Promise<void> }> {
    const key = `${installationId}/${target.owner}/${target.repo}#${target.facts.number}`.toLowerCase();
    return this.coordinator.submit(key, job, (first, jobs, ranBefore) => this.processIssue(key, target, { first, jobs, ranBefore }));
  }

  /** Waits for the queued work; then lets go of Redis, if the app uses it. */
  async close(): Promise<void> {
    await this.queue.idle();
    await this.coordinator.close();
  }

  /**
   * `backfill: true`: reconcile every open issue of a repository once, when the app is installed on
   * it. Octokit's throttling paces the writes (about one a second) under GitHub's limits for content.
   */
  enqueueBackfill(octokit: Octokit, installationId: number, owner: string, repo: string, log: Logger): void {
    void this.queue.enqueue(`backfill/${owner}/${repo}`.toLowerCase(), async () => {
      const started = Date.now();
      const loaded = await this.settings(octokit, owner, repo);
      await this.reportSettings(octokit, { owner, repo }, loaded, { lookUp: false });
      if (!loaded.ok || !loaded.settings.backfill) {
        log.debug({ repo: `${owner}/${repo}`, reason: loaded.ok ? "backfill is off" : "settings invalid" }, "backfill skipped");
        return;
      }
      const { issues } = await listOpenIssues(octokit, { owner, repo }, await this.botLogin());
      // One issue at a time, each under its issue's key: an event for the same issue waits for the
      // backfill's run, or the backfill's for the event's, and the two never both post a checklist.
      for (const { facts } of issues) {
        const target: IssueTarget = { octokit, owner, repo, facts, pullRequest: false, log: log.child({ repo: `${owner}/${repo}`, issue: facts.number, backfill: true }) };
        const { done } = await this.submitIssue(installationId, target, null);
        await done;
      }
      log.info({ repo: `${owner}/${repo}`, issues: issues.length, ms: Date.now() - started }, "backfill done");
    });
  }

  /**
   * `/handoff backlog`: the report is built by a job of its own, one at a time per repository, not
   * inside the issue run that read the command. Answers that wait while a report is being built are
   * all answered by the next one; so are those of a job that failed.
   */
  private enqueueDashboard(waiting: DashboardAnswer): void {
    const key = `dashboard/${waiting.issue.owner}/${waiting.issue.repo}`.toLowerCase();
    this.dashboardAnswers.set(key, [...(this.dashboardAnswers.get(key) ?? []), waiting]);
    void this.queue.enqueue(key, async () => {
      const answers = this.dashboardAnswers.get(key) ?? [];
      this.dashboardAnswers.delete(key);
      if (!answers.length) return;
      const started = Date.now();
      const { octokit, issue, log } = answers[answers.length - 1]!;
      const repo = { owner: issue.owner, repo: issue.repo };
      const loaded = await this.settings(octokit, repo.owner, repo.repo);
      if (!loaded.ok) return log.debug({ reason: "settings invalid" }, "dashboard skipped");
      let answered = 0;
      try {
        const dash = await updateDashboard(octokit, repo, loaded.settings, await this.botLogin());
        let writes = dash.written ? 1 : 0;
        const line = `The backlog dashboard is #${dash.number}${dash.written ? "" : " (already up to date)"}.`;
        for (const a of answers) {
          const reply = a.answer.reply ? `${a.answer.reply}\n\n---\n\n${line}` : line;
          writes += (await answerComment(a.octokit, a.issue, { ...a.answer, reply }, { locked: a.locked })).writes;
          answered++;
        }
        log.info({ dashboard: dash.number, answers: answers.length, writes, ms: Date.now() - started }, "dashboard updated");
      } catch (error) {
        // The answers not yet made wait for the next `/handoff backlog` of the repository.
        this.dashboardAnswers.set(key, [...answers.slice(answered), ...(this.dashboardAnswers.get(key) ?? [])]);
        throw error;
      }
    });
  }

  private async processIssue(key: string, target: IssueTarget, { first, jobs, ranBefore }: { first: boolean; jobs: IssueJob[]; ranBefore: boolean }): Promise<void> {
    const started = Date.now();
    const { octokit, owner, repo, log, pullRequest } = target;
    const issue = { owner, repo, issue_number: target.facts.number };

    const loaded = await this.settings(octokit, owner, repo);
    const configWrites = await this.reportSettings(octokit, { owner, repo }, loaded, { lookUp: false });
    if (!loaded.ok) {
      log.info({ problems: loaded.problems.length, writes: configWrites, ms: Date.now() - started }, "settings are invalid: issue left alone");
      return;
    }

    // A later run starts from the issue as it is now, not from the payload that queued it. A payload
    // saying "no comments" is trusted only if no run has been here before: otherwise the app's own
    // comment may have been posted after the payload was made, and the comments are read.
    const run = await runIssue({
      octokit,
      issue,
      facts: { ...target.facts, hasComments: target.facts.hasComments || ranBefore },
      readAgain: !first,
      loaded,
      jobs,
      pullRequest,
      botLogin: () => this.botLogin(),
      createLabels: (needed) => this.createLabelsInTurn(octokit, owner, repo, needed),
      role: (username) => this.roles.get(octokit, { owner, repo }, username),
      claim: (what, ms) => this.coordinator.claim(`reply:${key}:${what}`, ms),
    });
    const { plan, applied } = run;
    if (!applied) {
      log.debug({ reason: plan.skipped }, "skipped");
      return;
    }
    for (const answer of applied.deferred) this.enqueueDashboard({ octokit, issue, answer, locked: plan.locked, log });
    if (applied.repliesLocked) log.info({ replies: applied.repliesLocked }, "issue is locked: replies suppressed, checklist kept");
    log.info(
      {
        classification: plan.decision?.classification,
        added: applied.added,
        removed: applied.removed,
        comment: applied.comment,
        commands: plan.commands,
        ...(applied.repliesSuppressed ? { repliesSuppressed: applied.repliesSuppressed } : {}),
        writes: applied.writes + configWrites,
        ms: Date.now() - started,
      },
      "issue reconciled",
    );
  }
}
