/** Exit codes of the command line and the errors that carry them. */
import { UserError } from '../core/errors';

export const EXIT = {
  /** Done. */
  ok: 0,
  /** Data or delivery problems (listed). */
  problems: 1,
  /** Wrong usage: unknown command, missing argument, a file that cannot be used. */
  usage: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A user error with the exit code to use (any other `UserError` exits with 1: a data or delivery problem). */
export class CliError extends UserError {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** What went wrong with a workbook file; always a usage problem (exit 2). */
export type FileProblem = 'missing' | 'isDirectory' | 'notXlsx' | 'unreadable' | 'damaged' | 'exists' | 'cannotWrite' | 'noFolder' | 'sameAsInput';

export class WorkbookFileError extends CliError {
  constructor(
    readonly problem: FileProblem,
    readonly file: string,
    message: string,
  ) {
    super(message, EXIT.usage);
    this.name = 'WorkbookFileError';
  }
}
