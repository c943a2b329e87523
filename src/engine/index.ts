export { acceptanceCriteria, analyze, MAX_BODY, sectionDefs, sectionText } from "./analyze.js";
export type { Criterion } from "./detect-sections.js";
export { renderChecklist, probabilityLine, CHECKLIST_MARKER, MAX_COMMENT } from "./render-checklist.js";
export { signalWords } from "./signal-words.js";
export { neutralise } from "./neutralise.js";
export { BUILTIN_SECTIONS, SECTION_IDS, type BuiltinSectionId, type SectionDef } from "./section-defs.js";
export type { Analysis, Classification, Evidence, IssueInput, SectionFinding, Signal, WorkKind, WorkKindFinding } from "./types.js";
