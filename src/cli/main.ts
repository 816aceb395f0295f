// The command line: `bouncedoc <command> ...`. Each command lives in its own file and exports
// register(program, state); add new ones to COMMANDS.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from '@commander-js/extra-typings';
import { printable } from '../output/printable.js';
import { register as registerAddress } from './address.js';
import { register as registerAuth } from './auth.js';
import { register as registerCheck } from './check.js';
import { register as registerExplain } from './explain.js';
import { type CliIo, type CliState, oneLine, processIo } from './io.js';
import { register as registerServe } from './serve.js';

// for bin/bouncedoc.js's last-resort error line (it runs the bundle of this file: one module)
export { printable };

/** Several lines, each made printable (their line breaks kept). */
function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

export type RegisterCommand = (program: Command, state: CliState) => void;

/** The commands, in the order `--help` lists them. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerExplain,
  registerCheck,
  registerAuth,
  registerAddress,
  registerServe,
];

/** Exit status for usage errors (unknown option, missing argument). */
export const EXIT_USAGE = 2;

/** The package version, from the package.json above this file (src/cli or dist/src/cli). */
function version(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'bouncedoc' && pkg.version) return pkg.version;
    } catch {
      // not here; look one folder up
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

/** The state the commands share; each rise of exitCode is passed on to io.exitStatus. */
function cliState(io: CliIo): CliState {
  let exitCode = 0;
  return {
    io,
    get exitCode() {
      return exitCode;
    },
    set exitCode(code: number) {
      exitCode = code;
      io.exitStatus?.(code);
    },
  };
}

/** Runs the CLI with process-style argv (node, script, ...args); resolves to the exit status. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const state = cliState(io);
  const program = new Command('bouncedoc')
    .description('From an e-mail bounce to its fix: what went wrong, who must act, what to do.')
    .version(version())
    .exitOverride()
    // commander's errors quote the arguments ("unknown option '...'"): shown safely, line by line
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(printableLines(s)) })
    .showHelpAfterError('(run bouncedoc --help for usage)');
  for (const register of COMMANDS) register(program, state);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit with 0; usage errors were already printed by commander
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    io.stderr(`bouncedoc: ${printable(oneLine(err))}\n`);
    return EXIT_USAGE;
  }
  return state.exitCode;
}
