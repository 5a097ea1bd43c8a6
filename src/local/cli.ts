/**
 * `partnerstvo`: the offline command line. Each command lives in `commands/<name>.ts`; this module
 * builds the program (Russian help), runs it, and turns every failure into a Russian message on
 * stderr and an exit code: 0 done, 1 data/delivery problems, 2 wrong usage. No stack traces unless
 * `PARTNERSTVO_DEBUG=1`.
 */
import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { errorDetail, errorText, isUserError } from '../core/errors';
import { cliMsg, syntax } from '../messages/cli';
import { COMMANDS } from './commands';
import type { CliIo } from './commands/types';
import { CliError, EXIT, type ExitCode } from './exit';
import { isInterruptible, reportLocksFromEnv, runInterruptible } from './interrupt';

export type { CliIo } from './commands/types';

function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
  };
}

export function buildProgram(io: CliIo, setExit: (code: ExitCode) => void): Command {
  const program = new Command('partnerstvo');
  program
    .description(cliMsg.programDescription)
    .usage(cliMsg.usageLine)
    .version(version, '-V, --version', cliMsg.versionOption)
    .helpOption('-h, --help', cliMsg.helpOption)
    .helpCommand(syntax.helpCommand, cliMsg.helpCommand)
    .configureHelp({
      styleTitle: (title) => cliMsg.helpTitles[title] ?? title,
      // `export <файл.xlsx> --out <новый.xlsx>` instead of commander's English `[options]`.
      subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}`,
    })
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, '')),
      writeErr: (text) => io.err(text.replace(/\n$/, '')),
      // Commander's own (English) error lines are replaced by Russian ones in `commanderFailure`.
      outputError: () => undefined,
    })
    .addHelpText('after', `\n${cliMsg.exitCodes}`)
    .showSuggestionAfterError(false)
    .exitOverride();
  for (const register of COMMANDS) register(program, { io, setExit });
  return program;
}

/** The quoted name in a commander message: `error: unknown command 'foo'` → `foo`. */
function quoted(message: string): string {
  const match = /'([^']*)'/.exec(message);
  return match ? match[1] : message;
}

function commanderFailure(error: CommanderError, io: CliIo, args: string[]): number {
  const usage = cliMsg.usage;
  let text: string | null;
  switch (error.code) {
    case 'commander.helpDisplayed':
    case 'commander.version':
      return EXIT.ok;
    case 'commander.help':
      // `help` and `help <команда>` asked for help: done. Otherwise commander printed the help to
      // stderr because no command (or `help` with an unknown one) was given.
      if (error.exitCode === 0) return EXIT.ok;
      text = args[0] === 'help' && args[1] ? usage.unknownCommand(args[1]) : usage.noCommand;
      break;
    case 'commander.unknownCommand':
      text = usage.unknownCommand(quoted(error.message));
      break;
    case 'commander.unknownOption':
      text = usage.unknownOption(quoted(error.message));
      break;
    case 'commander.missingArgument':
      text = usage.missingArgument(quoted(error.message));
      break;
    case 'commander.optionMissingArgument':
      text = usage.optionMissingArgument(quoted(error.message));
      break;
    case 'commander.missingMandatoryOptionValue':
      text = usage.missingMandatoryOption(quoted(error.message));
      break;
    case 'commander.excessArguments':
      text = usage.excessArguments;
      break;
    default:
      text = usage.invalid(error.message.replace(/^error:\s*/, ''));
  }
  io.err(text);
  io.err(cliMsg.helpHint);
  return EXIT.usage;
}

/** Runs the command line on `args` (without `node` and the script); resolves to the exit code. */
export async function main(args: string[], io: CliIo = processIo()): Promise<number> {
  const debug = io.env.PARTNERSTVO_DEBUG === '1';
  let exitCode: ExitCode = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return commanderFailure(error, io, args);
    if (isUserError(error)) {
      io.err(error.message);
      if (debug && error.stack) io.err(error.stack);
      return error instanceof CliError ? error.exitCode : EXIT.problems;
    }
    io.err(cliMsg.internalError(errorText(error)));
    if (debug) io.err(errorDetail(error));
    return EXIT.problems;
  }
}

/** The process entry point (`bin/partnerstvo.js`, or `node build/cli.js`). */
export function runCli(): void {
  const args = process.argv.slice(2);
  // A long job runs in a child process so that Ctrl-C is answered at once (see interrupt.ts).
  const isChild = reportLocksFromEnv();
  const run = !isChild && isInterruptible(args) ? runInterruptible(process.argv[1], args) : main(args);
  run.then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${cliMsg.internalError(String(error))}\n`);
      process.exitCode = EXIT.problems;
    },
  );
}

if (require.main === module) runCli();
