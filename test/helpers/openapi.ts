import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

/**
 * Checks requests against GitHub's REST API description: the method and path must be an operation,
 * and a JSON body must be valid against that operation's request schema.
 */
interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  literals: number;
}

const require = createRequire(import.meta.url);
const METHODS = ["get", "post", "put", "patch", "delete"];
/** The operations by method and number of path segments (a parameter is one segment), most literal first. */
let routes: Map<string, Route[]> | null = null;
let ajv: Ajv | null = null;
const validators = new Map<string, ValidateFunction | null>();

const shape = (method: string, path: string) => `${method.toUpperCase()} ${path.split("/").length}`;

function load(): Map<string, Route[]> {
  if (routes) return routes;
  // Only the one description this app talks to: requiring the package would parse every variant.
  const spec = JSON.parse(readFileSync(require.resolve("@octokit/openapi/generated/api.github.com.json"), "utf8")) as { paths: Record<string, Record<string, unknown>> };
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  ajv.addSchema(toJsonSchema(spec) as object, "gh");
  const all: Route[] = [];
  for (const [template, ops] of Object.entries(spec.paths)) {
    const segments = template.split("/");
    const pattern = new RegExp("^" + segments.map((s) => (s.startsWith("{") ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/") + "$");
    const literals = segments.filter((s) => s && !s.startsWith("{")).length;
    for (const method of Object.keys(ops)) if (METHODS.includes(method)) all.push({ method: method.toUpperCase(), template, pattern, literals });
  }
  // Literal segments beat parameters: /repos/{o}/{r}/issues/comments beats /repos/{o}/{r}/issues/{n}.
  all.sort((a, b) => b.literals - a.literals);
  routes = new Map();
  for (const route of all) {
    const key = shape(route.method, route.template);
    const same = routes.get(key);
    if (same) same.push(route);
    else routes.set(key, [route]);
  }
  return routes;
}

/**
 * OpenAPI 3.0 writes "may be null" as `nullable: true`, which JSON Schema does not know: turn it into
 * a `null` type (or an `anyOf` with null where there is no `type`), so the checker can compile it.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== "nullable") out[k] = toJsonSchema(v);
  if ((node as { nullable?: unknown }).nullable !== true) return out;
  if (typeof out.type === "string") return { ...out, type: [out.type, "null"] };
  return { anyOf: [out, { type: "null" }] };
}

function pointer(template: string, method: string): string {
  const escaped = template.replace(/~/g, "~0").replace(/\//g, "~1");
  return `gh#/paths/${escaped}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
}

/** Returns the problems with a request, empty when it matches the description. */
export function checkRequest(method: string, path: string, body: unknown): string[] {
  const route = load()
    .get(shape(method, path))
    ?.find((r) => r.pattern.test(path));
  if (!route) return [`${method} ${path}: no such operation in GitHub's REST API description`];
  if (body === undefined || body === null || body === "") return [];
  const key = `${route.method} ${route.template}`;
  if (!validators.has(key)) {
    let validate: ValidateFunction | null = null;
    try {
      validate = ajv!.getSchema(pointer(route.template, route.method)) ?? null;
    } catch {
      validate = null;
    }
    validators.set(key, validate);
  }
  const validate = validators.get(key);
  if (!validate) return [`${key}: sends a body but the operation takes none`];
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${key}: body${e.instancePath} ${e.message ?? "is invalid"}`);
}
