/**
 * The phrases the engine recognises, one file per section detector or signal family under
 * `lexicon/`. Each pattern is tested against one line of prose at a time (at most 2,000 characters)
 * and has no nested quantifiers, so matching stays linear.
 */

// ---- content signals for the spec sections -------------------------------------------------------
export * from "./lexicon/contract.js";
export * from "./lexicon/status.js";
export * from "./lexicon/acceptance.js";
export * from "./lexicon/scope.js";
export * from "./lexicon/done.js";
export * from "./lexicon/dependencies.js";
export * from "./lexicon/deadline.js";
export * from "./lexicon/constraints.js";
export * from "./lexicon/context.js";

// ---- classification signals ---------------------------------------------------------------------
export type { SignalPattern } from "./lexicon/signal-pattern.js";
export * from "./lexicon/owner-signals.js";
export * from "./lexicon/scoped-signals.js";
export * from "./lexicon/unclear-signals.js";
