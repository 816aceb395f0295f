import assert from 'node:assert/strict';
import { test } from 'node:test';
import { opensmtpd } from '../../../src/extract/formats/opensmtpd.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

const notice = (intro: string, lines: string[]) =>
  mail({
    headers: [{ name: 'subject', value: 'Delivery status notification: error' }],
    text: [
      '    Hi!',
      '',
      '    This is the MAILER-DAEMON, please DO NOT REPLY to this email.',
      '',
      intro,
      '    list of recipients:',
      '',
      ...lines,
      '',
      '    Below is a copy of the original message:',
      '',
      'Subject: hello',
    ].join('\n'),
  });

test('opensmtpd: one line per recipient', () => {
  const msg = notice(
    '    An error has occurred while attempting to deliver a message for\n    the following',
    [
      'jo@example.org: 550 5.1.1 <jo@example.org>: Recipient address rejected: User unknown',
      'kim@example.com: Domain does not exist',
    ],
  );
  assert.equal(opensmtpd.hint(msg), true);
  const ex = opensmtpd.extract(msg);
  assert.ok(ex);
  assert.equal(ex.kind, 'bounce');
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.replyCode, r.status, r.diagnosticCode]),
    [
      [
        'jo@example.org',
        '550',
        '5.1.1',
        '550 5.1.1 <jo@example.org>: Recipient address rejected: User unknown',
      ],
      ['kim@example.com', undefined, undefined, 'Domain does not exist'],
    ],
  );
});

test('opensmtpd: the delay warning lists delayed recipients', () => {
  const msg = notice('    A message is delayed for more than 4 hours for the following', [
    'lee@example.net: Network error on destination MXs',
  ]);
  const ex = opensmtpd.extract(msg);
  assert.ok(ex);
  assert.equal(ex.kind, 'delay');
  assert.equal(ex.recipients[0].action, 'delayed');
});

test('opensmtpd: corpus samples', async () => {
  const c = await checkCorpus(opensmtpd, ['OpenSMTPD']);
  assert.ok(c.samples >= 10);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
