import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imailserver } from '../../../src/extract/formats/imailserver.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

const headers = [
  { name: 'x-mailer', value: '<SMTP32 v8.15>' },
  { name: 'subject', value: 'Undeliverable Mail' },
];

test('imailserver: fixed reason lines and a quoted server response', () => {
  const msg = mail({
    headers,
    text: [
      'Unknown user: ray@example.org',
      'User mailbox exceeds allowed size: sam@example.org',
      '',
      'undeliverable to tom@example.com',
      '',
      'Body of message generated response:',
      '554-Message refused',
      '554 5.7.1 Spam content',
      '',
      'Original message follows.',
      'Subject: x',
    ].join('\n'),
  });
  assert.equal(imailserver.hint(msg), true);
  const ex = imailserver.extract(msg);
  assert.ok(ex);
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.reasonHint, r.replyCode, r.status]),
    [
      ['ray@example.org', 'userunknown', undefined, undefined],
      ['sam@example.org', 'mailboxfull', undefined, undefined],
      ['tom@example.com', undefined, '554', '5.7.1'],
    ],
  );
  assert.equal(
    imailserver.extract(mail({ text: 'Unknown user: ray@example.org' })),
    null,
    'needs the IMail X-Mailer',
  );
});

test('imailserver: corpus samples', async () => {
  const c = await checkCorpus(imailserver, ['IMailServer']);
  assert.ok(c.samples >= 4);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
