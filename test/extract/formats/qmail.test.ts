import assert from 'node:assert/strict';
import { test } from 'node:test';
import { qmail } from '../../../src/extract/formats/qmail.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

test('qmail: several recipients, stages, qmail status codes', () => {
  const msg = mail({
    headers: [
      { name: 'from', value: 'MAILER-DAEMON@mail.example.net' },
      { name: 'subject', value: 'failure notice' },
    ],
    text: [
      'Hi. This is the qmail-send program at mail.example.net.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "This is a permanent error; I've given up. Sorry it didn't work out.",
      '',
      '<gina@example.org>:',
      '198.51.100.3 does not like recipient.',
      'Remote host said: 550 5.1.1 <gina@example.org>: Recipient address rejected',
      'Giving up on 198.51.100.3.',
      '',
      '<hank@example.com>:',
      'Sorry, no mailbox here by that name. (#5.1.1)',
      '',
      '<ivy@example.net>:',
      'Connected to 203.0.113.5 but sender was rejected.',
      'Remote host said: 553 sorry, your envelope sender is in my badmailfrom list',
      '',
      '--- Below this line is a copy of the message.',
      '',
      'Subject: x',
    ].join('\n'),
  });
  assert.equal(qmail.hint(msg), true);
  const ex = qmail.extract(msg);
  assert.ok(ex);
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.replyCode, r.status, r.smtpCommand, r.remoteMta]),
    [
      ['gina@example.org', '550', '5.1.1', 'RCPT', '198.51.100.3'],
      ['hank@example.com', undefined, '5.1.1', undefined, undefined],
      ['ivy@example.net', '553', undefined, 'MAIL', '203.0.113.5'],
    ],
  );
  assert.equal(ex.recipients[1].diagnosticCode, 'Sorry, no mailbox here by that name. (#5.1.1)');
  assert.equal(ex.reportingMta, 'mail.example.net');
});

test('qmail: no qmail opening -> null', () => {
  assert.equal(qmail.extract(mail({ text: '<a@example.org>:\nsomething\n' })), null);
});

test('qmail: corpus samples (qmail and the notices that keep its layout)', async () => {
  const c = await checkCorpus(qmail, ['qmail', 'X2', 'X4']);
  assert.ok(c.samples >= 24);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
