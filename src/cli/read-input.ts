import { readFile } from "node:fs/promises";
import { CliError } from "./errors.js";

const MAX_INPUT = 4 * 1024 * 1024;

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_INPUT) throw new CliError(`standard input is larger than ${MAX_INPUT / 1024 / 1024} MB`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/**
 * The bytes as text, or a usage error for bytes that are not text. A NUL byte is how git and grep
 * tell a binary file; bytes that are not UTF-8 would turn into replacement characters and be
 * analysed as if they were the issue, so they are refused as well.
 */
function asText(bytes: Buffer, name: string): string {
  if (bytes.includes(0)) throw new CliError(`${name} is a binary file, not text: give the issue body as UTF-8 text`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${name} is not UTF-8 text: convert it to UTF-8 first`);
  }
}

/** Reads a file, or standard input for `-`; errors become one line naming the file. */
export async function readInput(file: string | undefined, stdin: NodeJS.ReadableStream & { isTTY?: boolean }): Promise<string> {
  if (file === undefined || file === "-") {
    if (file === undefined && stdin.isTTY) throw new CliError("no input: give a FILE, or pipe the issue body into standard input (use - to read it explicitly)");
    return asText(await readStdin(stdin), "standard input");
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new CliError(`cannot read ${file}: ${why}`);
  }
  if (bytes.length > MAX_INPUT) throw new CliError(`${file} is larger than ${MAX_INPUT / 1024 / 1024} MB`);
  return asText(bytes, file);
}
