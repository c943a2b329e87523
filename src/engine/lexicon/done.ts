/** The definition of done: tests, docs, review, release, deployment, rollback, handover. */

import { group, pattern } from "../pattern.js";

/** Generic "done" items: tests, docs, review, release, deployment, rollback, handover. */
export const DONE = pattern([
  `\\b${group([
    "unit", "integration", "e2e", "end[- ]to[- ]end", "regression", "automated", "smoke", "load", "acceptance",
    "new", "existing", "all",
  ])} tests?\\b`,
  `\\btests? ${group([
    "pass", "passes", "passing", "are green", "green", "added", "written", "cover", "covers", "covering", "updated",
    "run",
  ])}\\b`,
  "\\btest suite\\b", "\\btest coverage (?:of|above|at least|≥|>=|\\d)", "\\bcovered by (?:\\w+ )?tests\\b",
  "\\b(?:add|write|update|extend)s? (?:\\w+ )?tests\\b", "\\bci (?:passes|is green|green|pipeline)\\b",
  "\\bpasses (?:in )?ci\\b",
  `\\bdocs?(?:umentation)? (?:is |are )?${group([
    "updated", "update", "brought up to date", "written", "describes?", "shows?", "refers?", "recommends?",
    "mentions?",
  ])}\\b`,
  `\\b(?:update|write|add|change)s? (?:the )?(?:["“”\\w-]+ ){0,4}${group([
    "docs", "documentation", "readme", "changelog", "release notes", "openapi spec", "api docs",
  ])}\\b`,
  "\\b(?:update|add to|document in|mention in)\\s+(?:the\\s+)?readme\\b", "\\breadme\\b[^.]{0,20}\\bupdated\\b",
  "\\bchangelog\\b", "\\brelease notes\\b", "\\b(?:is|are) documented\\b", "\\bdocumented in\\b",
  `\\bdocs\\/[\\w./-]+\\.md\`?\\s+${group([
    "describes", "documents", "explains", "covers", "is updated", "updated",
  ])}\\b`,
  "\\b(?:update|add|write|extend)s?\\s+`?docs\\/", "\\bcode[- ]review(?:ed)?\\b", "\\breviewed (?:and|by)\\b",
  "\\bapproved by\\b", "\\bsign(?:ed)?[- ]?off\\b", "\\bpr (?:is )?merged\\b", "\\bmerged (?:to|into)\\b",
  "\\bdeployed(?: to| behind| on)?\\b", "\\brolled out to (?:all|100|production|everyone|staging)\\b",
  "\\b(?:merged|shipped|landed) with (?:\\w+ )?tests\\b", "\\brollback (?:rehearsed|tested|verified)\\b",
  "\\b(?:rehearsed|tested|verified|run|ran) (?:in|on) staging\\b",
  "\\b(?:post|publish|update)\\b[^.]{0,30}\\bstatus page\\b",
  "\\b(?:run|ran|tested|verified|live|released) (?:on|in|to) (?:staging|production|prod)\\b",
  `\\b${group([
    "docs?", "documentation", "handbook", "wiki", "readme", "guide", "manual", "runbook", "api reference",
  ])}\\b[^.]{0,30}\\b(?:updated|brought up to date|written)\\b`,
  "\\breleased (?:to|in|as)\\b", "\\bpublish(?:ed)? (?:a )?release\\b", "\\brollback plan\\b",
  "\\bcan be rolled back\\b", "\\broll[- ]?back (?:plan|steps|tested)\\b", "\\bdown[- ]migration\\b",
  `\\b${group([
    "snapshot", "unit", "integration", "regression", "e2e", "end-to-end", "visual",
  ])} tests? (?:for|of|that|covering)\\b`,
  "\\bstorybook stor(?:y|ies)\\b", "\\b(?:a )?(?:line|section|entry) in the readme\\b",
  "\\bneeds? (?:a |an )?(?:\\w+ )?tests?\\b", "\\bhandover\\b", "\\bhand over\\b",
  "\\bimplementation (?:finished|complete|completed|done)\\b", "\\bno regressions?\\b", "\\btsc --noemit\\b",
  "\\bnpm (?:run )?test\\b", "\\bpytest\\b", "\\bgo test\\b", "\\bcargo test\\b", "\\bbun test\\b",
  "\\bmvn test\\b", "\\brelease comms\\b", "\\bvalidation\\/test notes\\b",
  // The same in the other languages issues are written in here.
  `\\b${group([
    "pruebas", "testes", "tests unitaires", "unit-?tests", "komponententests",
  ])} ${group([
    "de", "unitários", "unitarias", "d'intégration", "integração", "integración",
  ])}?`,
  `\\b${group([
    "documentación", "documentação", "dokumentation", "documentation",
  ])} ${group([
    "en", "em", "in", "à jour", "actualizada", "atualizada", "aktualisiert",
  ])}\\b`,
  "\\brevisión de código\\b", "\\brevisão de código\\b", "\\bcode-?review\\b", "\\brevue de code\\b",
  `\\b${group([
    "despliegue", "implantação", "deploy", "déploiement", "bereitstellung", "deployment",
  ])} (?:en|em|in|sur|auf) ${group([
    "staging", "producción", "produção", "production", "produktion",
  ])}\\b`,
], "i");
