import { main } from "./main.js";

const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
  stderrIsTTY: process.stderr.isTTY === true,
  progress: (text) => process.stderr.write(text),
});
process.exitCode = code;
