/** A `clipsheet` subcommand: one file per command group under cli/commands/. */
export interface Command {
  name: string;
  /** One line for `clipsheet --help`. */
  summary: string;
  /** Usage text printed for `clipsheet NAME --help` and on a usage error. */
  usage: string;
  run(args: string[]): Promise<number | void>;
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
