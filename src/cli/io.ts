// What a command may touch of the outside world, injected so commands can be tested in-process.
import { closeSync, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tooLargeError } from '../read/bytes.js';
import { MAX_INPUT_BYTES } from '../read/limits.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
  readFile(path: string): Promise<Uint8Array>;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  env: Record<string, string | undefined>;
  /**
   * Told the exit status each time it rises (main() wires it to CliState.exitCode), so that a run
   * that ends early because its reader closed standard output still ends with it.
   */
  exitStatus?(code: number): void;
}

/** Shared between main() and the commands: commands raise exitCode, never lower it. */
export interface CliState {
  io: CliIo;
  exitCode: number;
}

export function processIo(): CliIo {
  process.stdout.on('error', stdoutFailed);
  process.stderr.on('error', stderrFailed);
  return {
    stdout: (t) => process.stdout.write(t),
    // a standard error that failed is destroyed: writing to it again would only fail again
    stderr: (t) => {
      if (!process.stderr.destroyed) process.stderr.write(t);
    },
    readStdin: () => readStreamLimited(process.stdin, MAX_INPUT_BYTES, 0),
    readFile: (p) => readFileLimited(p, MAX_INPUT_BYTES),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    exitStatus: (code) => {
      process.exitCode = code;
    },
  };
}

/**
 * Standard output failed. EPIPE: the reader went away (`bouncedoc explain ... | head -1`), as a
 * pipe's reader may: stop quietly, as tools that die of SIGPIPE do (Node ignores that signal, so
 * the write fails instead, and an unhandled stream error would print a stack trace). Any other
 * failure (a full disk, EIO) is said in one line.
 */
export function stdoutFailed(err: NodeJS.ErrnoException): void {
  if (err.code !== 'EPIPE') {
    if (!process.stderr.destroyed)
      process.stderr.write(`bouncedoc: cannot write the output: ${oneLine(err)}\n`);
    process.exit(1);
  }
  // the exit status the command has reached (processIo's exitStatus keeps process.exitCode at it):
  // `check DOMAIN | head -1` still says 1 for errors, 2 for could not check
  process.exit(Number(process.exitCode) || 0);
}

/**
 * Standard error failed (closed: `2>&-`, or `2>&1 | head -3` once head has gone). There is nowhere
 * left to say anything: the command goes on and ends with its own exit status (an unhandled stream
 * error would have ended it with 1 instead, as if it had found errors).
 */
export function stderrFailed(): void {}

/**
 * Input is read up to `limit` bytes and no further: a device (/dev/zero), a FIFO or a pipe may
 * never end, and a regular file larger than the limit is refused by its size before any byte is
 * read. Past the limit the read stops with the read stage's InputError ("input is more than 25.0
 * MB; the limit is 25 MB").
 */
export async function readFileLimited(path: string, limit: number): Promise<Uint8Array> {
  // A regular file is read with blocking calls: four promise round trips through libuv's thread
  // pool per file cost ~0.3 ms each time (most of a many-file run's time for small bounces, measured
  // by the bench's one-bounce run and a CPU profile). A FIFO or device is not opened that way: its
  // open or read may wait for a writer, which must not stop the other inputs.
  if (statSync(path).isFile()) return readRegularFile(path, limit);
  const file = await open(path, 'r');
  try {
    const st = await file.stat();
    refuseBySize(st, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    // a regular file in one read (and one more that finds its end); anything else a chunk at a time
    let want = st.isFile() ? st.size + 1 : READ_CHUNK;
    for (;;) {
      want = Math.min(want, limit + 1 - total);
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await file.read(buf, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw tooLargeError(limit, true);
      want = READ_CHUNK;
    }
    return Buffer.concat(chunks, total);
  } finally {
    await file.close();
  }
}

/** readFileLimited for a path that named a regular file when it was looked at. */
function readRegularFile(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    refuseBySize(st, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    // its size in one read, and one more that finds the end (it may have grown since the stat)
    let want = st.size + 1;
    for (;;) {
      want = Math.min(want, limit + 1 - total);
      const buf = Buffer.allocUnsafe(want);
      const bytesRead = readSync(fd, buf, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw tooLargeError(limit, true);
      want = READ_CHUNK;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * A stream (standard input) read up to `limit` bytes: past it, the stream is let go (destroyed,
 * so a writer on a pipe sees it closed) and the read fails as readFileLimited does. `fd`, when
 * given, is checked first: a directory, or a regular file over the limit, fails before any read.
 */
export async function readStreamLimited(
  stream: AsyncIterable<Uint8Array | string>,
  limit: number,
  fd?: number,
): Promise<Uint8Array> {
  if (fd !== undefined) {
    let st: Stats | undefined;
    try {
      st = fstatSync(fd);
    } catch {
      // no such descriptor (closed standard input): the stream says what it has
    }
    if (st) refuseBySize(st, limit);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b =
      typeof chunk === 'string'
        ? Buffer.from(chunk)
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    chunks.push(b);
    total += b.length;
    // leaving the loop (by the throw) destroys the stream
    if (total > limit) throw tooLargeError(limit, true);
  }
  return Buffer.concat(chunks, total);
}

/** Bytes asked of a device, FIFO or pipe per read. */
const READ_CHUNK = 64 * 1024;

function refuseBySize(st: Stats, limit: number): void {
  // (standard input redirected from a directory reads as empty, not as an error: say what it is)
  if (st.isDirectory())
    throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
  if (st.isFile() && st.size > limit) throw tooLargeError(st.size);
}

/** Colour only on a terminal and never under NO_COLOR (https://no-color.org); FORCE_COLOR forces it. */
export function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY;
}

/** A one-line reason for a file system or other error, without a stack. */
export function oneLine(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err) {
    const code = String((err as { code: unknown }).code);
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'is a directory';
  }
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0];
}
