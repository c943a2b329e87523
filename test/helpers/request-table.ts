import { readFileSync } from "node:fs";
import { requests } from "./github.js";

/** The README's table of requests per scenario, by scenario name: `{ reads, writes }`. */
function table(): Map<string, { reads: number; writes: number }> {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.split("## API requests per scenario")[1]?.split("\n## ")[0] ?? "";
  const rows = new Map<string, { reads: number; writes: number }>();
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 5 || !/^\d+$/.test(cells[2] ?? "")) continue;
    rows.set(cells[1]!, { reads: Number(cells[2]), writes: Number(cells[3]) });
  }
  return rows;
}

/** The README's figures for a scenario; throws when the README has no such row. */
export function documented(scenario: string): { reads: number; writes: number } {
  const row = table().get(scenario);
  if (!row) throw new Error(`README has no request-table row "${scenario}"`);
  return row;
}

/** Reads and writes made so far in this test, not counting installation-token requests. */
export function counted(): { reads: number; writes: number } {
  const api = requests.filter((r) => !r.includes("/access_tokens"));
  return { reads: api.filter((r) => r.startsWith("GET ")).length, writes: api.filter((r) => !r.startsWith("GET ")).length };
}
