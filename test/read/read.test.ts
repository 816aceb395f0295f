import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { explain } from '../../src/explain.js';
import { checkInput } from '../../src/read/bytes.js';
import { InputError, readInput } from '../../src/read/index.js';
import type { MailMessage } from '../../src/types.js';

async function message(text: string | Uint8Array): Promise<MailMessage> {
  const r = await readInput(text);
  assert.equal(r.type, 'message');
  return (r as { message: MailMessage }).message;
}

const dsn = [
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
  'To: sender@example.org',
  'Subject: =?koi8-r?b?79vJwsvBIMTP09TB18vJ?=',
  'X-Long: first part',
  '  second part',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=koi8-r',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '=F0=CF=CC=D8=DA=CF=D7=C1=D4=C5=CC=D8 =CE=C5 =CE=C1=CA=C4=C5=CE',
  '--b1',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.net',
  '',
  'Final-Recipient: rfc822; someone@example.com',
  'Action: failed',
  'Status: 5.1.1',
  '--b1',
  'Content-Type: message/rfc822',
  '',
  'From: sender@example.org',
  'Subject: hello',
  '',
  'body',
  '--b1--',
  '',
].join('\n');

test('headers are unfolded and RFC 2047-decoded; names are lower case', async () => {
  const m = await message(dsn);
  assert.equal(m.headers.find((h) => h.name === 'subject')?.value, 'Ошибка доставки');
  assert.equal(m.headers.find((h) => h.name === 'x-long')?.value, 'first part second part');
});

test('a koi8-r quoted-printable text part is decoded', async () => {
  const m = await message(dsn);
  assert.equal(m.text.trim(), 'Пользователь не найден');
});

test('delivery-status and the returned message are separate parts', async () => {
  const m = await message(dsn);
  assert.match(m.deliveryStatus ?? '', /^Final-Recipient: rfc822; someone@example.com$/m);
  assert.match(m.originalMessage ?? '', /^Subject: hello$/m);
  assert.doesNotMatch(m.text, /Subject: hello/);
  assert.deepEqual(
    m.parts.map((p) => p.contentType),
    ['text/plain', 'message/delivery-status', 'message/rfc822'],
  );
});

test('ISO-2022-JP base64 and windows-1251 base64 bodies are decoded', async () => {
  const jp = await message(
    'From: a@example.jp\nSubject: x\nContent-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Encoding: base64\n\nGyRCJDMkcyRLJEEkTyEiR1tDIyRHJC0kXiQ7JHMkRyQ3JD8bKEI=\n',
  );
  assert.equal(jp.text.trim(), 'こんにちは、配達できませんでした');
  const ru = await message(
    'From: a@example.ru\nSubject: x\nContent-Type: text/plain; charset=windows-1251\nContent-Transfer-Encoding: base64\n\nz+738u7i++kg//no6iDv5fDl7+7r7eXt\n',
  );
  assert.equal(ru.text.trim(), 'Почтовый ящик переполнен');
});

test('message/global-delivery-status (RFC 6533) fills deliveryStatus', async () => {
  const m = await message(
    [
      'From: postmaster@example.net',
      'Content-Type: multipart/report; report-type=global-delivery-status; boundary=x',
      '',
      '--x',
      'Content-Type: text/plain',
      '',
      'failed',
      '--x',
      'Content-Type: message/global-delivery-status',
      '',
      'Final-Recipient: utf-8; jörg@example.de',
      'Action: failed',
      'Status: 5.1.1',
      '--x--',
    ].join('\n'),
  );
  assert.match(m.deliveryStatus ?? '', /jörg@example.de/);
});

test('HTML-only messages get a text rendering', async () => {
  const m = await message(
    'From: a@example.com\nContent-Type: text/html\n\n<p>Mailbox&nbsp;full</p><br>try later',
  );
  assert.equal(m.text, 'Mailbox full\n\ntry later');
});

