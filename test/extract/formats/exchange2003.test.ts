import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exchange2003 } from '../../../src/extract/formats/exchange2003.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

test('exchange2003: recipients "on <date>" with their reason lines', () => {
  const msg = mail({
    headers: [
      { name: 'x-mailer', value: 'Internet Mail Service (5.5.2653.19)' },
      { name: 'subject', value: 'Undeliverable: report' },
    ],
    text: [
      'Your message',
      '',
      '  To:      pat@example.org; quinn@example.org',
      '  Subject: report',
      '',
      'did not reach the following recipient(s):',
      '',
      'pat@example.org on Mon, 3 Mar 2003 10:00:00 +0100',
      '    The recipient name is not recognized',
      '    MSEXCH:IMS:ORG:SITE:SRV1 0 (000C05A6) Unknown Recipient',
      'quinn@example.org on Mon, 3 Mar 2003 10:00:00 +0100',
      '    The message could not be delivered because the recipient mailbox is full',
      '',
    ].join('\n'),
  });
  assert.equal(exchange2003.hint(msg), true);
  const ex = exchange2003.extract(msg);
  assert.ok(ex);
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.diagnosticCode]),
    [
      [
        'pat@example.org',
        'The recipient name is not recognized MSEXCH:IMS:ORG:SITE:SRV1 0 (000C05A6) Unknown Recipient',
      ],
      ['quinn@example.org', 'The message could not be delivered because the recipient mailbox is full'],
    ],
  );
  assert.equal(exchange2003.extract(mail({ text: 'Your message was read.' })), null);
});

test('exchange2003: corpus samples', async () => {
  const c = await checkCorpus(exchange2003, ['Exchange2003']);
  assert.ok(c.samples >= 4);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
