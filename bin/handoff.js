#!/usr/bin/env node
// The engine reads its model file when it is loaded: a missing or broken file is one line and exit 70,
// like any other error the command cannot recover from.
import("../lib/cli/run.js").catch((error) => {
  if (!(error instanceof Error) || !error.message.startsWith("handoff: ")) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 70;
});
