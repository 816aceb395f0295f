import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mailmarshal } from '../../../src/extract/formats/mailmarshal.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

test('mailmarshal: one reason, the affected recipients, the remote MTA', () => {
  const msg = mail({
    headers: [{ name: 'subject', value: 'Undeliverable Mail: "Budget"' }],
    text: [
      'Your message:',
      '   From:    me@example.jp',
      '   Subject: Budget',
      '',
      'Could not be delivered because of',
      '',
      '552 5.2.2 Mailbox full',
      '',
      'The following recipients were affected: ',
      '    dan@example.org',
      '    eve@example.org',
      '',
      'Additional Information',
      '======================',
      'Remote-MTA:         <192.0.2.9>',
    ].join('\n'),
  });
  assert.equal(mailmarshal.hint(msg), true);
  const ex = mailmarshal.extract(msg);
  assert.ok(ex);
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.replyCode, r.status, r.remoteMta]),
    [
      ['dan@example.org', '552', '5.2.2', '192.0.2.9'],
      ['eve@example.org', '552', '5.2.2', '192.0.2.9'],
    ],
  );
});

test('mailmarshal: corpus samples', async () => {
  const c = await checkCorpus(mailmarshal, ['MailMarshalSMTP']);
  assert.ok(c.samples >= 1);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
