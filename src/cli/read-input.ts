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

/** Control characters text does not use: C0 but tab, line breaks, form feed and escape (coloured logs), and DEL. */
function isStrayControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d && code !== 0x1b) || code === 0x7f;
}

/**
 * The bytes as text, or a usage error for bytes that are not text. A NUL byte is how git and grep
 * tell a binary file; bytes that are not UTF-8 would turn into replacement characters and be
 * analysed as if they were the issue, so they are refused as well, and so is UTF-8 in which control
 * characters are common (more than one in a hundred): a stray one or two in a paste is let through.
 */
function asText(bytes: Buffer, name: string): string {
  if (bytes.includes(0)) throw new CliError(`${name} is a binary file, not text: give the issue body as UTF-8 text`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${name} is not UTF-8 text: convert it to UTF-8 first`);
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) if (isStrayControl(text.charCodeAt(i))) controls++;
  if (controls > 2 && controls * 100 > text.length) {
    throw new CliError(`${name} is a binary file, not text (${controls} control characters): give the issue body as UTF-8 text`);
  }
  return text;
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
