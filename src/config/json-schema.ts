import { z } from "zod";
import { settingsSchema } from "./schema.js";

/** The JSON Schema of `.github/handoff.yml`, generated from the zod schema, for editors. */
export function settingsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(settingsSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    ...schema,
    title: "handoff settings (.github/handoff.yml)",
  };
}
