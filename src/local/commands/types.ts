/** What a command module gets: the terminal and a way to set the exit code. */
import type { Command } from 'commander';
import type { ExitCode } from '../exit';

export interface CliIo {
  /** One line (or block) of normal output. */
  out(text: string): void;
  /** One line (or block) of error output. */
  err(text: string): void;
  env: Record<string, string | undefined>;
}

export interface CommandContext {
  io: CliIo;
  /** The exit code of this run (0 unless a command says otherwise). */
  setExit(code: ExitCode): void;
}

/**
 * A command module registers one subcommand on the program (`program.command(…)`, so it inherits
 * the Russian help and error handling) and sets the exit code from its action. Errors it throws —
 * `CliError` with a Russian message, or anything else — are reported by `cli.ts`.
 */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;
