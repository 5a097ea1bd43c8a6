/**
 * Errors that reach users. A `UserError` carries a finished Russian sentence (what is wrong, where,
 * what to do); anything else is a fault of the program or of a service, shown wrapped with the action
 * that failed. Adapters translate the errors of Apps Script and Node into `UserError` where they know
 * what happened; nothing decides by an error's text.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * A side effect failed part way and may have happened (a print-ready Doc whose save failed after the
 * letter was added): the journal then says «требует проверки», never `ошибка`, so it is not redone.
 */
export class UncertainEffectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UncertainEffectError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** The message of any thrown value. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The message with its stack, for logs only. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
