import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zoho } from '../../../src/extract/formats/zoho.js';
import { checkCorpusModule, message } from './provider-corpus.js';

const FAILURE = `From: mailer-daemon@mail.zoho.com
Subject: Undelivered Mail Returned to Sender
X-Mailer: Zoho Mail

This message was created automatically by mail delivery software.
A message that you sent could not be delivered to one or more of its recipients. This is a permanent error.

gone@example.org Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <gone@example.org>: no such mailbox
full@example.org Error, ERROR_CODE :552, ERROR_CODE :5.2.2 mailbox full
Received:from mail.zoho.com by mx.zohomail.com
Message-ID:<1@zoho.example>
From:Sender <sender@zoho.example>
Subject:status
`;

const DELAY = `From: mailer-daemon@mail.zoho.com
Subject: Mail Delivery Status Notification (Delay)
X-Mailer: Zoho Mail

This message was created automatically by mail delivery system.

THIS IS A WARNING MESSAGE ONLY.

YOU DO NOT NEED TO RESEND YOUR MESSAGE.

----- The following addresses had fatal errors -----
[Status: Error, Address: <slow@example.org>, ResponseCode 421, , Host not reachable.]

Message will be retried for 3 more day(s)
`;

test('zoho: one line per recipient with reply code and text; the pasted original', async () => {
  const ex = zoho.extract(await message(FAILURE));
  assert.ok(ex);
  assert.equal(ex.kind, 'bounce');
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.replyCode, r.status, r.diagnosticCode]),
    [
      ['gone@example.org', '550', '5.1.1', '550 5.1.1 <gone@example.org>: no such mailbox'],
      ['full@example.org', '552', '5.2.2', '552 5.2.2 mailbox full'],
    ],
  );
  assert.equal(ex.original?.subject, 'status');
});

test('zoho: a delay warning is kind delay', async () => {
  const ex = zoho.extract(await message(DELAY));
  assert.ok(ex);
  assert.equal(ex.kind, 'delay');
  assert.equal(ex.recipients[0].recipient, 'slow@example.org');
  assert.equal(ex.recipients[0].replyCode, '421');
  assert.equal(ex.recipients[0].diagnosticCode, '421 Host not reachable.');
});

test('zoho: the corpus samples', async () => {
  assert.equal(await checkCorpusModule('Zoho', ['zoho']), 4);
});
