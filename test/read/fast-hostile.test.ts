// Hostile input for the fast reader: each case must give a correct, bounded result (work linear
// in the input; limits from src/read/fast/limits.ts). No timing assertions: a case that went
// quadratic would show up as a hung test run, not as a flaky threshold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToText } from '../../src/read/bytes.js';
import { readFast } from '../../src/read/fast/index.js';
import { MAX_FIELDS, MAX_PARTS } from '../../src/read/fast/limits.js';
import { parseStructured } from '../../src/read/fast/params.js';
import { decodeEncodedWords } from '../../src/read/fast/rfc2047.js';
import { InputError, readInput } from '../../src/read/index.js';
import type { MailMessage } from '../../src/types.js';

const MB10 = 10 * 1024 * 1024;

function read(text: string): MailMessage {
  const bytes = Buffer.from(text, 'latin1');
  const m = readFast(bytes, bytesToText(bytes));
  assert.ok(m);
  return m;
}

test('a 10 MB line in a text part, in a header and after a boundary-like prefix', () => {
  const line = 'x'.repeat(MB10);
  const body = read(
    `From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\n${line}\n--b--\n`,
  );
  assert.equal(body.text.length, MB10 + 1);
  const head = read(`From: a@example.com\nSubject: ${line}\n\nbody\n`);
  assert.equal(head.headers.find((h) => h.name === 'subject')?.value.length, MB10);
  // "--b" then 10 MB of spaces then junk: not a boundary line, so the part goes on to the real one.
  const fake = read(
    `From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nstart\n--b${' '.repeat(MB10)}x\nend\n--b--\n`,
  );
  assert.ok(fake.text.startsWith('start\n--b   '));
  assert.ok(fake.text.endsWith('x\nend\n'));
});

test('10 MB of carriage returns and of "=" in a quoted-printable part', () => {
  const crs = read(`From: a@example.com\n\nA${'\r'.repeat(MB10)}\nB\n`);
  assert.equal(crs.text, 'A\nB\n');
  const qp = read(
    `From: a@example.com\nContent-Transfer-Encoding: quoted-printable\n\n${'='.repeat(MB10)}x\n`,
  );
  assert.equal(qp.text.length, MB10 + 2);
});

test('10,000 nested multiparts are refused with a clear InputError', async () => {
  let deep = 'From: a@example.com\nContent-Type: multipart/mixed; boundary=b0\n\n';
  for (let i = 0; i < 10_000; i++) deep += `--b${i}\nContent-Type: multipart/mixed; boundary=b${i + 1}\n\n`;
  assert.equal(readFast(Buffer.from(deep), deep), null);
  await assert.rejects(readInput(deep), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.equal(err.code, 'unreadable');
    assert.match(err.message, /nesting/);
    return true;
  });
});

test('100,000 sibling parts: the first MAX_PARTS are read, the rest skipped', () => {
  let many = 'From: a@example.com\nContent-Type: multipart/mixed; boundary=s\n\n';
  for (let i = 0; i < 100_000; i++)
    many += `--s\nContent-Type: message/delivery-status\n\nStatus: 5.1.${i}\n`;
  many += '--s--\n';
  const m = read(many);
  assert.equal(m.parts.length, MAX_PARTS - 1);
  assert.ok(m.deliveryStatus?.startsWith('Status: 5.1.0\n'));
});

test('100,000 header fields: the first MAX_FIELDS are kept and the body is still read', () => {
  let head = 'From: a@example.com\n';
  for (let i = 0; i < 100_000; i++) head += `X-Junk-${i}: value ${i}\n`;
  const m = read(`${head}\nthe body\n`);
  assert.equal(m.headers.length, MAX_FIELDS);
  assert.equal(m.headers[1].value, 'value 0');
  assert.equal(m.text, 'the body\n');
});

test('100,000 encoded words, parameters and unbalanced parentheses in one value', () => {
  const words = Array.from({ length: 100_000 }, () => '=?utf-8?q?a?=').join(' ');
  assert.equal(decodeEncodedWords(words), 'a'.repeat(100_000));
  const params = `text/plain${'; p=v'.repeat(100_000)}; charset=koi8-r`;
  assert.equal(parseStructured(params).params.charset, 'koi8-r');
  const parens = parseStructured(`text/plain; charset=utf-8 ${'('.repeat(100_000)}`);
  assert.equal(parens.value, 'text/plain');
  assert.equal(parens.params.charset, 'utf-8');
});

test('junk base64 and a part without headers or body end are read without error', () => {
  const junk = read(
    `From: a@example.com\nContent-Transfer-Encoding: base64\n\n${'*%$'.repeat(1_000_000)}aGk=\n`,
  );
  assert.equal(junk.text, 'hi');
  const cut = read(
    'From: a@example.com\nContent-Type: multipart/mixed; boundary=c\n\n--c\nContent-Type: text/plain',
  );
  // Nothing readable came out of the MIME structure, so the body is kept as text (as postal.ts does).
  assert.equal(cut.text, '--c\nContent-Type: text/plain');
});
