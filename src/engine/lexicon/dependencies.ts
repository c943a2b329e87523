/** Dependencies: blockers, prerequisites, access and coordination with other teams. */

import { group, pattern } from "../pattern.js";

/** Needs, blockers and access. */
export const DEPENDENCY = pattern([
  `\\b${group([
    "blocked (?:by|on)", "prerequisites?", "(?:are|is) blocked (?:until|by this|on this)",
    "waits? (?:on|for) #\\d+", "we (?:don'?t|do not) have (?:\\w+ ){0,2}(?:rights|access|permissions?|credentials)",
    `${group([
      "someone", "@[\\w-]+", "the \\w+ team", "ops", "devops", "it", "admins?",
    ])} (?:has|have|needs?|must) to ${group([
      "share", "grant", "give", "provide", "create", "set up", "add", "invite", "approve", "sign off", "enable",
    ])}`,
    "(?:can'?t|cannot) start (?:until|before)",
    `until #\\d+ (?:is|has been) ${group([
      "merged", "done", "closed", "fixed", "shipped", "released",
    ])}`,
    "(?:has|have|needs? to|must) (?:\\S+ ){0,8}(?:first|beforehand)(?=\\s*[.!(]|\\s*$)",
    `before (?:any |the )?(?:build |implementation |development )?${group([
      "work", "we can start", "this can start", "starting", "we start", "work starts",
    ])}`,
    `(?:depends?|dependent|depending) on ${group([
      "#",
      `the (?:\\w+ ){0,3}${group([
        "team", "service", "api", "release", "migration", "issue", "pr", "work", "rollout",
      ])}\\b`,
      "[\\w.-]+\\/[\\w.-]+#",
    ])}`,
    `waiting (?:on|for) ${group([
      "#", "the (?:\\w+ ){0,3}(?:team|review|approval|release)",
    ])}`,
    "requires? #", "needs? #", "after #", "once #", "blocks #", "blocking #", "finish (?:this )?(?:once|after)",
  ])}\\b`,
  "\\b(?:blocked by|depends on|requires|after|once)\\b[^.]{0,60}#\\d+",
  `\\b${group([
    "needs?", "requires?", "request", "provide", "grant", "get", "must have", "waiting for",
  ])}\\b[^.]{0,40}\\b${group([
    "access", "credentials?", "api keys?", "secrets?", "tokens?", "vpn", "sandbox",
    "staging (?:account|environment|access)", "test (?:accounts?|tenants?|environments?|instances?|projects?)",
    "developer (?:accounts?|tenants?)", "tenants?", "licen[cs]es?", "seats?", "permissions?",
  ])}\\b`,
  `\\b${group([
    "coordinate", "sync", "synchroni[sz]e", "align", "work together",
  ])}\\s+with\\s+(?:the\\s+)?[^.]{0,50}\\b(?:team|people|folks|squad|group|owners?)\\b`,
  "\\bbloqueado por\\b", "\\bdepende de\\b", "\\bblockiert durch\\b", "\\babhängig von\\b", "\\bdépend de\\b",
], "i");
