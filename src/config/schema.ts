import { z } from "zod";
import { SECTION_IDS } from "../engine/section-defs.js";
import { COMMAND_NAMES, PERMISSION_LEVELS, type PermissionLevel } from "../plan/commands.js";

/** GitHub's limits for labels. */
export const LABEL_NAME_MAX = 50;
export const LABEL_DESCRIPTION_MAX = 100;

const sectionId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, "must be lower-case letters, digits and dashes, starting with a letter (at most 40)");

const label = (name: string, color: string, description: string, meaning: string) =>
  z
    .object({
      name: z.string().trim().min(1, "must not be empty").max(LABEL_NAME_MAX, `must be at most ${LABEL_NAME_MAX} characters (GitHub's limit)`).default(name),
      color: z
        .string()
        .regex(/^#?[0-9a-fA-F]{6}$/, 'must be 6 hexadecimal digits, like "0e8a16"')
        .transform((c) => c.replace(/^#/, "").toLowerCase())
        .default(color),
      description: z.string().max(LABEL_DESCRIPTION_MAX, `must be at most ${LABEL_DESCRIPTION_MAX} characters (GitHub's limit)`).default(description),
    })
    .strict()
    .prefault({})
    .describe(`${meaning}: name (at most ${LABEL_NAME_MAX} characters), color (6 hex digits), description (at most ${LABEL_DESCRIPTION_MAX}).`);

const phrases = z.array(z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters")).max(100, "at most 100 phrases");

const customSection = z
  .object({
    id: sectionId,
    title: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
    headings: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    hint: z.string().max(300).optional(),
  })
  .strict();

/** The class probability the engine needs before it labels an issue, by default. */
export const DEFAULT_THRESHOLD = 0.4;
const MIN_THRESHOLD = 0.34;

/** A window in minutes, at most a week. */
const minutes = (fallback: number) => z.number().int("must be a whole number of minutes").min(0).max(10_080, "must be at most 10080 (a week)").default(fallback);

/**
 * The settings file, `.github/handoff.yml`. Every key is optional; an unknown key is an error (it is
 * almost always a typo). This schema is the single source of the settings type, its defaults and the
 * JSON Schema in `schema/handoff.schema.json`.
 */
export const settingsSchema = z
  .object({
    _extends: z.string().min(1).optional().describe("Another repository's settings file to start from (Probot's `_extends`)."),
    sections: z
      .object({
        required: z.array(sectionId).default(["context", "scope", "contract", "acceptance", "done"]).describe("Sections an issue must have to be ready to hand off."),
        recommended: z.array(sectionId).default(["dependencies", "constraints"]).describe("Sections shown in the checklist but not required."),
        aliases: z.record(sectionId, z.array(z.string().trim().min(1).max(100)).max(50)).default({}).describe("Extra headings that count for a section."),
        custom: z.array(customSection).max(20, "at most 20 custom sections").default([]).describe("Sections of your own, found by their headings."),
        fit_to_kind: z
          .boolean()
          .default(true)
          .describe("Fit the required sections to the kind of work: an API contract only where the work touches an interface, for a bug fix, its expected behaviour as the finish line instead of a scope and a definition of done. false requires `required` for every kind."),
      })
      .strict()
      .prefault({}),
    classify: z
      .object({
        threshold: z
          .number()
          .min(MIN_THRESHOLD, `must be at least ${MIN_THRESHOLD}: with three classes the likeliest one is never below 1/3`)
          .max(1, "must be a probability between 0.34 and 1 (the old score scale, e.g. 2, is gone: 0.4 is the default)")
          .default(DEFAULT_THRESHOLD)
          .describe("How confident the engine must be, as a probability from 0.34 to 1, before labelling; below it the issue is unclear."),
        owner_phrases: phrases.default([]).describe("Phrases that point to work needing an owner."),
        scoped_phrases: phrases.default([]).describe("Phrases that point to a scoped deliverable."),
      })
      .strict()
      .prefault({}),
    labels: z
      .object({
        scoped: label("scoped-deliverable", "0e8a16", "Bounded work with a finish line", "Label for scoped deliverables"),
        owner: label("needs-owner", "5319e7", "Needs long-term embedded ownership", "Label for work that needs an owner"),
        ready: label("handoff-ready", "1d76db", "Spec complete: can be handed off", "Label for scoped deliverables whose required sections are all there"),
        incomplete: label("needs-spec", "fbca04", "Spec sections missing", "Label for scoped deliverables with required sections missing"),
      })
      .strict()
      .prefault({}),
    comment: z
      .object({
        on_ready: z.enum(["update", "delete"]).default("update").describe("What happens to the checklist comment once the issue is ready."),
      })
      .strict()
      .prefault({}),
    ignore: z
      .object({
        labels: z.array(z.string().min(1).max(LABEL_NAME_MAX)).default([]).describe("Issues with any of these labels are left alone."),
        authors: z.array(z.string().min(1).max(100)).default([]).describe("Issues opened by these accounts are left alone."),
      })
      .strict()
      .prefault({}),
    pull_requests: z.boolean().default(true).describe("Report linked acceptance criteria on pull requests."),
    backfill: z.boolean().default(false).describe("Check every open issue once when the app is installed."),
    commands: z
      .object({
        permissions: z.partialRecord(z.enum(COMMAND_NAMES), z.enum(PERMISSION_LEVELS)).default({}).describe("Lowest role that may run each slash command."),
        denied_reply_minutes: minutes(60).describe("A person denied a command gets at most one reply per issue in this many minutes (the 👎 always); 0 replies every time."),
        answer_minutes: minutes(10).describe("The same answer (explain, template, help, brief, config, or a problem with a command) goes to the same person on the same issue at most once in this many minutes; 0 answers every time."),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  // Cross-field checks run even when a field has another problem, so one pass reports everything:
  // the value may then be partly invalid, hence the defensive reads.
  .superRefine((value, ctx) => crossCheck(value as unknown, ctx), { when: () => true });

const DEFAULT_REQUIRED = ["context", "scope", "contract", "acceptance", "done"];
const DEFAULT_RECOMMENDED = ["dependencies", "constraints"];
const DEFAULT_LABELS: Record<string, string> = { scoped: "scoped-deliverable", owner: "needs-owner", ready: "handoff-ready", incomplete: "needs-spec" };

function obj(x: unknown): Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

function strings(x: unknown, fallback: string[]): Array<string | null> {
  return Array.isArray(x) ? x.map((v) => (typeof v === "string" ? v : null)) : fallback;
}

function crossCheck(value: unknown, ctx: z.RefinementCtx): void {
  const sections = obj(obj(value).sections);
  const builtin: readonly string[] = SECTION_IDS;
  const customList = Array.isArray(sections.custom) ? sections.custom : [];
  const custom = customList.map((c) => obj(c).id).map((id) => (typeof id === "string" ? id : null));
  custom.forEach((id, i) => {
    if (id === null) return;
    if (builtin.includes(id)) ctx.addIssue({ code: "custom", path: ["sections", "custom", i, "id"], message: `"${id}" is a built-in section: pick another id` });
    else if (custom.indexOf(id) !== i) ctx.addIssue({ code: "custom", path: ["sections", "custom", i, "id"], message: `"${id}" is defined twice` });
  });
  const known = new Set([...builtin, ...custom.filter((id): id is string => id !== null)]);
  const unknown = (id: string) => `unknown section "${id}" (known: ${[...known].join(", ")})`;
  const required = strings(sections.required, DEFAULT_REQUIRED);
  const recommended = strings(sections.recommended, DEFAULT_RECOMMENDED);
  required.forEach((id, i) => {
    if (id === null) return;
    if (!known.has(id)) ctx.addIssue({ code: "custom", path: ["sections", "required", i], message: unknown(id) });
    else if (required.indexOf(id) !== i) ctx.addIssue({ code: "custom", path: ["sections", "required", i], message: `"${id}" is listed twice` });
  });
  recommended.forEach((id, i) => {
    if (id === null) return;
    if (!known.has(id)) ctx.addIssue({ code: "custom", path: ["sections", "recommended", i], message: unknown(id) });
    else if (required.includes(id) && Array.isArray(sections.recommended)) ctx.addIssue({ code: "custom", path: ["sections", "recommended", i], message: `"${id}" is already required` });
  });
  for (const id of Object.keys(obj(sections.aliases))) {
    if (!known.has(id)) ctx.addIssue({ code: "custom", path: ["sections", "aliases", id], message: unknown(id) });
  }
  // Two of the app's labels with one name would make it add and remove the same label.
  const labels = obj(obj(value).labels);
  const names = Object.entries(DEFAULT_LABELS).map(([key, name]) => {
    const given = obj(labels[key]).name;
    // Defaults are already filled in here: a name that differs from its default is the one the file set.
    const actual = (typeof given === "string" ? given.trim() : name).toLowerCase();
    return { key, name: actual, given: actual !== name };
  });
  for (const l of names) {
    const other = names.find((o) => o.key !== l.key && o.name === l.name);
    if (other && l.given) ctx.addIssue({ code: "custom", path: ["labels", l.key, "name"], message: `"${l.name}" is also the name of labels.${other.key}` });
  }
}

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
/** What `commands.permissions` may require for a command. */
export type Role = PermissionLevel;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
