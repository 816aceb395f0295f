import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract } from '../../src/extract/index.js';
import type { Extraction, FormatExtractor } from '../../src/types.js';
import { mail } from './helpers.js';

const found = (format: string): Extraction => ({
  kind: 'bounce',
  format,
  recipients: [{ recipient: 'a@example.com' }],
});

test('a hinted format is tried before the others; a throwing one is skipped', () => {
  const calls: string[] = [];
  const record = (name: string) => {
    calls.push(name);
    return found(name);
  };
  const formats: FormatExtractor[] = [
    {
      name: 'broken',
      hint: () => true,
      extract: () => {
        throw new Error('bug');
      },
    },
    { name: 'other', hint: () => false, extract: () => record('other') },
    { name: 'mine', hint: () => true, extract: () => record('mine') },
  ];
  assert.equal(extract(mail({}), formats).format, 'mine');
  assert.deepEqual(calls, ['mine']);
});

test('formats returning null or no recipients fall through to RFC 3464', () => {
  const formats: FormatExtractor[] = [
    { name: 'none', hint: () => true, extract: () => null },
    { name: 'empty', hint: () => true, extract: () => ({ kind: 'bounce', format: 'empty', recipients: [] }) },
  ];
  const ex = extract(
    mail({ deliveryStatus: 'Final-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1' }),
    formats,
  );
  assert.equal(ex.format, 'rfc3464');
});

test('an ordinary message is not a bounce', () => {
  const ex = extract(mail({ headers: [{ name: 'subject', value: 'Lunch?' }], text: 'See you at noon.' }), []);
  assert.deepEqual(ex, { kind: 'not-bounce', format: 'none', recipients: [] });
});
