/** An error whose message is meant for the person at the terminal: printed as one line, no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
