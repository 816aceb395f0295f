import assert from 'node:assert/strict';
import { test } from 'node:test';
import { x1 } from '../../../src/extract/formats/x1.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

test('x1: "address [reason]" lines under the delivery-errors banner', () => {
  const msg = mail({
    headers: [
      { name: 'from', value: '"Mail Deliver System" <MAILER-DAEMON@relay.example.jp>' },
      { name: 'subject', value: 'Returned Mail: Mailbox full' },
    ],
    text: [
      'The original message was received at Mon, 1 Apr 2013 10:00:00 +0900 (JST)',
      'from sender@example.jp',
      '',
      '---The following addresses had delivery errors---',
      '',
      'yui@example.org [Mailbox full]',
      'zed@example.org [User unknown]',
      '',
    ].join('\n'),
  });
  assert.equal(x1.hint(msg), true);
  const ex = x1.extract(msg);
  assert.ok(ex);
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.diagnosticCode]),
    [
      ['yui@example.org', 'Mailbox full'],
      ['zed@example.org', 'User unknown'],
    ],
  );
});

test('x1: corpus samples (one with a broken MIME header: read from the raw body)', async () => {
  const c = await checkCorpus(x1, ['X1']);
  assert.ok(c.samples >= 2);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
