// The reader of bouncedoc's output may go away before the output ends (`bouncedoc explain ... |
// head -1`): the command stops quietly, with no stack trace (it printed Node's "Unhandled 'error'
// event ... EPIPE" and its stack before).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { cliCommand, repoRoot } from './run-cli.js';

test('explain into a pipe closed after the first chunk exits 0 and says nothing', async () => {
  // enough output to outlast the pipe's buffer: 3,000 reports of the same example
  const files = Array.from({ length: 3000 }, () => 'examples/user-unknown.eml');
  const child = spawn(process.execPath, [...cliCommand(), 'explain', '--offline', '--json', ...files], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  let first = '';
  child.stdout.once('data', (d: Buffer) => {
    first = d.toString();
    child.stdout.destroy();
  });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  assert.match(first, /"source": "examples\/user-unknown.eml"/);
  assert.equal(stderr, '');
  assert.equal(code, 0);
});
