// Property tests for the fast reader: it never throws on junk, and on generated MIME messages
// (nested multiparts, report parts, returned messages; base64, quoted-printable and 8bit bodies
// in several charsets) it reads what the postal-mime adapter reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bytesToText } from '../../src/read/bytes.js';
import { decodeBinary, decodeBody } from '../../src/read/fast/charset.js';
import { readFast } from '../../src/read/fast/index.js';
import { startsAt } from '../../src/read/fast/tree.js';
import { postalReader } from '../../src/read/postal.js';

test('junk bytes and junk MIME text never make the fast reader throw', () => {
  const mimeish = fc.array(
    fc.constantFrom(
      '--b',
      '--b--',
      '\n',
      '\r\n',
      'Content-Type: multipart/mixed; boundary=b',
      ': ',
      '=?',
      '?=',
      '=',
      ' ',
      'x',
      '\t',
    ),
    { maxLength: 60 },
  );
  fc.assert(
    fc.property(
      fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        mimeish.map((a) => Buffer.from(a.join(''))),
      ),
      (bytes) => {
        const m = readFast(bytes, bytesToText(bytes));
        if (m) assert.equal(typeof m.text, 'string');
      },
    ),
    { numRuns: 500 },
  );
});

// A part of a generated message: its text, charset and transfer encoding.
interface Leaf {
  kind: 'leaf';
  type: 'text/plain' | 'message/delivery-status' | 'message/rfc822' | 'text/rfc822-headers';
  text: string;
  charset: 'utf-8' | 'iso-8859-1' | 'koi8-r';
  encoding: '7bit' | '8bit' | 'base64' | 'quoted-printable';
}
interface Multi {
  kind: 'multi';
  subtype: 'mixed' | 'report' | 'alternative';
  parts: Node[];
}
type Node = Leaf | Multi;

const ENCODERS: Record<Leaf['charset'], (s: string) => Buffer> = {
  'utf-8': (s) => Buffer.from(s, 'utf8'),
  'iso-8859-1': (s) => Buffer.from(s, 'latin1'),
  // koi8-r for the Cyrillic letters used below, ASCII as it is
  'koi8-r': (s) => Buffer.from([...s].map((c) => KOI8[c] ?? c.charCodeAt(0))),
};
const KOI8: Record<string, number> = { П: 0xf0, р: 0xd2, и: 0xc9, в: 0xd7, е: 0xc5, т: 0xd4 };

function qp(bytes: Buffer): string {
  let out = '';
  let col = 0;
  for (const b of bytes) {
    const piece =
      b === 10
        ? '\n'
        : b >= 33 && b <= 126 && b !== 61
          ? String.fromCharCode(b)
          : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (piece === '\n') col = 0;
    else if (col + piece.length > 72) {
      out += '=\n';
      col = 0;
    }
    out += piece;
    if (piece !== '\n') col += piece.length;
  }
  return out;
}

let counter = 0;
function render(node: Node): Buffer {
  if (node.kind === 'leaf') {
    const bytes = ENCODERS[node.charset](node.text);
    const body =
      node.encoding === 'base64'
        ? Buffer.from(`${bytes.toString('base64').replace(/.{1,76}/g, '$&\n')}`)
        : node.encoding === 'quoted-printable'
          ? Buffer.from(`${qp(bytes)}\n`)
          : Buffer.concat([bytes, Buffer.from('\n')]);
    const head = `Content-Type: ${node.type}; charset=${node.charset}\nContent-Transfer-Encoding: ${node.encoding}\n\n`;
    return Buffer.concat([Buffer.from(head), body]);
  }
  const boundary = `=_b${counter++}`;
  const pieces: Buffer[] = [
    Buffer.from(`Content-Type: multipart/${node.subtype}; boundary="${boundary}"\n\n`),
  ];
  for (const p of node.parts) pieces.push(Buffer.from(`--${boundary}\n`), render(p));
  pieces.push(Buffer.from(`--${boundary}--\n`));
  return Buffer.concat(pieces);
}

