/** The seven spec sections of a ticket that can be handed off, in the order the checklist shows them. */
export const SECTION_IDS = ["context", "scope", "contract", "acceptance", "done", "dependencies", "constraints"] as const;
export type BuiltinSectionId = (typeof SECTION_IDS)[number];

export interface SectionDef {
  id: string;
  title: string;
  /** Heading texts (normalised: lower case, no punctuation) that declare the section. */
  headings: string[];
  /** What to add when the section is missing. */
  hint: string;
  builtin: boolean;
}

export const BUILTIN_SECTIONS: Record<BuiltinSectionId, SectionDef> = {
  context: {
    id: "context",
    title: "System context",
    builtin: true,
    hint: "What exists today, why the work is needed, and where it lives (services, repositories, links).",
    headings: [
      "context", "system context", "background", "problem", "the problem", "problem statement", "problem description",
      "motivation", "why", "why this", "why now", "why this matters", "why this blocks production", "rationale",
      "current state", "current behaviour", "current behavior", "current situation", "current system", "today",
      "actual behaviour", "actual behavior", "what happened", "what happens", "what happened instead", "environment",
      "ambiente", "omgeving", "umgebung", "entorno", "environnement", "환경", "環境", "环境", "versions", "setup",
      "additional context", "context and motivation", "is your feature request related to a problem",
      "is your feature request related to a problem please describe",
      "is the feature request tied to a problem if so describe it",
      "is your enhancement idea tied to a problem please describe it",
      "does your feature request relate to a problem if so describe it", "current state analysis",
      "current setup", "setup today", "current architecture", "how it works today", "existing behaviour",
      "existing behavior", "as is", "situation", "use case", "user story",
      "contexto", "hintergrund", "kontext", "contexte", "motivação", "motivación", "背景", "問題", "배경", "현재 상황",
      "achtergrond", "huidige situatie", "contesto", "situazione attuale", "stato attuale", "ausgangslage",
      "situation actuelle", "situação atual", "situación actual",
    ],
  },
  scope: {
    id: "scope",
    title: "Scope and deliverable",
    builtin: true,
    hint: "What exactly is to be delivered, its boundaries, and what is out of scope.",
    headings: [
      "scope", "scope and deliverable", "scope and deliverables", "in scope", "out of scope", "non goals", "non-goals",
      "deliverable", "deliverables", "key deliverables", "what we need", "what to build", "what needs to be done",
      "what solution would you like", "what solution do you want", "describe the solution you d like",
      "describe the solution youd like", "proposed solution", "proposal", "solution", "requirements",
      "functional requirements", "tasks", "task", "subtasks", "sub tasks", "todo", "to do", "work", "work items",
      "plan", "the plan", "implementation", "implementation plan", "approach", "suggested approach",
      "suggested approach optional", "changes", "change", "goal", "goals", "objective", "objectives",
      "target files", "in this issue", "what", "feature", "features", "describe the task",
      "alcance", "umfang", "entregáveis", "entregables", "périmètre", "livrables", "要件", "范围", "需求内容",
      "aufgaben", "tareas", "tarefas", "범위", "작업", "wat we bouwen", "wat we gaan bouwen", "omvang", "ambito",
      "cosa faremo", "perimetro", "lieferumfang", "umsetzung",
    ],
  },
  contract: {
    id: "contract",
    title: "API contract",
    builtin: true,
    hint: "The interface: endpoints with method and path, request and response shapes, status codes, events, schemas or signatures.",
    headings: [
      "api contract", "contract", "api", "interface", "interfaces", "endpoint", "endpoints", "api endpoints",
      "api design", "request", "response", "request response", "request and response", "payload", "payloads",
      "schema", "schemas", "data model", "events", "events to handle", "signature", "signatures", "spec",
      "specification", "api spec", "routes", "route", "cli", "usage", "contrato", "schnittstelle", "契约", "接口",
    ],
  },
  acceptance: {
    id: "acceptance",
    title: "Acceptance criteria",
    builtin: true,
    hint: "Testable conditions a reviewer can verify: a checklist, Given/When/Then, or \"must\" statements.",
    headings: [
      "acceptance criteria", "acceptance", "acceptance criteria gherkin", "success criteria", "acceptance tests",
      "expected behaviour", "expected behavior", "expected result", "expected results", "expected outcome",
      "what should happen instead", "what should happen", "what did you expect to happen", "expected",
      "criteria", "done when", "checks", "test cases", "scenarios", "verification", "how to verify",
      "test plan", "tests", "testing",
      "critérios de aceite", "critérios de aceitação", "criterios de aceptación", "akzeptanzkriterien",
      "acceptatiecriteria", "criteri di accettazione", "수락 기준", "인수 조건", "완료 기준", "comportamento atteso",
      "risultato atteso", "verwacht gedrag", "예상 동작", "기대 동작", "erwartetes verhalten", "comportement attendu",
      "comportamento esperado", "comportamiento esperado",
      "critères d acceptation", "受け入れ条件", "验收标准",
    ],
  },
  done: {
    id: "done",
    title: "Definition of done",
    builtin: true,
    hint: "What finished means: tests, docs, review, deployment, migration or rollback, handover.",
    headings: [
      "definition of done", "dod", "done", "done criteria", "completion criteria", "validation", "checklist",
      "release", "rollout", "rollout plan", "deployment", "definição de pronto", "definición de hecho",
      "definition of ready and done", "完了条件", "definitie van klaar", "definizione di fatto",
      "definition of done dod", "fertig wenn",
    ],
  },
  dependencies: {
    id: "dependencies",
    title: "Dependencies and access",
    builtin: true,
    hint: "Environments, credentials, other services, teams or issues this work needs or blocks (\"blocked by #12\").",
    headings: [
      "dependencies", "dependencies and access", "depends on", "dependency", "blocked by", "blocks", "blockers",
      "prerequisites", "prerequisite", "requirements and access", "access", "access needed", "needs",
      "dependências", "dependencias", "abhängigkeiten", "dépendances", "依存関係", "依赖", "선행 조건", "선행조건", "의존성",
      "前提条件", "前置条件", "afhankelijkheden", "voorwaarden", "dipendenze", "prerequisiti", "voraussetzungen",
      "prérequis", "pré requis", "pré-requisitos",
    ],
  },
  constraints: {
    id: "constraints",
    title: "Constraints",
    builtin: true,
    hint: "Non-functional requirements: performance figures, security, compliance, compatibility, deadline.",
    headings: [
      "constraints", "prazos", "prazo", "plazos", "plazo", "fechas", "échéances", "échéance", "fristen",
      "termine", "non functional", "non functional requirements", "nonfunctional requirements", "nfr", "nfrs",
      "performance", "security", "compliance", "compatibility", "limits", "deadline", "timeline", "due",
      "due date", "sla", "restrictions", "restricciones", "randbedingungen", "rahmenbedingungen",
      "nicht funktionale anforderungen", "requisitos no funcionales", "requisitos não funcionais",
      "exigences non fonctionnelles", "restrições", "einschränkungen", "contraintes", "제약", "제약 조건",
      "beperkingen", "vincoli", "randvoorwaarden",
      "制約", "约束",
    ],
  },
};

/** Headings that say nothing about which section follows: their content is judged by content alone. */
export const NEUTRAL_HEADINGS = new Set([
  "summary", "description", "overview", "details", "notes", "note", "other", "other information",
  "additional information", "info", "general", "introduction", "intro", "tldr", "descrição", "descripción",
  "beschreibung", "résumé",
]);

/** Lower-case, strip emoji, punctuation and numbering, so `### 2. Acceptance Criteria:` matches `acceptance criteria`. */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKC")
    .replace(/`/g, "")
    .replace(/\([^)]{0,40}\)/g, " ")
    .replace(/[^\p{L}\p{N}\s-]+/gu, " ")
    .replace(/^[\s-]*(\d+[\s.)-]*)+/, "")
    .replace(/-/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
