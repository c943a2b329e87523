import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MODEL_PATH, readModel } from "../../src/engine/learned/model.js";

describe("the model file", () => {
  const dir = mkdtempSync(join(tmpdir(), "handoff-model-"));

  test("the shipped one reads, with a line model per built-in section", () => {
    expect(Object.keys(readModel(MODEL_PATH).lines).sort()).toEqual(["acceptance", "constraints", "context", "contract", "dependencies", "done", "scope"]);
  });

  test("a file that is not JSON is one clear error that says what to do", () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, "{broken");
    expect(() => readModel(file)).toThrow(new RegExp(`^handoff: cannot read the model file ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(.+\\); reinstall the package, or run \`npm run train\` in a clone$`));
  });

  test("a missing file or a model of another format is refused the same way", () => {
    expect(() => readModel(join(dir, "absent.json"))).toThrow(/^handoff: cannot read the model file .*absent\.json \(ENOENT/);
    const old = join(dir, "old.json");
    writeFileSync(old, JSON.stringify({ format: 1, lines: {}, issue: { classes: [], weights: {} } }));
    expect(() => readModel(old)).toThrow("handoff: the model file is not a format-2 handoff model; run `npm run train`");
  });
});
