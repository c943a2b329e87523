/**
 * What the engine derives from the settings before reading an issue: the section definitions,
 * built-in and custom, and the index of headings that name them.
 */

import { DEFAULT_SETTINGS, type Settings } from "../config/schema.js";
import { buildHeadingIndex, type HeadingIndex } from "./detect-sections.js";
import { BUILTIN_SECTIONS, SECTION_IDS, type SectionDef } from "./section-defs.js";

export interface Prepared {
  defs: SectionDef[];
  index: HeadingIndex;
}

/** The built-in sections, then the settings' custom ones, in the order the checklist shows them. */
export function sectionDefs(settings: Settings): SectionDef[] {
  return [
    ...SECTION_IDS.map((id) => BUILTIN_SECTIONS[id]),
    ...settings.sections.custom.map((c) => ({
      id: c.id,
      title: c.title,
      headings: c.headings,
      hint: c.hint ?? `Add a "${c.title}" section.`,
      builtin: false,
    })),
  ];
}

function build(settings: Settings): Prepared {
  const defs = sectionDefs(settings);
  return { defs, index: buildHeadingIndex(defs, settings.sections.aliases) };
}

/** Built once for the default settings, which most repositories use. */
const FOR_DEFAULTS: Readonly<Prepared> = Object.freeze(build(DEFAULT_SETTINGS));

/** Section definitions and the heading index for these settings (about half a millisecond to build). */
export function prepare(settings: Settings): Prepared {
  return settings === DEFAULT_SETTINGS ? FOR_DEFAULTS : build(settings);
}
