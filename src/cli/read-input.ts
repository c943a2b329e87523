import { readFile } from "node:fs/promises";
import { CliError } from "./errors.js";

const MAX_INPUT = 4 * 1024 * 1024;

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_INPUT) throw new CliError(`standard input is larger than ${MAX_INPUT / 1024 / 1024} MB`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads a file, or standard input for `-`; errors become one line naming the file. */
export async function readInput(file: string | undefined, stdin: NodeJS.ReadableStream & { isTTY?: boolean }): Promise<string> {
  if (file === undefined || file === "-") {
    if (file === undefined && stdin.isTTY) throw new CliError("no input: give a FILE, or pipe the issue body into standard input (use - to read it explicitly)");
    return readStdin(stdin);
  }
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new CliError(`cannot read ${file}: ${why}`);
  }
}
