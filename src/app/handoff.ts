import type { Context, Probot } from "probot";
import type { Logger } from "pino";
import { loadSettings, SETTINGS_PATH, type LoadResult } from "../config/load-settings.js";
import { RoleCache } from "../github/collaborator-role.js";
import { closeConfigIssue, findConfigIssues, upsertConfigIssue, type ConfigIssue } from "../github/config-issue.js";
import { foreignLabelWarnings } from "../github/label-warnings.js";
import { createSettingsCheck } from "../github/settings-check-run.js";
import { issueFacts } from "../github/issue-facts.js";
import { settingsFetcher } from "../github/settings-files.js";
import { createMissingLabels, LabelRejected, restoreLabel, type RepoLabel } from "../github/repo-labels.js";
import type { SettingsProblem } from "../config/parse-settings.js";
import type { IssueRef, Octokit, RepoRef } from "../github/types.js";
import { answerComment, type Answer } from "../github/apply-plan.js";
import { renderConfigIssue } from "../plan/config-issue-body.js";
import { appLabelKey, type LabelSpec } from "../plan/labels.js";
import { payloadTrust } from "../plan/payload-trust.js";
import type { IssueFacts, IssueJob } from "../plan/snapshot.js";
import { listOpenIssues } from "../backlog/collect.js";
import { updateDashboard } from "../backlog/dashboard.js";
import { JobsLeft, MemoryCoordinator, RedisCoordinator, type Coordinator, type ItemRun, type Pass, type SubmitOptions } from "./coordinator.js";
import { IssueQueue, type CatchUp } from "./issue-queue.js";
import { runIssue } from "./run-issue.js";

/** What the app keeps per repository between events, so a warm app spends no reads on it. */
interface RepoState {
  /** `versions`: those of the repositories the settings came from, when they were read. */
  settings: { result: LoadResult; at: number; versions: string } | null;
  /** The settings load in progress: runs for different issues wait for it and use what it read. */
  loading: Promise<unknown>;
  /** Names of the repository's labels, lower-cased, once read. */
  labels: Set<string> | null;
  /** The label work in progress: runs for different issues wait for it rather than repeat it. */
  labelWork: Promise<unknown>;
  /** The app's open configuration issues, oldest first: undefined until looked up. */
  configIssues: ConfigIssue[] | undefined;
  /** Labels of the settings that GitHub refused to create, until the settings change. */
  labelProblems: SettingsProblem[];
}

/** The issue events the app works on. */
export type IssueContext = Context<"issues.opened" | "issues.edited" | "issues.reopened" | "issues.labeled" | "issues.unlabeled" | "issue_comment.created">;

export type { IssueJob } from "../plan/snapshot.js";

/** An answer to `/handoff backlog`, waiting for the dashboard's job to name the dashboard in it. */
interface DashboardAnswer {
  issue: IssueRef;
  answer: Answer;
  locked: boolean;
}

/** A repository's settings job: a push to check on its commit, or a label GitHub refused to create. */
type SettingsJob = { after: string } | { labelProblem: SettingsProblem };

const isPush = (job: SettingsJob): job is { after: string } => "after" in job;

/** One of the repository's labels deleted (`current` null) or edited; `name`: its name before. */
interface LabelRepair {
  name: string;
  current: RepoLabel | null;
}

/** An issue to run, as the event (or the backfill's list) carried it. */
interface IssueTarget {
  octokit: Octokit;
  owner: string;
  repo: string;
  facts: IssueFacts;
  /** The facts are a webhook's payload, which may be old (redelivered), not a list just read. */
  fromPayload: boolean;
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
 * An item's first run waits until its events have stopped for this long (a second at most), so that
 * an issue opened and edited at once costs one run: the first checklist comes about 100 ms later.
 */
const SETTLE: CatchUp = { quietMs: 100, maxMs: 1000 };

/**
 * The repositories whose settings files make a repository's settings: its own, its organisation's
 * `.github` (the fallback), and those its file extends (`files`, as `loadSettings` names them).
 */
function settingsSources(owner: string, repo: string, files: string[]): string[] {
  const own = `${owner}/${repo}`.toLowerCase();
  const sources = new Set([own, `${owner}/.github`.toLowerCase()]);
  for (const file of files) sources.add(file.includes(":") ? file.slice(0, file.indexOf(":")).toLowerCase() : own);
  return [...sources];
}

/**
 * The app's state, and the way each event reaches its run: settings (cached per repository and kept in
 * step with the configuration issue), then `runIssue` (read, plan, apply). Events only enqueue work,
 * every kind through the one job queue; the work runs after the webhook has been answered, one run
 * at a time per item.
 */
export class Handoff {
  readonly queue: IssueQueue;
  private readonly coordinator: Coordinator;
  private readonly repos = new Map<string, RepoState>();
  private readonly roles = new RoleCache();
  private bot: Promise<string> | null = null;

