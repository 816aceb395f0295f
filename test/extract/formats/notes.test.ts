import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notes } from '../../../src/extract/formats/notes.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

test('notes: reason lines, then the address', () => {
  const msg = mail({
    headers: [{ name: 'subject', value: 'Undeliverable message' }],
    text: [
      '------- Failure Reasons  --------',
      '',
      'User not listed in public Name & Address Book',
      'vic@example.org',
      'Mailbox is over quota',
      'wes@example.org',
      '',
      '------- Returned Message --------',
      'To: vic@example.org',
    ].join('\n'),
  });
  assert.equal(notes.hint(msg), true);
  const ex = notes.extract(msg);
  assert.ok(ex);
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.diagnosticCode]),
    [
      ['vic@example.org', 'User not listed in public Name & Address Book'],
      ['wes@example.org', 'Mailbox is over quota'],
    ],
  );
  assert.equal(notes.extract(mail({ text: 'vic@example.org' })), null);
});

test('notes: corpus samples', async () => {
  const c = await checkCorpus(notes, ['Notes']);
  assert.ok(c.samples >= 2);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
