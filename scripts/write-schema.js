#!/usr/bin/env node
// Writes schema/handoff.schema.json from the zod settings schema; with --check, fails when the
// committed file differs from what the schema generates.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { settingsJsonSchema } from "../lib/config/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const file = join(root, "schema/handoff.schema.json");
const text = JSON.stringify(settingsJsonSchema(), null, 2) + "\n";

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(file, "utf8");
  } catch {
    current = "";
  }
  if (current !== text) {
    console.error("schema/handoff.schema.json is out of date with src/config/schema.ts: run `npm run schema` and commit the result.");
    process.exit(1);
  }
  console.log("schema/handoff.schema.json is up to date.");
} else {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log("wrote schema/handoff.schema.json");
}
