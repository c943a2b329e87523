/** Not a work item: the signals of questions, support requests and discussion. */

import { group, pattern } from "../pattern.js";
import type { SignalPattern } from "./signal-pattern.js";

/** Not a work item: questions, support requests, discussion. */
export const UNCLEAR_SIGNALS: SignalPattern[] = [
  { kind: "unclear:tag", weight: 3, re: new RegExp(`^\\W*\\[${group([
    "support", "question", "help", "q&a", "discussion", "query",
  ])}\\]`, "i"), titleOnly: true },
  { kind: "unclear:question", weight: 5, re: pattern([
    "[?？]\\s*$", "教えてください", "でしょうか", "吗", "如何", "怎么",
    `^\\W*${group([
      "why", "how", "what", "whats", "what's", "is", "are", "can", "could", "does", "do", "should", "would", "will",
      "where", "which", "when", "any way", "is there",
    ])}\\b`,
  ], "i"), titleOnly: true },
  { kind: "unclear:question", weight: 2, re: new RegExp(`\\b${group([
    `(?:is|was) (?:this|it|that) ${group([
      "expected", "intended", "normal", "a bug", "possible", "supposed", "by design",
    ])}`,
    `(?:whether|if) (?:that|this|it) is ${group([
      "intended", "expected", "a bug", "by design", "possible",
    ])}`,
    "how (?:do|can|should|could) (?:i|we|you|one)", "is there (?:a|any) (?:way|endpoint|option|setting)",
    "any (?:idea|ideas|hints?|help|pointers)", "can (?:someone|anyone|you) (?:help|explain|point)",
    "what(?:'s| is) the (?:point|purpose|difference|reason)", "why (?:do|does|did|is|are|use|would)", "could it",
    "is it possible", "does anyone", "please help", "help me", "(?:i'm|i am) (?:stuck|confused|not sure|wondering)",
    "i wonder(?:ed)?", "what do you think", "thoughts\\?", "let'?s discuss", "start the discussion",
    "looking for (?:comments|feedback|opinions|input)", "which way should",
    "which (?:one|option) (?:should|is better)", "not sure what it should",
    "what should (?:it|they|we) (?:return|do|be)",
  ])}\\b`, "i") },
  { kind: "unclear:asks-maintainers", weight: 6, re: new RegExp(`\\b${group([
    "(?:could|can|would|will) (?:a |the |any )?maintainers? (?:decide|say|confirm|tell)",
    "arguments (?:both|either) ways", "pros and cons", "please (?:decide|advise|confirm whether)",
    "feel free to close", "(?:not sure|unsure|wondering) (?:whether|if) (?:this|it) is (?:a bug|intended|expected)",
    "whether anything (?:needs|has) to change", "whether (?:any|a) change is (?:wanted|needed|desired)",
  ])}\\b`, "i") },
  { kind: "unclear:question", weight: 2, re: new RegExp(group([
    "でしょうか", "ですか[。？?]", "ますか[。？?]", "吗[。？?]", "如何", "怎么", "¿",
  ])) },
  { kind: "unclear:support", weight: 2, re: pattern([
    `\\bi ${group([
      "can't", "cannot", "can not", "couldn't", "am unable to", "are unable to",
    ])} ${group([
      "connect", "install", "run", "start", "log ?in", "build", "find", "get", "use", "access", "deploy", "figure",
    ])}`,
    "\\b(?:can't|cannot|unable to) connect\\b", "\\b(?:is|are) giving me (?:trouble|errors?)",
    "\\bdoes(?:n't| not) work (?:for me|on my)",
    `\\bmy ${group([
      "website", "site", "server", "setup", "install\\w*", "machine", "config\\w*", "project",
    ])}\\b`,
  ], "i") },
  { kind: "unclear:greeting", weight: 1, re: /^\W*(?:hi|hello|hey|dear|bonjour|hola|olá|hallo|guten tag)\b/i },
];
