// explain() from JavaScript, which can pass anything: what is no string or bytes is refused with
// an InputError saying what was expected (README "As a library": it rejects only with one).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { explain, InputError } from '../../src/index.js';

const REPLY = '550 5.1.1 <a@b.example> user unknown';
const EXPECTED = 'expected the bounce as a string or bytes (Uint8Array), got';
const JSON_TEXT = ' (a webhook payload must be passed as its JSON text)';

test('wrong types reject with a one-line InputError that names what came', async () => {
  const cases: Array<[unknown, string]> = [
    [undefined, 'undefined'],
    [null, 'null'],
    [42, 'number'],
    [true, 'boolean'],
    [10n, 'bigint'],
    [Symbol('s'), 'symbol'],
    [() => REPLY, 'function'],
    [new DataView(new ArrayBuffer(8)), 'DataView'],
    [new Uint16Array(4), 'Uint16Array'],
    [[1, 2], `an array${JSON_TEXT}`],
    [{ event: 'bounce', email: 'a@b.example' }, `an object${JSON_TEXT}`],
    [Object.create(null), `an object${JSON_TEXT}`],
    [new Map(), `Map${JSON_TEXT}`],
    [new String(REPLY), `String${JSON_TEXT}`],
    [
      new Proxy(
        {},
        {
          getPrototypeOf() {
            throw new Error('hostile');
          },
        },
      ),
      `an object${JSON_TEXT}`,
    ],
    // passes instanceof Uint8Array, but every read of it throws a TypeError
    [new Proxy(new Uint8Array(10), {}), `an object${JSON_TEXT}`],
  ];
  for (const [input, got] of cases) {
    await assert.rejects(
      explain(input as string),
      (err: unknown) => {
        assert.ok(err instanceof InputError, `${String(err)} for ${got}`);
        assert.equal(err.code, 'wrong-type');
        assert.equal(err.message, `${EXPECTED} ${got}`);
        return true;
      },
      got,
    );
  }
});

test('an ArrayBuffer is read as bytes, as is a Uint8Array from another realm', async () => {
  const bytes = new TextEncoder().encode(REPLY);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  for (const input of [buffer, runInNewContext('new Uint8Array(b)', { b: [...bytes] })]) {
    const r = await explain(input);
    assert.equal(r.kind, 'reply-text');
    assert.equal(r.results[0].status, '5.1.1');
  }
  await assert.rejects(
    explain(new ArrayBuffer(0)),
    (err: unknown) => err instanceof InputError && err.code === 'empty',
  );
});

test('a string and a Buffer still work', async () => {
  assert.equal((await explain(REPLY)).results[0].recipient, 'a@b.example');
  assert.equal((await explain(Buffer.from(REPLY))).results[0].recipient, 'a@b.example');
});

test('text saved as UTF-16 with a byte order mark (PowerShell ">", Notepad "Unicode") is read as text (RFC 2781 3.2)', async () => {
  const reply = '550 5.1.1 <a@b.example>: User unknown\r\n';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(reply, 'utf16le')]);
  const beBody = Buffer.from(reply, 'utf16le').swap16();
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]);
  for (const bytes of [le, be]) {
    const [r] = (await explain(bytes)).results;
    assert.equal(r.reason, 'userunknown');
    assert.equal(r.recipient, 'a@b.example');
  }
  // a byte order mark before bytes of odd length is no UTF-16 text: binary data as before
  await assert.rejects(explain(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x00])), /binary/);
});
