/** What the CLI needs from the process, so tests can run it in-process. */
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}
