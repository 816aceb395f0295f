import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amazonses } from '../../../src/extract/formats/amazonses.js';
import { checkCorpusModule, message } from './provider-corpus.js';

const NOTIFICATION = {
  notificationType: 'Bounce',
  bounce: {
    bounceType: 'Permanent',
    bounceSubType: 'General',
    bouncedRecipients: [
      {
        emailAddress: 'nobody@example.org',
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 no such user',
      },
    ],
    reportingMTA: 'dsn; a1-2.smtp-out.eu-west-1.amazonses.com',
  },
  mail: { commonHeaders: { from: ['app@example.net'], to: ['nobody@example.org'], subject: 'welcome' } },
};

// SNS's e-mail delivery, with the long JSON line split by a relay ("!" + newline + space).
const json = JSON.stringify(NOTIFICATION);
const split = `${json.slice(0, 120)}!\n ${json.slice(120)}`;
const BY_MAIL = `From: AWS Notifications <no-reply@sns.amazonaws.com>
To: ops@example.net
Subject: AWS Notification Message
Content-Type: text/plain; charset=UTF-8

${split}

--
If you wish to stop receiving notifications from this topic, please click or visit the link below to unsubscribe:
https://sns.eu-west-1.amazonaws.com/unsubscribe.html
`;

const EXPIRED = `From: MAILER-DAEMON@eu-west-1.amazonses.com
To: app@example.net
Subject: Delivery Status Notification (Failure)
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="r"

--r
Content-Type: text/plain

An error occurred while trying to deliver the mail to the following recipients:
far@example.org
--r
Content-Type: message/delivery-status

Reporting-MTA: dsn; a1-2.smtp-out.eu-west-1.amazonses.com

Action: failed
Final-Recipient: rfc822; far@example.org
Diagnostic-Code: smtp; 554 4.4.7 Message expired: unable to deliver in 840 minutes.<451 4.4.0 DNS lookup timed out>
Status: 4.4.7

--r--
`;

test('amazonses: an SNS notification by mail, split line mended', async () => {
  const ex = amazonses.extract(await message(BY_MAIL));
  assert.ok(ex);
  assert.equal(ex.format, 'amazonses');
  const r = ex.recipients[0];
  assert.equal(r.recipient, 'nobody@example.org');
  assert.equal(r.status, '5.1.1');
  assert.equal(r.replyCode, '550');
  assert.equal(r.diagnosticCode, '550 5.1.1 no such user');
  assert.equal(ex.original?.subject, 'welcome');
});

test('amazonses: an expiry takes the last reply in angle brackets as the cause', async () => {
  const ex = amazonses.extract(await message(EXPIRED));
  assert.ok(ex);
  const r = ex.recipients[0];
  assert.equal(r.replyCode, '451');
  assert.equal(r.status, '4.4.0');
  assert.match(r.diagnosticCode ?? '', /^451 4\.4\.0 DNS lookup timed out \(554 4\.4\.7 Message expired/);
});

test('amazonses and workmail: the corpus samples', async () => {
  assert.equal(await checkCorpusModule('AmazonSES', ['amazonses']), 15);
  assert.equal(await checkCorpusModule('AmazonWorkMail', ['amazonworkmail']), 5);
});

const TEXT_ONLY = `From: MAILER-DAEMON@email-bounces.amazonses.com
To: app@example.net
Subject: Delivery Status Notification (Failure)

The following message to <nobody@example.org> was undeliverable.
The reason for the problem:
5.1.0 - Unknown address error 550-'5.1.1 <nobody@example.org>: Recipient address rejected: User unknown'
`;

test('amazonses: the text-only notice, SES status first and the remote reply code', async () => {
  const ex = amazonses.extract(await message(TEXT_ONLY));
  assert.ok(ex);
  const r = ex.recipients[0];
  assert.equal(r.recipient, 'nobody@example.org');
  assert.equal(r.status, '5.1.0');
  assert.equal(r.replyCode, '550');
  assert.match(r.diagnosticCode ?? '', /^5\.1\.0 - Unknown address error 550-'5\.1\.1/);
});
