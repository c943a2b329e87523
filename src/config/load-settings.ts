import { readSettingsFile, validateSettings, type SettingsFile, type SettingsProblem, type SettingsResult } from "./parse-settings.js";

/** Where a settings file lives. */
export interface FileRef {
  owner: string;
  repo: string;
  path: string;
}

/** Reads a file's text, or null when it does not exist. Any other failure throws. */
export type FetchText = (ref: FileRef) => Promise<string | null>;

export type LoadResult = SettingsResult & {
  /** The files that made the settings, base first, named as problems name them. */
  files: string[];
  /** For each setting (dotted path), the file that set it; absent where the default applies. */
  origins?: Record<string, string>;
  /** For each setting in `origins`, its line and column in that file (for problems found later, like a label GitHub refuses). */
  positions?: Record<string, { line: number; column: number }>;
};

/** Dotted paths of the leaves of a settings object: mappings are walked, lists and values are leaves. */
function leaves(value: unknown, path: string[] = []): string[][] {
  if (!isObject(value) || Object.keys(value).length === 0) return path.length ? [path] : [];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
}

export const SETTINGS_PATH = ".github/handoff.yml";
/** Longest `_extends` chain followed. */
const MAX_FILES = 5;
/** `repo`, `owner/repo`, or either with `:path/to/file.yml`: the forms `_extends` takes. */
const EXTENDS = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w]+)(?::([-_./\w]+\.ya?ml))?$/i;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Deep merge for settings: mappings merge key by key, lists and values replace. */
export function mergeSettings(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isObject(b) && isObject(v) ? mergeSettings(b, v) : v;
  }
  return out;
}

function problem(file: SettingsFile | string, path: string, message: string, at?: SettingsFile): SettingsProblem {
  const pos = at ? at.position(["_extends"]) : { line: 1, column: 1 };
  return { file: typeof file === "string" ? file : file.file, line: pos.line, column: pos.column, path, message };
}

/**
 * Loads a repository's settings the way Probot's `context.config` finds them: the repository's own
 * file, else the organisation's `.github` repository, then the chain of `_extends`. Unlike
 * `context.config` it keeps each file's text, so every problem can name its file and line. Nothing
 * is merged from a chain that has a problem anywhere.
 */
export async function loadSettings(owner: string, repo: string, fetchText: FetchText, path = SETTINGS_PATH): Promise<LoadResult> {
  const name = (ref: FileRef) => (ref.owner === owner && ref.repo === repo ? ref.path : `${ref.owner}/${ref.repo}:${ref.path}`);
  let ref: FileRef = { owner, repo, path };
  let text = await fetchText(ref);
  if (text === null && repo !== ".github") {
    ref = { owner, repo: ".github", path };
    text = await fetchText(ref);
  }
  const files: SettingsFile[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  while (text !== null) {
    const read = readSettingsFile(text, name(ref));
    names.unshift(name(ref));
    if (!read.ok) return { ok: false, problems: read.problems, files: names };
    files.unshift(read.file);
    seen.add(`${ref.owner}/${ref.repo}:${ref.path}`.toLowerCase());
    const ext = read.file.data._extends;
    if (ext === undefined) break;
    const m = typeof ext === "string" ? EXTENDS.exec(ext.trim()) : null;
    if (!m) return { ok: false, problems: [problem(read.file, "_extends", 'must name a repository: "repo", "owner/repo" or "owner/repo:path/file.yml"', read.file)], files: names };
    const next: FileRef = { owner: m[1] ?? ref.owner, repo: m[2]!, path: m[3] ?? path };
    if (seen.has(`${next.owner}/${next.repo}:${next.path}`.toLowerCase())) {
      return { ok: false, problems: [problem(read.file, "_extends", `${name(next)} is already part of this chain (a loop)`, read.file)], files: names };
    }
    if (files.length >= MAX_FILES) {
      return { ok: false, problems: [problem(read.file, "_extends", `more than ${MAX_FILES} files chained with _extends`, read.file)], files: names };
    }
    const nextText = await fetchText(next);
    if (nextText === null) {
      return { ok: false, problems: [problem(read.file, "_extends", `${name(next)} does not exist or cannot be read by the app`, read.file)], files: names };
    }
    ref = next;
    text = nextText;
  }
  let merged: Record<string, unknown> = {};
  for (const f of files) {
    const { _extends: _, ...data } = f.data;
    merged = mergeSettings(merged, data);
  }
  const result = validateSettings(merged, files);
  if (!result.ok) return { ...result, files: names };
  const origins: Record<string, string> = {};
  const positions: Record<string, { line: number; column: number }> = {};
  for (const path of leaves(result.settings)) {
    const from = [...files].reverse().find((f) => f.sets(path));
    if (!from) continue;
    origins[path.join(".")] = from.file;
    positions[path.join(".")] = from.position(path);
  }
  return { ...result, files: names, origins, positions };
}
