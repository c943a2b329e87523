/** Headings: the index of section aliases, the sections a heading declares, the headings in force. */

import { normaliseHeading, NEUTRAL_HEADINGS, type SectionDef } from "../section-defs.js";
import { group } from "../pattern.js";

/** A heading in force: its level and the sections it declares. */
export interface Heading {
  level: number;
  sections: string[];
}

/** Section aliases by normalised heading, and the multi-word ones to find inside longer headings. */
export interface HeadingIndex {
  exact: Map<string, string[]>;
  /** Multi-word aliases matched inside a longer heading ("Deliverables & Acceptance Criteria"). */
  phrases: Array<{ phrase: string; id: string }>;
}

/** The index of every section's title, id, headings and configured aliases. */
export function buildHeadingIndex(defs: SectionDef[], extra: Record<string, string[]>): HeadingIndex {
  const exact = new Map<string, string[]>();
  const phrases: Array<{ phrase: string; id: string }> = [];
  const add = (alias: string, id: string) => {
    const key = normaliseHeading(alias);
    if (!key) return;
    const ids = exact.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    exact.set(key, ids);
    if (key.includes(" ") || key.length >= 9) phrases.push({ phrase: key, id });
  };
  for (const def of defs) {
    add(def.title, def.id);
    add(def.id, def.id);
    for (const h of def.headings) add(h, def.id);
    for (const h of extra[def.id] ?? []) add(h, def.id);
  }
  // Longest first, so "acceptance criteria" wins over "criteria".
  phrases.sort((a, b) => b.phrase.length - a.phrase.length);
  return { exact, phrases };
}

/** The sections a heading declares: an alias, a heading about boundaries, or aliases inside a longer heading. */
export function headingSections(text: string, index: HeadingIndex): string[] {
  const key = normaliseHeading(text);
  if (!key) return [];
  const exact = index.exact.get(key);
  if (exact) return exact;
  // "Not on this roadmap", "What is not included", "What should be synced": the boundaries and the deliverable.
  if (OUT_HEADING.test(key) || WHAT_HEADING.test(key)) return ["scope"];
  if (NEUTRAL_HEADINGS.has(key)) return [];
  const found: string[] = [];
  let rest = ` ${key} `;
  for (const { phrase, id } of index.phrases) {
    // What is left of the heading is a part of it: a phrase the heading lacks cannot be there.
    if (!key.includes(phrase)) continue;
    const at = rest.indexOf(` ${phrase} `);
    if (at >= 0) {
      if (!found.includes(id)) found.push(id);
      rest = rest.slice(0, at) + " | " + rest.slice(at + phrase.length + 2);
    }
  }
  return found;
}

/** Headings about what is left out: "Not in scope", "What is not included". */
const OUT_HEADING = new RegExp(`^${group([
  "not (?:in|on|part of)", "what (?:is|s) not", "excluded", "exclusions", "won t do", "will not do",
  "nicht enthalten", "fuera de alcance", "fora do escopo", "hors (?:du )?périmètre",
])}\\b`);
/** Headings that name the deliverable: "What should be built". */
const WHAT_HEADING = new RegExp(`^what ${group([
  "should", "needs to", "must", "will", "we want to", "we need to",
])} be ${group([
  "built", "done", "delivered", "synced", "changed", "added", "implemented", "migrated", "exported", "imported",
])}\\b`);

/** The sections declared by the innermost heading in force that declares any. */
export function innermost(stack: Heading[]): string[] {
  for (let i = stack.length - 1; i >= 0; i--) {
    const h = stack[i]!;
    if (h.sections.length) return h.sections;
  }
  return [];
}
