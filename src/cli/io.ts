/** What the CLI needs from the process, so tests can run it in-process. */
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Whether standard error is a terminal (a progress bar) or not (progress lines). */
  stderrIsTTY?: boolean;
  /** Writes to standard error without a line break (the progress bar). */
  progress?: (text: string) => void;
  /** The folder the command runs in (where `check` looks for the repository's settings); the process's by default. */
  cwd?: string;
  /** The clock (the time a ready issue's comment records); the system's by default. */
  now?: () => Date;
}
