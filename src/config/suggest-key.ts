import { settingsJsonSchema } from "./json-schema.js";

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; propertyNames?: { enum?: unknown[] } };

/** The keys the settings file accepts at `path` (a mapping's path, as zod reports it), from the generated JSON Schema. */
export function knownKeys(path: ReadonlyArray<PropertyKey>): string[] {
  let node: JsonSchema | undefined = settingsJsonSchema() as JsonSchema;
  for (const seg of path) node = typeof seg === "number" ? node?.items : node?.properties?.[String(seg)];
  if (!node) return [];
  if (node.properties) return Object.keys(node.properties);
  return (node.propertyNames?.enum ?? []).filter((k): k is string => typeof k === "string");
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The message for an unknown key: the closest known key when it is near enough to be a typo
 * (`sectons`, `treshold`), else the list of keys allowed there, so the fix is on the same line.
 */
export function unknownKeyMessage(key: string, parent: ReadonlyArray<PropertyKey>): string {
  const known = knownKeys(parent);
  if (known.length === 0) return `unknown key "${key}"`;
  const lower = key.toLowerCase();
  // Up to a third of the key's letters may differ: enough for typos, too few to suggest an unrelated key.
  const limit = Math.max(1, Math.floor(lower.length / 3));
  const near = known
    .map((k) => ({ k, d: distance(lower, k.toLowerCase()) }))
    .filter(({ d }) => d <= limit)
    .sort((x, y) => x.d - y.d);
  if (near[0]) return `unknown key "${key}" (did you mean "${near[0].k}"?)`;
  return `unknown key "${key}" (known here: ${known.join(", ")})`;
}
