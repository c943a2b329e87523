import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { z } from "zod";
import { settingsSchema, type Settings } from "./schema.js";

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
function locate(doc: Document, path: ReadonlyArray<PropertyKey>, key: boolean): number {
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

function toProblems(file: string, doc: Document, counter: LineCounter, error: z.ZodError): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const at = (path: ReadonlyArray<PropertyKey>, key: boolean, message: string) => {
    const pos = counter.linePos(locate(doc, path, key));
    problems.push({ file, line: pos.line, column: pos.col, path: formatPath(path), message });
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) at([...issue.path, k], true, `unknown key "${k}"`);
    } else {
      at(issue.path, false, issue.message);
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Parses and validates the text of a settings file. Never throws: every problem — bad YAML, a wrong
 * type, an unknown key or section — comes back with its line, so nothing is applied half-way.
 */
export function parseSettings(text: string, file = ".github/handoff.yml"): SettingsResult {
  if (text.length > MAX_SETTINGS_BYTES) {
    return { ok: false, problems: [{ file, line: 1, column: 1, path: "(file)", message: `is larger than ${MAX_SETTINGS_BYTES / 1024} KB` }] };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
        return { file, line: pos.line, column: pos.col, path: "(yaml)", message: e.message.split("\n")[0] ?? "invalid YAML" };
      }),
    };
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
  const parsed = settingsSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: toProblems(file, doc, counter, parsed.error) };
  return { ok: true, settings: parsed.data };
}
