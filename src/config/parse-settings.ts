import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import { settingsSchema, type Settings } from "./schema.js";
import { unknownKeyMessage } from "./suggest-key.js";

/** One problem in a settings file, with where it is. Lines and columns are 1-based. */
export interface SettingsProblem {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the setting (`labels.scoped.name`, `sections.required[2]`), or `(file)`. */
  path: string;
  message: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

/** Settings files are small; a larger one is almost certainly not a settings file. */
export const MAX_SETTINGS_BYTES = 64 * 1024;

/**
 * The yaml library recurses once per level of `[` or `{`, and a few thousand levels end the whole
 * process (V8 runs out of memory compiling a regular expression on the exhausted stack), which no
 * try/catch can stop; past about 700 levels it already overflows its stack. Brackets are counted
 * whether or not they nest, since quotes could hide how they do; a real settings file has a few dozen.
 */
export const MAX_SETTINGS_BRACKETS = 500;

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += (out ? "." : "") + String(seg);
  }
  return out || "(file)";
}

/** `FILE:LINE:COL path: message`, the format editors and CI logs understand. */
export function formatProblem(p: SettingsProblem): string {
  return `${p.file}:${p.line}:${p.column} ${p.path}: ${p.message}`;
}

function offsetOf(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}

/** The offset of the node at `path` (or of its key), falling back to the deepest node that exists. */
function locate(doc: Document, path: ReadonlyArray<PropertyKey>, { key }: { key: boolean }): number {
  let node: unknown = doc.contents;
  let best = offsetOf(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      if (last && key) return offsetOf(pair.key) ?? best;
      node = pair.value ?? pair.key;
      best = offsetOf(node) ?? offsetOf(pair.key) ?? best;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (!item) return best;
      node = item;
      best = offsetOf(item) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

/** A person fixes the first few syntax errors; past them the parser's complaints are mostly echoes. */
const MAX_YAML_PROBLEMS = 20;

type Opener = { kind: "quote" | "map" | "seq"; start: number; end: number };

/**
 * The document's YAML errors as problems. The parser reports an unclosed quote or bracket where it
 * gave up looking for the closing one (often the end of the file); the person needs the line that
 * opened it, so such an error moves to the innermost quote or bracket of its kind around it.
 */
function yamlProblems(doc: Document, counter: LineCounter, file: string): SettingsProblem[] {
  const openers: Opener[] = [];
  const scalars = new Map<number, string>();
  visit(doc, (_, node) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!range) return;
    const [start, , end] = range;
    if (isMap(node) && node.flow) openers.push({ kind: "map", start, end });
    else if (isSeq(node) && node.flow) openers.push({ kind: "seq", start, end });
    else if (isScalar(node)) {
      scalars.set(start, String(node.value));
      if (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") openers.push({ kind: "quote", start, end });
    }
  });
  const problems = new Map<string, SettingsProblem>();
  for (const error of doc.errors.slice(0, MAX_YAML_PROBLEMS)) {
    const at = error.pos[0];
    // The parser's codes do not tell a bracket from a quote; its messages do, by their first words.
    const kind = error.message.startsWith("Flow map") ? "map" : error.message.startsWith("Flow sequence") ? "seq" : error.code === "MISSING_CHAR" ? "quote" : null;
    let offset = at;
    if (kind) {
      const around = openers.filter((o) => o.kind === kind && o.start <= at && at <= o.end);
      if (around.length) offset = Math.max(...around.map((o) => o.start));
    }
    const first = error.message.split("\n")[0] ?? "invalid YAML";
    const key = error.code === "DUPLICATE_KEY" ? scalars.get(offset) : undefined;
    const pos = counter.linePos(offset);
    const problem = { file, line: pos.line, column: pos.col, path: "(yaml)", message: key === undefined ? first : `duplicate key ${JSON.stringify(key)} (${first.toLowerCase()})` };
    // One unclosed bracket can make the parser complain twice about the same opener.
    problems.set(formatProblem(problem), problem);
  }
  return [...problems.values()];
}

/**
 * The first key that is not a name: a list, a mapping or an alias (`[]: 1`), or an empty or null one
 * (`: 1`, `~: 1`). Making a collection an object key would only stringify it, and the yaml library
 * warns on the process then; an empty key would become `""`, an unknown key with no line to show.
 */
function badKey(doc: Document): { offset: number; path: PropertyKey[]; message: string } | undefined {
  let found: { offset: number; path: PropertyKey[]; message: string } | undefined;
  visit(doc, {
    Pair(_, pair, ancestors) {
      const empty = pair.key === null || (isScalar(pair.key) && (pair.key.value === null || pair.key.value === ""));
      if (!empty && isScalar(pair.key)) return undefined;
      const path: PropertyKey[] = [];
      for (const a of ancestors) if (isPair(a) && isScalar(a.key)) path.push(String(a.key.value));
      found = {
        offset: offsetOf(pair.key) ?? offsetOf(pair.value) ?? 0,
        path: [...path, "(key)"],
        message: empty ? "a key is empty or null: write the setting's name before the colon" : "a key must be a plain name, not a list, a mapping or an alias",
      };
      return visit.BREAK;
    },
  });
  return found;
}

/** A settings file read as YAML: its data, and where each setting stands in it. */
export interface SettingsFile {
  file: string;
  data: Record<string, unknown>;
  /** Line and column of the setting at `path` (of its key with `key`), or of its nearest parent. */
  position(path: ReadonlyArray<PropertyKey>, options?: { key: boolean }): { line: number; column: number };
  /** Whether the file itself sets `path`. */
  sets(path: ReadonlyArray<PropertyKey>): boolean;
}

export type ReadResult = { ok: true; file: SettingsFile } | { ok: false; problems: SettingsProblem[] };

/** Reads a settings file's YAML. Never throws; bad YAML and a top level that is not a mapping are problems. */
export function readSettingsFile(text: string, file = ".github/handoff.yml"): ReadResult {
  if (text.length > MAX_SETTINGS_BYTES) {
    return { ok: false, problems: [{ file, line: 1, column: 1, path: "(file)", message: `is larger than ${MAX_SETTINGS_BYTES / 1024} KB` }] };
  }
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // 0x5b "[" and 0x7b "{"
    if ((c === 0x5b || c === 0x7b) && ++brackets > MAX_SETTINGS_BRACKETS) {
      const line = text.slice(0, i).split("\n").length;
      const column = i - text.lastIndexOf("\n", i - 1);
      return { ok: false, problems: [{ file, line, column, path: "(file)", message: `has more than ${MAX_SETTINGS_BRACKETS} brackets ([ or {), more than a settings file ever needs` }] };
    }
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length) return { ok: false, problems: yamlProblems(doc, counter, file) };
  const oddKey = badKey(doc);
  if (oddKey) {
    const pos = counter.linePos(oddKey.offset);
    return { ok: false, problems: [{ file, line: pos.line, column: pos.col, path: formatPath(oddKey.path), message: oddKey.message }] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    return { ok: false, problems: [{ file, line: 1, column: 1, path: "(yaml)", message: (e as Error).message.split("\n")[0] ?? "invalid YAML" }] };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    const pos = counter.linePos(offsetOf(doc.contents as Node) ?? 0);
    return { ok: false, problems: [{ file, line: pos.line, column: pos.col, path: "(file)", message: "must be a mapping of settings (key: value)" }] };
  }
  return {
    ok: true,
    file: {
      file,
      data: data as Record<string, unknown>,
      position(path, { key } = { key: false }) {
        const pos = counter.linePos(locate(doc, path, { key }));
        return { line: pos.line, column: pos.col };
      },
      sets(path) {
        return doc.hasIn(path as unknown[]);
      },
    },
  };
}

/**
 * Validates settings data against the schema. Each problem is placed in the last file (of those
 * merged, base first) that sets its path, or in the first file when none does.
 */
export function validateSettings(data: unknown, files: SettingsFile[]): SettingsResult {
  const parsed = settingsSchema.safeParse(data);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const problems: SettingsProblem[] = [];
  const at = (path: ReadonlyArray<PropertyKey>, { key }: { key: boolean }, message: string) => {
    const owner = [...files].reverse().find((f) => f.sets(path)) ?? [...files].reverse().find((f) => f.sets(path.slice(0, -1))) ?? files[files.length - 1];
    const pos = owner ? owner.position(path, { key }) : { line: 1, column: 1 };
    problems.push({ file: owner?.file ?? "(settings)", line: pos.line, column: pos.column, path: formatPath(path), message });
  };
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) at([...issue.path, k], { key: true }, unknownKeyMessage(k, issue.path));
    } else {
      at(issue.path, { key: false }, issue.message);
    }
  }
  return { ok: false, problems: problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column) };
}

/**
 * Parses and validates the text of one settings file. Never throws: every problem — bad YAML, a
 * wrong type, an unknown key or section — comes back with its line, so nothing is applied half-way.
 */
export function parseSettings(text: string, file = ".github/handoff.yml"): SettingsResult {
  const read = readSettingsFile(text, file);
  if (!read.ok) return read;
  return validateSettings(read.file.data, [read.file]);
}
