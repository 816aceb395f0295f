import assert from 'node:assert/strict';
import { test } from 'node:test';
import { einsUndEins } from '../../../src/extract/formats/einsundeins.js';
import { gmx } from '../../../src/extract/formats/gmx.js';
import { checkCorpusModule, message } from './provider-corpus.js';

const GMX = `From: MAILER-DAEMON@mail.gmx.net
To: sender@gmx.net
Subject: Mail delivery failed: returning message to sender

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of
its recipients. This is a permanent error. The following address
failed:

"nobody@example.org":
SMTP error from remote server after RCPT command:
host: mx.example.org
550 5.1.1 <nobody@example.org>: user unknown

<slow@example.org>
Reason:
delivery retry timeout exceeded

--- The header of the original message is following. ---

From: sender@gmx.net
To: nobody@example.org
Subject: hello
`;

const IONOS = `From: "Mail Delivery System" <mailer-daemon@kundenserver.de>
Subject: Mail delivery failed: returning message to sender

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of
its recipients. This is a permanent error.

The following address failed:

big@example.org

For the following reason:

Mail size limit exceeded. For explanation visit
https://www.ionos.com/help

--- The header of the original message is following. ---

From: sender@example.net
Subject: photos
`;

test('gmx: quoted and angled addresses, host, stage, reply or reason', async () => {
  const ex = gmx.extract(await message(GMX));
  assert.ok(ex);
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.remoteMta, r.smtpCommand, r.replyCode, r.status]),
    [
      ['nobody@example.org', 'mx.example.org', 'RCPT', '550', '5.1.1'],
      ['slow@example.org', undefined, undefined, undefined, undefined],
    ],
  );
  assert.equal(ex.recipients[1].diagnosticCode, 'delivery retry timeout exceeded');
  assert.equal(ex.original?.subject, 'hello');
});

test('1&1: the same layout with "For the following reason:"', async () => {
  const ex = einsUndEins.extract(await message(IONOS));
  assert.ok(ex);
  assert.equal(ex.format, 'einsundeins');
  assert.equal(ex.recipients[0].recipient, 'big@example.org');
  assert.equal(
    ex.recipients[0].diagnosticCode,
    'Mail size limit exceeded. For explanation visit https://www.ionos.com/help',
  );
});

test('gmx and 1&1: the corpus samples', async () => {
  assert.equal(await checkCorpusModule('GMX', ['gmx']), 3);
  await checkCorpusModule('EinsUndEins', ['einsundeins']);
});