test('a multipart message whose boundaries are missing keeps its body as text', async () => {
  const m = await message(
    'From: a@example.com\nContent-Type: multipart/report; boundary="gone"\n\nFinal-Recipient: rfc822; x@example.com\nStatus: 5.1.1\n',
  );
  assert.match(m.text, /Final-Recipient/);
});

test('a bare SMTP reply is recognised as reply text', async () => {
  const r = await readInput('550-5.7.26 Unauthenticated email is not accepted\n550 5.7.26 from this domain.');
  assert.equal(r.type, 'reply-text');
  const log = await readInput(
    'Dec  3 10:00:00 mx postfix/smtp[42]: ABC: to=<a@b.example>, status=bounced (host said: 550 5.1.1 no)',
  );
  assert.equal(log.type, 'reply-text');
});

test('empty, blank and binary inputs raise InputError with a one-line message', async () => {
  for (const bad of ['', '   \n\n', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2])]) {
    await assert.rejects(readInput(bad), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.doesNotMatch(err.message, /\n/);
      return true;
    });
  }
});

test('input over the size limit is refused without being parsed', async () => {
  const big = new Uint8Array(25 * 1024 * 1024 + 1).fill(0x61);
  await assert.rejects(
    readInput(big),
    (err: unknown) => err instanceof InputError && err.code === 'too-large',
  );
});

test('bytes that are not UTF-8 are still read (latin1 fallback) into raw', async () => {
  const bytes = new Uint8Array([
    ...new TextEncoder().encode('From: a@example.com\nSubject: x\n\ncaf'),
    0xe9,
    0x0a,
  ]);
  const m = await message(bytes);
  assert.match(m.raw, /café/);
});

test('pathological MIME (nesting beyond the limit) is refused with a clear InputError', async () => {
  let deep = 'From: a@example.com\nContent-Type: multipart/mixed; boundary=b0\n\n';
  for (let i = 0; i < 200; i++) deep += `--b${i}\nContent-Type: multipart/mixed; boundary=b${i + 1}\n\n`;
  await assert.rejects(readInput(deep), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.equal(err.code, 'unreadable');
    assert.match(err.message, /nesting/);
    return true;
  });
});

/** The binary rule of checkInput byte by byte: a NUL, or more than 5% control bytes, in the first 64 KB. */
function isBinaryByBytes(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return control > end / 20;
}

test('checkInput (eight bytes at a time) tells binary input as a byte-by-byte count does', () => {
  const byte = fc.oneof(
    { weight: 30, arbitrary: fc.integer({ min: 32, max: 126 }) },
    { weight: 3, arbitrary: fc.constantFrom(9, 10, 13) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
  );
  fc.assert(
    fc.property(fc.array(byte, { minLength: 1, maxLength: 400 }), fc.nat(3), (list, offset) => {
      // a view at any offset: the word loop starts after an unaligned lead
      const buffer = new Uint8Array(list.length + offset);
      buffer.set(list, offset);
      const bytes = buffer.subarray(offset);
      let binary = false;
      try {
        checkInput(bytes);
      } catch (err) {
        assert.ok(err instanceof InputError);
        // (white space and control bytes only, without a NUL, is "empty" before it is "binary")
        if (err.code === 'empty') return;
        binary = err.code === 'binary';
      }
      assert.equal(binary, isBinaryByBytes(bytes));
    }),
    { numRuns: 2000 },
  );
});

test('a message whose lines end in a bare CR (no LF anywhere) is read as lines, as bytes or as text', async () => {
  const eml = readFileSync(new URL('../../examples/user-unknown.eml', import.meta.url), 'utf8');
  const crOnly = eml.replaceAll('\r\n', '\n').replaceAll('\n', '\r');
  for (const input of [crOnly, Buffer.from(crOnly)]) {
    const report = await explain(input);
    assert.equal(report.kind, 'bounce');
    assert.equal(report.results[0]?.recipient, 'jane.doe@example.com');
    assert.equal(report.results[0]?.status, '5.1.1');
  }
});
