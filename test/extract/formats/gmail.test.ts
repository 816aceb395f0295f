import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gmail } from '../../../src/extract/formats/gmail.js';
import { extract } from '../../../src/extract/index.js';
import { checkCorpusModule, message } from './provider-corpus.js';

const FAILURE = `From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
To: sender@example.net
Subject: Delivery Status Notification (Failure)
X-Failed-Recipients: first@example.org, second@example.org
Content-Type: text/plain; charset=UTF-8

Delivery to the following recipients failed permanently:

     first@example.org
     second@example.org

Technical details of permanent failure:
Google tried to deliver your message, but it was rejected by the server for the recipient domain example.org by mx1.example.org. [198.51.100.7].

The error that the other server returned was:
550 5.2.1 <first@example.org>: mailbox disabled
 for this recipient

----- Original message -----

From: Sender <sender@example.net>
To: first@example.org, second@example.org
Subject: quarterly figures
Message-ID: <abc@example.net>

body
`;

const DELAY = `From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
Subject: Delivery Status Notification (Delay)
Content-Type: text/plain; charset=UTF-8

This is an automatically generated Delivery Status Notification

THIS IS A WARNING MESSAGE ONLY.

Delivery to the following recipient has been delayed:

     slow@example.org

Message will be retried for 1 more day(s)

Technical details of temporary failure:
The error that the other server returned was: 451 451 4.3.0 Try again later

----- Original message -----

Subject: hello
`;

test('gmail: a permanent failure names every recipient with the quoted reply', async () => {
  const ex = gmail.extract(await message(FAILURE));
  assert.ok(ex);
  assert.equal(ex.kind, 'bounce');
  assert.deepEqual(
    ex.recipients.map((r) => r.recipient),
    ['first@example.org', 'second@example.org'],
  );
  const r = ex.recipients[0];
  assert.equal(r.replyCode, '550');
  assert.equal(r.status, '5.2.1');
  assert.equal(r.remoteMta, 'mx1.example.org');
  assert.equal(r.diagnosticCode, '550 5.2.1 <first@example.org>: mailbox disabled for this recipient');
  assert.equal(ex.original?.subject, 'quarterly figures');
  assert.match(ex.originalHeaders ?? '', /^From: Sender/);
});

test('gmail: a delay notice is kind delay; the repeated reply code is dropped', async () => {
  const ex = gmail.extract(await message(DELAY));
  assert.ok(ex);
  assert.equal(ex.kind, 'delay');
  assert.equal(ex.recipients[0].recipient, 'slow@example.org');
  assert.equal(ex.recipients[0].action, 'delayed');
  assert.equal(ex.recipients[0].diagnosticCode, '451 4.3.0 Try again later');
  assert.equal(ex.recipients[0].replyCode, '451');
});

test('gmail: not a Google notice gives null', async () => {
  const other = FAILURE.replace('mailer-daemon@googlemail.com', 'postmaster@example.net');
  assert.equal(gmail.extract(await message(other)), null);
  assert.equal(extract(await message(FAILURE)).format, 'gmail');
});

test('gmail: the corpus samples', async () => {
  assert.equal(await checkCorpusModule('Gmail', ['gmail']), 11);
  await checkCorpusModule('GoogleWorkspace', ['gmail']);
});

test("gmail: a reply quoted after Gmail's own label", async () => {
  const older = DELAY.replace(
    'The error that the other server returned was: 451 451 4.3.0 Try again later',
    'TEMP_FAILURE: SMTP Error (state 9): 451 4.3.0 Try again later',
  );
  const ex = gmail.extract(await message(older));
  assert.equal(ex?.recipients[0].replyCode, '451');
  assert.equal(ex?.recipients[0].diagnosticCode, '451 4.3.0 Try again later');
});
