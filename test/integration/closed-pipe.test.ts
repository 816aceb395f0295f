// The reader of bouncedoc's output may go away before the output ends (`bouncedoc explain ... |
// head -1`): the command stops quietly, with no stack trace (it printed Node's "Unhandled 'error'
// event ... EPIPE" and its stack before).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

/**
 * Runs `bouncedoc check ...` with its standard error closed by its reader at once, and its standard
 * output too when `closeStdout` (else read to the end, as `2>&1 | head -3` reads the report).
 */
async function checkIntoClosedPipes(args: string[], closeStdout: boolean): Promise<number | null> {
  const child = spawn(process.execPath, [...cliCommand(), 'check', ...args], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.destroy();
  if (closeStdout) child.stdout.destroy();
  else child.stdout.resume();
  return new Promise((resolve) => child.once('close', resolve));
}

test('check keeps its exit status when its reader closed stderr or stdout (| head)', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bouncedoc-pipe-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const zone = path.join(dir, 'broken.zone');
  writeFileSync(
    zone,
    '$ORIGIN example.com.\n@ IN SOA ns1 hostmaster 1 3600 600 1209600 300\n@ IN TXT "v=spf1 -all."\n',
  );
  // a server that refuses every question (nothing listens on port 1)
  const unanswered = ['example.com', '--selector', 'default', '--dns', '127.0.0.1:1', '--timeout', '300'];
  for (const closeStdout of [false, true]) {
    // errors found: 1
    const broken = ['example.com', '--selector', 'default', '--zone', zone];
    assert.equal(await checkIntoClosedPipes(broken, closeStdout), 1);
    // could not check: 2 (it was 1: the note on the closed stderr failed with EPIPE, unhandled)
    assert.equal(await checkIntoClosedPipes(unanswered, closeStdout), 2, `closeStdout: ${closeStdout}`);
  }
});