const words = fc.constantFrom(
  'Delivery',
  'failed',
  'Status: 5.1.1',
  'Привет',
  'café',
  '=',
  'a=b',
  'line\nbreak',
  ' ',
  'x'.repeat(90),
);
const leaf: fc.Arbitrary<Leaf> = fc.record({
  kind: fc.constant('leaf' as const),
  type: fc.constantFrom('text/plain', 'message/delivery-status', 'message/rfc822', 'text/rfc822-headers'),
  text: fc.array(words, { minLength: 1, maxLength: 8 }).map((a) => a.join(' ')),
  charset: fc.constantFrom('utf-8', 'iso-8859-1', 'koi8-r'),
  encoding: fc.constantFrom('7bit', '8bit', 'base64', 'quoted-printable'),
});
const tree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({
      kind: fc.constant('multi' as const),
      subtype: fc.constantFrom('mixed', 'report', 'alternative'),
      parts: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
    }),
  ),
})).node;

/**
 * Text only in characters its charset can carry, so each leaf encodes exactly. A text/rfc822-headers
 * part in a non-UTF-8 charset is left out: the fast reader honours its charset where the postal
 * adapter reads the bytes as UTF-8/latin1 (a known, intended difference; see fast.test.ts).
 */
function encodable(node: Node): boolean {
  if (node.kind === 'multi') return node.parts.every(encodable);
  if (node.type === 'text/rfc822-headers' && node.charset !== 'utf-8') return false;
  if (node.charset === 'iso-8859-1') return !/[^\x00-\xff]/.test(node.text);
  if (node.charset === 'koi8-r') return [...node.text].every((c) => c.charCodeAt(0) < 128 || c in KOI8);
  return true;
}

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

test('generated MIME messages: the fast reader reads what postal-mime reads', async () => {
  await fc.assert(
    fc.asyncProperty(tree, async (node) => {
      fc.pre(encodable(node));
      const bytes = Buffer.concat([
        Buffer.from('From: a@example.com\nSubject: test\nMIME-Version: 1.0\n'),
        render(node),
      ]);
      const raw = bytesToText(bytes);
      const fast = readFast(bytes, raw);
      assert.ok(fast);
      const postal = await postalReader.read(bytes, raw);
      assert.equal(norm(fast.deliveryStatus), norm(postal.deliveryStatus), 'deliveryStatus');
      assert.equal(norm(fast.originalMessage), norm(postal.originalMessage), 'originalMessage');
      assert.equal(norm(fast.text), norm(postal.text), 'text');
      assert.deepEqual(
        fast.parts.map((p) => p.contentType),
        postal.parts.map((p) => p.contentType),
      );
    }),
    { numRuns: 300 },
  );
});

test('decodeBody (ASCII told natively for long bodies) decodes binary strings as decodeBinary does', () => {
  // mostly ASCII bytes, so that both the ASCII answer and the decoding paths are taken
  const byte = fc.oneof(
    { weight: 20, arbitrary: fc.integer({ min: 0, max: 127 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
  );
  const body = fc.oneof(
    fc.uint8Array({ maxLength: 50 }),
    fc.array(byte, { minLength: 1000, maxLength: 3000 }).map((a) => Uint8Array.from(a)),
  );
  const charset = fc.constantFrom(
    undefined,
    'utf-8',
    'us-ascii',
    'iso-8859-1',
    'koi8-r',
    'iso-2022-jp',
    'utf-16le',
    'bogus',
  );
  fc.assert(
    fc.property(body, charset, (bytes, cs) => {
      const bin = Buffer.from(bytes).toString('latin1');
      assert.equal(decodeBody(bin, cs, false), decodeBinary(bin, cs, false));
    }),
    { numRuns: 500 },
  );
});

test('startsAt (first character, then a native slice comparison) is startsWith for delimiters', () => {
  const chars = fc.constantFrom('-', '-', 'b', 'B', '=', '_', '1', ' ', '\n', '\r', 'é');
  const word = (min: number) => fc.array(chars, { minLength: min, maxLength: 8 }).map((a) => a.join(''));
  // a text around the delimiter, a near miss of it (a character changed or cut off) or junk
  const line = fc
    .tuple(word(1), word(0), word(0), fc.nat(2), fc.nat(8))
    .map(([tail, before, after, kind, cut]) => {
      const d = `--${tail}`;
      const near =
        kind === 0
          ? d
          : kind === 1
            ? d.slice(0, Math.max(2, d.length - 1 - (cut % 2)))
            : `${d.slice(0, -1)}x`;
      return { d, s: `${before}${near}${after}`, start: before.length };
    });
  fc.assert(
    fc.property(line, fc.integer({ min: -1, max: 1 }), ({ d, s, start }, shift) => {
      // (the parser asks at line starts: never before the text)
      const at = Math.max(0, start + shift);
      assert.equal(startsAt(s, d, at), s.startsWith(d, at));
    }),
    { numRuns: 3000 },
  );
});
