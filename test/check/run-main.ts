// Runs a bouncedoc command in-process through main() with an injected CliIo, capturing its output:
// the CLI tests of `check` (test/check) and `auth` (test/auth/message) share it.
import { readFile } from 'node:fs/promises';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface RunOptions {
  /** the only files the command may read (name to text); without it, the real file system */
  files?: Record<string, string>;
  /** whether stdout is a terminal (colour rules) */
  tty?: boolean;
  env?: Record<string, string>;
}

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `bouncedoc <args...>` (args[0] is the command) and returns its exit code and output. */
export async function runMain(args: string[], opts: RunOptions = {}): Promise<MainRun> {
  let stdout = '';
  let stderr = '';
  const files = opts.files;
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => new Uint8Array(),
    readFile: files
      ? async (p) => {
          const text = files[p];
          if (text === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
          return Buffer.from(text);
        }
      : (p) => readFile(p),
    stdinIsTTY: false,
    stdoutIsTTY: opts.tty ?? false,
    env: opts.env ?? {},
  };
  const code = await main(['node', 'bouncedoc', ...args], io);
  return { code, stdout, stderr };
}