  constructor(
    private readonly app: Probot,
    options: HandoffOptions = {},
  ) {
    this.queue = new IssueQueue((key, error) => app.log.error({ err: error, key }, "handoff: work failed; the next event for it will try again"), { catchUp: CATCH_UP, settle: SETTLE });
    // With Redis, replicas share delivery ids, per-item locks, queued jobs and settings versions; alone, memory does.
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
      state = { settings: null, loading: Promise.resolve(), labels: null, labelWork: Promise.resolve(), configIssues: undefined, labelProblems: [] };
      this.repos.set(key, state);
    }
    return state;
  }

  /**
   * The repository's settings, loaded one at a time per repository: issues run together read the
   * files once, and each later load finds the cache the one before filled.
   */
  settings(octokit: Octokit, owner: string, repo: string): Promise<LoadResult> {
    const state = this.repoState(owner, repo);
    const load = state.loading.catch(() => undefined).then(() => this.freshSettings(octokit, owner, repo, state));
    state.loading = load;
    return load;
  }

  /**
   * The settings from the cache while it is fresh: younger than the TTL, and no settings file it came
   * from pushed since, to this replica or any other (with Redis); else read again.
   */
  private async freshSettings(octokit: Octokit, owner: string, repo: string, state: RepoState): Promise<LoadResult> {
    const cached = state.settings;
    const sources = settingsSources(owner, repo, cached?.result.files ?? []);
    let versions = (await this.coordinator.settingsVersions(sources)).join(" ");
    if (cached && cached.versions === versions && Date.now() - cached.at < SETTINGS_TTL_MS) return cached.result;
    // Pushed on another replica: what this one knew of the old settings goes with them, and the
    // configuration issues it knew of (that replica may have opened or closed some) are looked up again.
    if (cached && cached.versions !== versions) {
      state.labelProblems = [];
      state.configIssues = undefined;
    }
    const result = await loadSettings(owner, repo, settingsFetcher(octokit));
    // Versions are read before the files, so that a push during the read is not missed; those of a
    // file newly extended are read after it.
    const after = settingsSources(owner, repo, result.files);
    if (after.join(" ") !== sources.join(" ")) versions = (await this.coordinator.settingsVersions(after)).join(" ");
    state.settings = { result, at: Date.now(), versions };
    return result;
  }

  /**
   * A settings file was pushed to this repository: every replica's cache of the settings built on it
   * is stale (each sees it at its next read), and this one forgets them now.
   */
  async settingsPushed(owner: string, repo: string): Promise<void> {
    this.invalidateSettings(owner, repo);
    await this.coordinator.settingsChanged(`${owner}/${repo}`.toLowerCase());
  }

