import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The layers point down: the pure core (engine, config, commands, the decision layer in plan/) knows
 * nothing of GitHub, the adapters in github/ know nothing of the app that calls them, and only the
 * app's wiring knows the handlers.
 */
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../src");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** Every module a file imports or re-exports, static or dynamic, as written. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/gm)) found.push(m[1]!);
  for (const m of text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) found.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]!);
  return found;
}

/** The layer (top folder under src/, or the file for top-level files) an import lands in, or the package it names. */
function target(file: string, spec: string): { layer: string } | { pkg: string } {
  if (!spec.startsWith(".")) return { pkg: spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]! };
  const path = relative(SRC, resolve(dirname(file), spec));
  return { layer: path.split("/")[0]!.replace(/\.js$/, "") };
}

const GITHUB_PACKAGES = ["probot", "@octokit"];
const PURE = ["engine", "config", "commands", "plan"];

/** For each layer: the layers it may not import. */
const FORBIDDEN: Record<string, string[]> = {
  engine: ["commands", "plan", "github", "app", "handlers", "backlog", "cli", "eval", "index"],
  config: ["commands", "github", "app", "handlers", "backlog", "cli", "eval", "index"],
  commands: ["github", "app", "handlers", "backlog", "cli", "eval", "index"],
  plan: ["github", "app", "handlers", "backlog", "cli", "eval", "index"],
  github: ["app", "handlers", "backlog", "cli", "eval", "index"],
  backlog: ["app", "handlers", "cli", "index"],
  app: ["handlers", "cli", "index"],
  handlers: ["cli", "index"],
};


const all = files(SRC).map((file) => ({ file, layer: relative(SRC, file).split("/")[0]!.replace(/\.ts$/, ""), imports: importsOf(readFileSync(file, "utf8")) }));

test("the import parser sees every kind of import", () => {
  expect(importsOf(`import a from "./a.js";\nimport type { B } from "../b.js";\nexport { c } from "./c.js";\nimport "./d.js";\nconst e = await import("./e.js");\nimport {\n  f,\n} from "probot";`)).toEqual(["./a.js", "../b.js", "./c.js", "probot", "./d.js", "./e.js"]);
  expect(all.length).toBeGreaterThan(50);
});

describe.each(Object.keys(FORBIDDEN))("%s/", (layer) => {
  const mine = all.filter((f) => f.layer === layer);

  test("imports no layer above it", () => {
    const wrong = mine.flatMap(({ file, imports }) =>
      imports.flatMap((spec) => {
        const t = target(file, spec);
        return "layer" in t && FORBIDDEN[layer]!.includes(t.layer) ? [`${relative(SRC, file)} imports ${spec}`] : [];
      }),
    );
    expect(mine.length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  if (PURE.includes(layer)) {
    test("imports neither Probot nor Octokit", () => {
      const wrong = mine.flatMap(({ file, imports }) =>
        imports.flatMap((spec) => {
          const t = target(file, spec);
          return "pkg" in t && GITHUB_PACKAGES.some((p) => t.pkg === p || t.pkg.startsWith(`${p}/`) || (p === "@octokit" && t.pkg.startsWith("@octokit/"))) ? [`${relative(SRC, file)} imports ${spec}`] : [];
        }),
      );
      expect(wrong).toEqual([]);
    });
  }
});
