// Input that never ends (a device, a FIFO, a pipe) or is far over the size limit: the CLI stops
// reading at the read stage's limit and says so in one line, exit 1. Every test here asserts how
// much was read or written, never how long it took.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { processIo, readFileLimited, readStreamLimited } from '../../src/cli/io.js';
import { InputError } from '../../src/read/index.js';
import { MAX_INPUT_BYTES } from '../../src/read/limits.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const runCli = path.join(repo, 'test/cli/run-cli.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'bouncedoc-limit-'));

/** More than the limit, but finite: a writer stops here, so a reader that never stops still ends. */
const CAP = MAX_INPUT_BYTES + 40 * 1024 * 1024;
const TOO_MUCH = 'input is more than 25.0 MB; the limit is 25 MB';

const tooLarge = (err: unknown) => err instanceof InputError && err.code === 'too-large';

/** Writes `chunk` to `out` until it is closed from the other side or CAP bytes went through. */
async function feed(out: NodeJS.WritableStream & { destroyed: boolean }, chunk: Buffer): Promise<number> {
  let accepted = 0;
  out.on('error', () => {}); // EPIPE once the reader lets go: expected
  for (let sent = 0; sent < CAP && !out.destroyed; sent += chunk.length) {
    const flushed = out.write(chunk, (err) => {
      if (!err) accepted += chunk.length;
    });
    if (!flushed && !out.destroyed) await drainedOrClosed(out);
  }
  if (!out.destroyed) await new Promise<void>((resolve) => out.end(resolve));
  return accepted;
}

function drainedOrClosed(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

test('a regular file over the limit is refused by its size, not read', async () => {
  const big = path.join(dir, 'big.eml');
  writeFileSync(big, '');
  truncateSync(big, 300 * 1024 * 1024); // sparse: no disk, no time
  await assert.rejects(processIo().readFile(big), (err: unknown) => {
    assert.ok(tooLarge(err), String(err));
    assert.equal((err as Error).message, 'input is 300.0 MB; the limit is 25 MB');
    return true;
  });
});

test('a regular file is read whole, byte for byte, up to exactly the limit', async () => {
  const file = path.join(dir, 'exact.eml');
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) & 255));
  writeFileSync(file, bytes);
  assert.deepEqual(Buffer.from(await readFileLimited(file, 1000)), bytes);
  await assert.rejects(readFileLimited(file, 999), (err: unknown) => {
    assert.ok(tooLarge(err), String(err));
    return true;
  });
  writeFileSync(file, '');
  assert.equal((await readFileLimited(file, 1000)).length, 0);
});

test('a missing file and a directory fail with their file system codes', async () => {
  await assert.rejects(readFileLimited(path.join(dir, 'none.eml'), 1000), { code: 'ENOENT' });
  await assert.rejects(readFileLimited(dir, 1000), { code: 'EISDIR' });
});

test('a FIFO that keeps coming is read up to the limit, then let go', async () => {
  const fifo = path.join(dir, 'fifo');
  const made = spawnSync('mkfifo', [fifo]);
  if (made.status !== 0) return; // no mkfifo here
  const writer = createWriteStream(fifo);
  const fed = feed(writer, Buffer.alloc(1024 * 1024, 'aaaa\n'));
  await assert.rejects(processIo().readFile(fifo), tooLarge);
  const accepted = await fed;
  assert.ok(accepted < CAP, `the writer got all ${accepted} bytes through: the reader never stopped`);
});

test('an endless stream is read up to the limit and released', async () => {
  let pulled = 0;
  let released = false;
  async function* endless() {
    try {
      for (;;) {
        pulled++;
        yield new Uint8Array(100);
      }
    } finally {
      released = true;
    }
  }
  await assert.rejects(readStreamLimited(endless(), 1000), tooLarge);
  assert.equal(pulled, 11);
  assert.ok(released);
});

test('explain /dev/zero: one line, exit 1', { skip: !existsSync('/dev/zero') }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', runCli, 'explain', '--offline', '/dev/zero'], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  assert.equal(r.stderr, `bouncedoc: /dev/zero: ${TOO_MUCH}\n`);
  assert.equal(r.status, 1);
});

test('explain on an endless pipe (yes aaaa | bouncedoc explain): one line, exit 1', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', runCli, 'explain', '--offline'], { cwd: repo });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  child.stdout.resume();
  const closed = once(child, 'close');
  const accepted = await feed(child.stdin, Buffer.alloc(1024 * 1024, 'aaaa\n'));
  const [code] = await closed;
  assert.equal(stderr, `bouncedoc: -: ${TOO_MUCH}\n`);
  assert.equal(code, 1);
  assert.ok(accepted < CAP, `all ${accepted} bytes were taken: standard input was read to its end`);
});
