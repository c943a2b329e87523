/**
 * What the engine derives from the settings before reading an issue: the section definitions,
 * built-in and custom, and the index of headings that name them.
 */

import type { Settings } from "../config/schema.js";
import { buildHeadingIndex, type HeadingIndex } from "./detect-sections.js";
import { BUILTIN_SECTIONS, SECTION_IDS, type SectionDef } from "./section-defs.js";

export interface Prepared {
  defs: SectionDef[];
  index: HeadingIndex;
}

/** Keyed by the settings object itself: an object no longer used is dropped with it. */
const prepared = new WeakMap<Settings, Prepared>();

/** Section definitions and the heading index for a settings object, built once per object. */
export function sectionDefs(settings: Settings): SectionDef[] {
  return prepare(settings).defs;
}

export function prepare(settings: Settings): Prepared {
  let p = prepared.get(settings);
  if (!p) {
    const defs: SectionDef[] = [
      ...SECTION_IDS.map((id) => BUILTIN_SECTIONS[id]),
      ...settings.sections.custom.map((c) => ({
        id: c.id,
        title: c.title,
        headings: c.headings,
        hint: c.hint ?? `Add a "${c.title}" section.`,
        builtin: false,
      })),
    ];
    p = { defs, index: buildHeadingIndex(defs, settings.sections.aliases) };
    prepared.set(settings, p);
  }
  return p;
}

