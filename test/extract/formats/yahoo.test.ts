import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yahoo } from '../../../src/extract/formats/yahoo.js';
import { checkCorpusModule, message } from './provider-corpus.js';

const NOTICE = `From: MAILER-DAEMON@yahoo.com
To: sender@yahoo.com
Subject: Failure Notice

Sorry, we were unable to deliver your message to the following address.

<full@example.org>:
Remote host said: 552 5.2.2 <full@example.org>: mailbox over quota [RCPT_TO]

<gone@example.org>:
550: 5.1.1 <gone@example.org>... no such user

<spam@example.org>:
Remote host said: 554 5.7.1 Message rejected as spam [BODY]

<late@example.org>:
Unable to deliver message after multiple retries, giving up.

--- Below this line is a copy of the message.

From: sender@yahoo.com
To: full@example.org
Subject: invoice

text
`;

test('yahoo: one block per address, the reply, the bracketed SMTP stage', async () => {
  const ex = yahoo.extract(await message(NOTICE));
  assert.ok(ex);
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.replyCode, r.status, r.smtpCommand]),
    [
      ['full@example.org', '552', '5.2.2', 'RCPT'],
      ['gone@example.org', '550', '5.1.1', undefined],
      ['spam@example.org', '554', '5.7.1', 'DATA'],
      ['late@example.org', undefined, undefined, undefined],
    ],
  );
  assert.equal(ex.recipients[0].diagnosticCode, '552 5.2.2 <full@example.org>: mailbox over quota');
  assert.equal(ex.recipients[1].diagnosticCode, '550 5.1.1 <gone@example.org>... no such user');
  assert.equal(
    ex.recipients[3].diagnosticCode,
    'Unable to deliver message after multiple retries, giving up.',
  );
  assert.equal(ex.original?.subject, 'invoice');
});

test('yahoo: a failure notice of another layout is not read', async () => {
  assert.equal(yahoo.extract(await message(NOTICE.replace('Sorry, we were unable', 'We could not'))), null);
});

test('yahoo: the corpus samples', async () => {
  assert.equal(await checkCorpusModule('Yahoo', ['yahoo']), 10);
});
