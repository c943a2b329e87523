// A Probot app whose handlers do nothing: the baseline the end-to-end benchmark compares against.
import { run } from "probot";

await run((app) => {
  app.on("issues", async () => {});
});
