// The CLI on hostile input, in-process with an injected io: every bad input gets one line on
// standard error and an exit status, no stack trace; bounce text never drives the terminal.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const ESC = '\u001b';

function fakeIo(files: Record<string, Uint8Array | Error>, stdin = new Uint8Array()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: async () => stdin,
    readFile: async (p) => {
      const f = files[p];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      if (f instanceof Error) throw f;
      return f;
    },
    stdinIsTTY: false,
    stdoutIsTTY: true, // as on a terminal: the case where escape sequences would matter
    env: {},
  };
  return { io, out, err };
}

const bytes = (s: string) => new TextEncoder().encode(s);

async function run(args: string[], files: Record<string, Uint8Array | Error>) {
  const f = fakeIo(files);
  const code = await main(['node', 'bouncedoc', ...args], f.io);
  const stderr = f.err.join('');
  assert.doesNotMatch(stderr, /\n\s+at /, 'a stack trace on standard error');
  return { code, stdout: f.out.join(''), stderr };
}

test('bad inputs: one line each on stderr, exit 1, the good file still explained', async () => {
  const r = await run(['explain', '--offline', 'empty', 'dir', 'zero', 'missing', 'good'], {
    empty: new Uint8Array(),
    dir: Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' }),
    zero: new Uint8Array(100_000),
    good: bytes('550 5.1.1 <a@b.example> user unknown'),
  });
  assert.equal(r.code, 1);
  assert.deepEqual(r.stderr.trimEnd().split('\n'), [
    'bouncedoc: empty: input is empty',
    'bouncedoc: dir: cannot read: is a directory',
    'bouncedoc: zero: input is binary data (it contains NUL bytes), not a message',
    'bouncedoc: missing: cannot read: no such file',
  ]);
  assert.match(r.stdout, /The recipient's address does not exist/);
});

test('escape sequences in a bounce never reach the terminal', async () => {
  const text = `550 5.1.1 <a@b.example> ${ESC}]0;PWNED\u0007${ESC}[2J${ESC}[8mhidden user unknown`;
  const r = await run(['explain', '--offline', 'b'], { b: bytes(text) });
  assert.equal(r.code, 0);
  // only bouncedoc's own colours (SGR "ESC [ n m") are left
  assert.doesNotMatch(r.stdout.replace(/\u001b\[[0-9;]*m/g, ''), /[\u0000-\u0008\u000b-\u001f\u007f]/);
  assert.match(r.stdout, /␛\]0;PWNED␇␛\[2J␛\[8mhidden/);
});

test('a bounce with a megabyte Diagnostic-Code prints a bounded text', async () => {
  const text = `550 5.1.1 <a@b.example> ${'5.1.1 '.repeat(200_000)}`;
  const r = await run(['explain', '--offline', 'b'], { b: bytes(text) });
  assert.equal(r.code, 0);
  assert.ok(r.stdout.length < 10_000, `${r.stdout.length} characters`);
  assert.match(r.stdout, /more characters; --json shows all/);
});

test('bad --dns values are a one-line usage error', async () => {
  for (const v of ['999.1.1.1:99999', '127.0.0.1:0', ':53', 'abc def', 'x'.repeat(400)]) {
    const r = await run(['explain', '--dns', v, 'b'], { b: bytes('550 5.1.1 x') });
    assert.equal(r.code, 2, v);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  }
});

test('zone file junk: faults named with visible stand-ins, then "holds no records"', async () => {
  const junk = new Uint8Array(Array.from({ length: 256 * 20 }, (_, i) => i % 256));
  const r = await run(['explain', '--zone', 'z', 'b'], { z: junk, b: bytes('550 5.1.1 x') });
  assert.equal(r.code, 2);
  assert.doesNotMatch(r.stderr, /[\u0000-\u0008\u000b-\u001f\u007f]/);
  assert.match(r.stderr, /z holds no records/);
});

test('auth: binary data is refused in one line; hostile headers print a bounded text', async () => {
  const bin = await run(['auth', '--offline', 'zero'], { zero: new Uint8Array(100_000) });
  assert.equal(bin.code, 1);
  assert.equal(bin.stderr, 'bouncedoc: zero: input is binary data (it contains NUL bytes), not a message\n');
  const headers = [
    `From: ${'a-'.repeat(100_000)}`,
    `Return-Path: <${'@'.repeat(100_000)}>`,
    `Received: from x (${'[1.'.repeat(50_000)}) by y`,
    `DKIM-Signature: ${'v=1; '.repeat(50_000)}`,
    `Authentication-Results: ${'x; '.repeat(100_000)}${ESC}[2J`,
    '',
    'body',
  ].join('\r\n');
  const r = await run(['auth', '--offline', 'h'], { h: bytes(headers) });
  assert.ok(r.stdout.length < 50_000, `${r.stdout.length} characters`);
  assert.doesNotMatch(r.stdout.replace(/\u001b\[[0-9;]*m/g, ''), /\u001b/);
});

test('serve: a bad --dns value is refused in one line before anything starts', async () => {
  const r = await run(['serve', '--port', '0', '--dns', '999.1.1.1:99999'], {});
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr,
    'bouncedoc: --dns "999.1.1.1:99999" is not an IP address with an optional port (127.0.0.1:5300, [::1]:53)\n',
  );
});

test('arguments quoted in error lines never drive the terminal, in every command', async () => {
  const x = `${ESC}[31m${ESC}]0;PWNED\u0007`;
  const bounce = new Uint8Array(readFileSync(new URL('../../examples/dmarc-permerror.eml', import.meta.url)));
  const junk = bytes('bad line here\n');
  const cases: Array<[string[], Record<string, Uint8Array | Error>]> = [
    [['check', `a${x}.com`, '--zone', 'z'], {}],
    [['check', 'example.com', '--selector', `s${x}`], {}],
    [['check', 'example.com', '--dns', `1.2.3.4${x}`], {}],
    [['check', 'example.com', '--zone', `z${x}`], {}],
    [['check', 'example.com', '--zone', `z${x}`], { [`z${x}`]: junk }],
    [['auth', '--offline', `/tmp/x${x}`], {}],
    [['auth', '--ip', `1.2.3.4${x}`, 'm'], {}],
    [['auth', '--dns', `1.2.3.4${x}`, 'm'], { m: bytes('From: a@b.example\n\nhi\n') }],
    [['auth', '--offline', `m${x}`], { [`m${x}`]: new Uint8Array() }],
    [['auth', '--offline', `m${x}`], { [`m${x}`]: bounce }],
    [['explain', '--zone', `z${x}`, 'b'], {}],
    [['explain', '--dns', `1.2.3.4${x}`, 'b'], {}],
    [['address', '--dns', `1.2.3.4${x}`, 'a@b.example'], {}],
    [['address', '--zone', `z${x}`, 'a@b.example'], {}],
    [['serve', '--dns', `1.2.3.4${x}`], {}],
    [['explain', `--bad${x}`], {}],
    [[`explain${x}`], {}],
  ];
  for (const [args, files] of cases) {
    const r = await run(args, files);
    assert.doesNotMatch(r.stderr, /[\u0000-\u0008\u000b-\u001f\u007f]/, args.join(' '));
    assert.match(r.stderr, /␛\[31m␛\]0;PWNED␇/, args.join(' '));
  }
});
