/**
 * `partnerstvo`: the offline command line. Each command lives in `commands/<name>.ts`; this module
 * builds the program (Russian help), runs it, and turns every failure into a Russian message on
 * stderr and an exit code: 0 done, 1 data/delivery problems, 2 wrong usage. No stack traces unless
 * `PARTNERSTVO_DEBUG=1`.
 */
import { Command, CommanderError, Help, type HelpConfiguration } from 'commander';
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

/** Terms longer than this go on a line of their own, the description under them. */
const TERM_COLUMN = 24;
const DESCRIPTION_INDENT = 6;

/**
 * Help that fits an 80-column terminal and is Russian throughout: commander pads every description
 * to the longest term (column 66 here) and adds English «(default: …)»; here a long term gets a line
 * of its own with its description wrapped under it, and defaults are said in Russian.
 */
const russianHelp: HelpConfiguration = {
  // A usage line longer than the width is wrapped at spaces too, continuing indented.
  formatHelp: (cmd, helper) =>
    Help.prototype.formatHelp
      .call(helper, cmd, helper)
      .split('\n')
      .map((line) => (helper.displayWidth(line) > (helper.helpWidth ?? 80) ? helper.boxWrap(line, helper.helpWidth ?? 80).replace(/\n/g, '\n  ') : line))
      .join('\n'),
  styleTitle: (title) => cliMsg.helpTitles[title] ?? title,
  // `export <файл.xlsx> --out <новый.xlsx>` instead of commander's English `[options]`.
  subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}`,
  optionDescription: (option) => {
    const shown = option.defaultValueDescription ?? (typeof option.defaultValue === 'string' ? option.defaultValue : '');
    return shown && (option.required || option.optional) && !option.description.includes(cliMsg.byDefault)
      ? `${option.description} (${cliMsg.byDefault} ${shown})`
      : option.description;
  },
  padWidth: (cmd, helper) =>
    Math.min(
      TERM_COLUMN,
      Math.max(
        helper.longestOptionTermLength(cmd, helper),
        helper.longestGlobalOptionTermLength(cmd, helper),
        helper.longestSubcommandTermLength(cmd, helper),
        helper.longestArgumentTermLength(cmd, helper),
      ),
    ),
  formatItem(term, termWidth, description, helper) {
    const width = helper.helpWidth ?? 80;
    if (!description) return `  ${term}`;
    if (helper.displayWidth(term) <= termWidth) {
      const wrapped = helper.boxWrap(description, width - termWidth - 4).replace(/\n/g, `\n${' '.repeat(termWidth + 4)}`);
      return `  ${term.padEnd(termWidth + term.length - helper.displayWidth(term))}  ${wrapped}`;
    }
    const indent = ' '.repeat(DESCRIPTION_INDENT);
    return `  ${term}\n${indent}${helper.boxWrap(description, width - DESCRIPTION_INDENT).replace(/\n/g, `\n${indent}`)}`;
  },
};

export function buildProgram(io: CliIo, setExit: (code: ExitCode) => void): Command {
  const program = new Command('partnerstvo');
  program
    .description(cliMsg.programDescription)
    .usage(cliMsg.usageLine)
    .version(version, '-V, --version', cliMsg.versionOption)
    .helpOption('-h, --help', cliMsg.helpOption)
    .helpCommand(syntax.helpCommand, cliMsg.helpCommand)
    .configureHelp(russianHelp)
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, '')),
      writeErr: (text) => io.err(text.replace(/\n$/, '')),
      // Commander's own (English) error lines are replaced by Russian ones in `commanderFailure`.
      outputError: () => undefined,
    })
    .addHelpText('after', `\n${cliMsg.exitCodes}`)
    .showSuggestionAfterError(true)
    .exitOverride();
  for (const register of COMMANDS) register(program, { io, setExit });
  return program;
}

/** The quoted name in a commander message: `error: unknown command 'foo'` → `foo`. */
function quoted(message: string): string {
  const match = /'([^']*)'/.exec(message);
  return match ? match[1] : message;
}

/**
 * Commander's own guess at a typo — `(Did you mean invite?)` or `(Did you mean one of init,
 * invite?)` — said in Russian; '' when it has none.
 */
function suggestion(message: string): string {
  const match = /\(Did you mean (?:one of )?(.+?)\?\)/.exec(message);
  return match ? ` ${cliMsg.usage.didYouMean(match[1].split(/,\s*/))}` : '';
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
      text = usage.unknownCommand(quoted(error.message)) + suggestion(error.message);
      break;
    case 'commander.unknownOption':
      text = usage.unknownOption(quoted(error.message)) + suggestion(error.message);
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