  /** The settings of this repository changed: forget them, and those of repositories built on them. */
  private invalidateSettings(owner: string, repo: string): void {
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

  /**
   * Queues the repository's settings job, the only way to its configuration issue: one run at a time
   * per repository (across replicas with Redis), so that issues opened together, and a push with
   * them, open one configuration issue between them. `job`: a push to check, a label GitHub refused,
   * or null when a run only asks for the configuration issue to be brought in step.
   */
  async enqueueSettingsCheck(octokit: Octokit, repo: RepoRef, job: SettingsJob | null, log: Logger): Promise<void> {
    await this.enqueue<SettingsJob>(`settings/${repo.owner}/${repo.repo}`.toLowerCase(), job, ({ jobs }) => this.checkSettings(octokit, repo, jobs, log));
  }

  /** The settings job: the check run on the last push's commit, then the configuration issue in step. */
  private async checkSettings(octokit: Octokit, repo: RepoRef, jobs: SettingsJob[], log: Logger): Promise<void> {
    const result = await this.settings(octokit, repo.owner, repo.repo);
    const state = this.repoState(repo.owner, repo.repo);
    for (const job of jobs) if (!isPush(job)) state.labelProblems = [...state.labelProblems.filter((p) => p.path !== job.labelProblem.path), job.labelProblem];
    const push = jobs.filter(isPush).at(-1);
    let writes = 0;
    if (push) {
      const warnings = await foreignLabelWarnings(octokit, repo, result);
      await createSettingsCheck(octokit, repo, push.after, result.ok ? [] : result.problems, warnings);
      writes++;
    }
    // After a push, the configuration issues are looked up: one may be open that this app never saw.
    writes += await this.reportSettings(octokit, repo, result, { lookUp: Boolean(push) });
    log.info({ repo: `${repo.owner}/${repo.repo}`, valid: result.ok, pushed: Boolean(push), writes }, "settings checked");
  }

  /**
   * Asks the settings job to report when the configuration issues may be out of step with settings
   * a run has read: invalid ones, a label refused, or issues still open.
   */
  private async reportInTurn(octokit: Octokit, repo: RepoRef, loaded: LoadResult, log: Logger): Promise<void> {
    const state = this.repoState(repo.owner, repo.repo);
    if (loaded.ok && !state.labelProblems.length && !state.configIssues?.length) return;
    await this.enqueueSettingsCheck(octokit, repo, null, log);
  }

  /**
   * Keeps the configuration issues in step with the settings, from the settings job only: none open
   * once they are valid; while they are not, the oldest kept up to date and any other (left by an
   * earlier race) closed as its duplicate. Returns the writes made.
   */
  private async reportSettings(octokit: Octokit, repo: RepoRef, loaded: LoadResult, { lookUp }: { lookUp: boolean }): Promise<number> {
    const state = this.repoState(repo.owner, repo.repo);
    // A label GitHub refused is a problem of valid settings: reported like the others until they change.
    const result: LoadResult = loaded.ok && state.labelProblems.length ? { ok: false, problems: state.labelProblems, files: loaded.files } : loaded;
    if (lookUp || (state.configIssues === undefined && !result.ok)) state.configIssues = await findConfigIssues(octokit, repo, await this.botLogin());
    const open = state.configIssues ?? [];
    if (result.ok) {
      for (const { number } of open) {
        await closeConfigIssue(octokit, repo, number);
        // Those not closed yet stay known as open: the next run closes them.
        state.configIssues = state.configIssues?.filter((i) => i.number !== number);
      }
      return open.length;
    }
    const [oldest, ...duplicates] = open;
    try {
      const kept = await upsertConfigIssue(octokit, repo, oldest ?? null, renderConfigIssue(result.problems, result.files));
      for (const { number } of duplicates) await closeConfigIssue(octokit, repo, number, "duplicate");
      state.configIssues = [{ number: kept.number, body: kept.body }];
      return (kept.written ? 1 : 0) + duplicates.length;
    } catch (error) {
      // GitHub may have made a write without the app hearing of it: the next run looks again.
      state.configIssues = undefined;
      throw error;
    }
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
    const labelProblem: SettingsProblem = { file: loaded.origins?.[path] ?? SETTINGS_PATH, line: at.line, column: at.column, path, message: error.message };
    await this.enqueueSettingsCheck(octokit, repo, { labelProblem }, this.app.log.child({ repo: `${repo.owner}/${repo.repo}` }));
  }

  /**
   * One of the repository's labels was deleted (`current` null) or edited: if it was one of the app's
   * (`name`, its name before the event), put it back as the settings describe it, in step with the
   * other label work of the repository and its cache. Repairs that come together are made in turn.
   */
  async enqueueLabelRepair(octokit: Octokit, owner: string, repo: string, repair: LabelRepair, log: Logger): Promise<void> {
    await this.enqueue<LabelRepair>(`labels/${owner}/${repo}`.toLowerCase(), repair, async ({ jobs: repairs }) => {
      for (const [i, { name, current }] of repairs.entries()) {
        try {
          await this.repairLabel(octokit, { owner, repo }, name, current, log);
        } catch (error) {
          throw new JobsLeft(repairs.slice(i), error);
        }
      }
    });
  }

  private async repairLabel(octokit: Octokit, { owner, repo }: RepoRef, name: string, current: RepoLabel | null, log: Logger): Promise<void> {
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

  /**
   * Queues an item's work under its key (an issue, a pull request, a repository's settings, backfill,
   * dashboard or labels) in the one job queue: one run at a time per key, across replicas with
   * Redis. `job` is the event's part of the work, as JSON; the run gets every job queued since the
   * last run. Resolves once the work is queued.
   */
  async enqueue<J>(key: string, job: NoInfer<J> | null, run: ItemRun<J>): Promise<void> {
    await this.coordinator.submit<J>(key, job, run, { settle: true });
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
      fromPayload: true,
      pullRequest: "pull_request" in issue && Boolean(issue.pull_request),
      log: context.log.child({ repo: `${owner}/${repo}`, issue: issue.number, delivery: context.id }),
    };
    await this.submitIssue(context.payload.installation?.id ?? 0, target, job ?? null, { settle: true });
  }

  /** Queues an issue's run under its per-issue key, which every way in (events, backfill) shares. */
  private submitIssue(installationId: number, target: IssueTarget, job: IssueJob | null, options: SubmitOptions): Promise<{ done: Promise<void> }> {
    const key = `${installationId}/${target.owner}/${target.repo}#${target.facts.number}`.toLowerCase();
    return this.coordinator.submit(key, job, (pass) => this.processIssue(key, target, pass), options);
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
  async enqueueBackfill(octokit: Octokit, installationId: number, owner: string, repo: string, log: Logger): Promise<void> {
    await this.enqueue(`backfill/${owner}/${repo}`.toLowerCase(), null, async () => {
      const started = Date.now();
      const loaded = await this.settings(octokit, owner, repo);
      await this.reportInTurn(octokit, { owner, repo }, loaded, log);
      if (!loaded.ok || !loaded.settings.backfill) {
        log.debug({ repo: `${owner}/${repo}`, reason: loaded.ok ? "backfill is off" : "settings invalid" }, "backfill skipped");
        return;
      }
      const { issues } = await listOpenIssues(octokit, { owner, repo }, await this.botLogin());
      // One issue at a time, each under its issue's key: an event for the same issue waits for the
      // backfill's run, or the backfill's for the event's, and the two never both post a checklist.
      for (const { facts } of issues) {
        const target: IssueTarget = { octokit, owner, repo, facts, fromPayload: false, pullRequest: false, log: log.child({ repo: `${owner}/${repo}`, issue: facts.number, backfill: true }) };
        const { done } = await this.submitIssue(installationId, target, null, { settle: false });
        await done;
      }
      log.info({ repo: `${owner}/${repo}`, issues: issues.length, ms: Date.now() - started }, "backfill done");
    });
  }

  /**
   * `/handoff backlog`: the report is built by a job of its own, one at a time per repository, not
   * inside the issue run that read the command. Answers that wait while a report is being built are
   * all answered by the next one; so are those of a job that failed, except those already made.
   */
  private async enqueueDashboard(octokit: Octokit, waiting: DashboardAnswer, log: Logger): Promise<void> {
    const { owner, repo } = waiting.issue;
    await this.enqueue<DashboardAnswer>(`dashboard/${owner}/${repo}`.toLowerCase(), waiting, ({ jobs }) => this.updateDashboard(octokit, { owner, repo }, jobs, log));
  }

  private async updateDashboard(octokit: Octokit, repo: RepoRef, answers: DashboardAnswer[], log: Logger): Promise<void> {
    if (!answers.length) return;
    const started = Date.now();
    const loaded = await this.settings(octokit, repo.owner, repo.repo);
    if (!loaded.ok) return log.debug({ reason: "settings invalid" }, "dashboard skipped");
    let answered = 0;
    try {
      const dash = await updateDashboard(octokit, repo, loaded.settings, await this.botLogin());
      let writes = dash.written ? 1 : 0;
      const line = `The backlog dashboard is #${dash.number}${dash.written ? "" : " (already up to date)"}.`;
      for (const a of answers) {
        const reply = a.answer.reply ? `${a.answer.reply}\n\n---\n\n${line}` : line;
        writes += (await answerComment(octokit, a.issue, { ...a.answer, reply }, { locked: a.locked, botLogin: () => this.botLogin() })).writes;
        answered++;
      }
      log.info({ dashboard: dash.number, answers: answers.length, writes, ms: Date.now() - started }, "dashboard updated");
    } catch (error) {
      // The answers not yet made wait for the next `/handoff backlog` of the repository.
      throw new JobsLeft(answers.slice(answered), error);
    }
  }

  private async processIssue(key: string, target: IssueTarget, { first, jobs, ranBefore }: Pass<IssueJob>): Promise<void> {
    const started = Date.now();
    const { octokit, owner, repo, log, pullRequest } = target;
    const issue = { owner, repo, issue_number: target.facts.number };

    const loaded = await this.settings(octokit, owner, repo);
    await this.reportInTurn(octokit, { owner, repo }, loaded, log);
    if (!loaded.ok) {
      log.info({ problems: loaded.problems.length, ms: Date.now() - started }, "settings are invalid: issue left alone");
      return;
    }

    // A later run starts from the issue as it is now, not from the payload that queued it; so does a
    // run whose payload's "no comments" is not to be believed (see payloadTrust).
    const trust = payloadTrust(target.facts, { fromPayload: target.fromPayload, ranBefore, now: Date.now() });
    const run = await runIssue({
      octokit,
      issue,
      facts: { ...target.facts, hasComments: trust.hasComments },
      readAgain: !first || trust.readAgain,
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
    for (const answer of applied.deferred) await this.enqueueDashboard(octokit, { issue, answer, locked: plan.locked }, log);
    if (applied.repliesLocked) log.info({ replies: applied.repliesLocked }, "issue is locked: replies suppressed, checklist kept");
    log.info(
      {
        classification: plan.decision?.classification,
        added: applied.added,
        removed: applied.removed,
        comment: applied.comment,
        commands: plan.commands,
        ...(applied.repliesSuppressed ? { repliesSuppressed: applied.repliesSuppressed } : {}),
        writes: applied.writes,
        ms: Date.now() - started,
      },
      "issue reconciled",
    );
  }
}
