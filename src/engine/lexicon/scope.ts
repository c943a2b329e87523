/** The deliverable: items of work to do, its boundaries, and lists that only reference other issues. */

import { group } from "../pattern.js";

/** Imperative verbs that start an item of work to do. */
export const TODO_VERB = new RegExp(`^\\W*(?:\\[[^\\]]{0,12}\\]\\s*)?${group([
  "add", "create", "implement", "build", "write", "update", "remove", "delete", "drop", "migrate", "move", "port",
  "replace", "refactor", "swap", "rewrite", "pin", "wrap", "translate", "locali[sz]e", "introduce", "upload",
  "download", "benchmark", "measure", "profile", "test", "document", "publish", "bump", "patch", "deduplicate",
  "dedupe", "normali[sz]e", "archive", "purge", "encrypt", "decrypt", "sign", "verify", "tag", "label", "group",
  "sort", "filter", "paginate", "throttle", "queue", "batch", "stream", "poll", "expire", "invalidate", "set ?up",
  "setup", "configure", "expose", "define", "document", "design", "investigate", "research", "integrate", "deploy",
  "publish", "release", "bump", "edit", "change", "make", "fix", "support", "handle", "rename", "introduce",
  "extract", "enable", "disable", "allow", "provide", "wire", "hook", "connect", "store", "persist", "send", "emit",
  "log", "run", "review", "settle", "link", "hold", "give", "name", "set", "put", "go through", "try", "schedule",
  "announce", "communicate", "convert", "generate", "compute", "fill", "invoke", "call", "read", "parse", "keep",
  "mark", "deprecate", "retire", "sunset", "turn", "switch", "upgrade", "install", "provision", "rotate", "prepare",
  "draft", "plan", "split", "merge", "clean", "tidy", "optimi[sz]e", "improve", "reduce", "increase", "limit",
  "cache", "carry", "catch", "meet", "describe", "identify", "assess", "evaluate", "audit", "collect", "gather",
  "track", "monitor", "alert", "expand", "extend", "adopt", "agree", "decide", "choose", "pick", "list", "map",
  "spell", "tie", "fix", "apply", "attach", "stop", "start", "delete", "serve", "harden", "secure", "restrict",
  "block", "validate", "accept", "reject", "return", "respond", "answer", "show", "display", "render", "load",
  "fetch", "sync", "notify", "email", "retry", "register", "subscribe", "cancel", "import", "export", "seed",
  "backfill", "crie", "criar", "adicionar", "implementar", "crear", "agregar", "añadir", "hinzufügen", "erstellen",
  "ajouter", "créer", "mettre",
])}\\b`, "i");

/** Boundaries of the deliverable: what is in and what is out. */
export const BOUNDARY = new RegExp(`\\b${group([
  "out of scope", "not in scope", "in scope", "non[- ]goals?", "ignore [^.]{1,40} for now",
  "not (?:included|covered) (?:here|in this)", "(?:is|are) not part of (?:this|it|the (?:first|initial) version)",
  "not part of this", "stays? out", "(?:is|are) excluded", "only about", "limited to", "is only", "are only",
  "does not include", "doesn't include", "not included", "won't (?:cover|include|change)",
  "will not (?:cover|include|change)", "excluding", "except for", "separate (?:issue|ticket)", "follow[- ]up",
  "this (?:issue|ticket|task|sub[- ]task|pr) (?:covers|is about|adds|delivers|includes)",
])}\\b`, "i");

/** A list item that is only a reference to another issue (`- [ ] #123`). */
export const ISSUE_REF_ONLY = /^\W*(?:[\w.-]+\/[\w.-]+)?#\d+\W*$/;
/** A list item that starts with a reference to another issue (`- #123 UPS labels`): a tracking list. */
export const ISSUE_REF_LEAD = /^\W*(?:[\w.-]+\/[\w.-]+)?#\d+\b/;
