// authorDomain() finds addresses from their "@" instead of an unanchored local-part regex (which
// restarts at every character of a long run). The property pins the old behaviour: both find the
// same domains on arbitrary From-like text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { authorDomain } from '../../../src/auth/dmarc/author.js';

// the former definition, kept here only as the reference for the property below
const OLD_ADDRESS =
  /[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)/g;

function oldAuthorDomain(text: string): string {
  const domains = new Set([...text.matchAll(OLD_ADDRESS)].map((m) => m[1].toLowerCase()));
  return domains.size === 1 ? [...domains][0] : '';
}

test('finds the same author domain as a global local@domain regex', () => {
  const piece = fc.constantFrom('a', 'B', '0', '-', '.', '@', ' ', ',', '<', '>', '+', 'x.y', '@a.b');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assert.equal(authorDomain(text), oldAuthorDomain(text));
    }),
    { numRuns: 3000 },
  );
});

test('known cases', () => {
  assert.equal(authorDomain('Shop <billing@Shop.Example>'), 'shop.example');
  assert.equal(authorDomain('a@x.example, b@y.example'), '');
  assert.equal(authorDomain('"evil@other.example" <me@mine.example>'), 'mine.example');
  assert.equal(authorDomain('a@b@c.example'), 'b');
});

test('hostile From values give a bounded result', () => {
  assert.equal(authorDomain('a-'.repeat(100_000)), '');
  assert.equal(authorDomain(`${'a'.repeat(100_000)}@`), '');
  assert.equal(authorDomain(`${'@a'.repeat(50_000)}`), 'a');
});
