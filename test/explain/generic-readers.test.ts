// End to end (read -> extract -> classify) for the generic readers: a Microsoft JMRP complaint,
// a mailer-daemon notice in prose, and a DSN whose reply code disagrees with its Status.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain } from '../../src/index.js';

test('a JMRP complaint (no feedback-report part) is feedback about the named recipient', async () => {
  const report = await explain(
    [
      'From: staff@mail.example',
      'To: abuse@sender.example',
      'Subject: complaint about message from 192.0.2.9',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="j"',
      '',
      '--j',
      'Content-Type: message/rfc822',
      '',
      'X-HmXmrOriginalRecipient: reader@example.com',
      'From: News <news@sender.example>',
      'To: reader@example.com',
      'Subject: Offers',
      '',
      'buy now',
      '--j--',
      '',
    ].join('\n'),
  );
  assert.equal(report.kind, 'feedback');
  assert.equal(report.results[0].recipient, 'reader@example.com');
  assert.equal(report.results[0].reason, 'feedback');
});

test('a prose notice from a mailer daemon is a bounce for the address its sentence names', async () => {
  const report = await explain(
    [
      'From: MAILER-DAEMON@mx.example.com',
      'To: sender@example.org',
      'Subject: Returned mail: see below',
      '',
      "User's mailbox is full: <full@example.jp>",
      'Unable to deliver mail.',
      '',
    ].join('\n'),
  );
  assert.equal(report.kind, 'bounce');
  assert.equal(report.format, 'plain-notice');
  assert.deepEqual(
    report.results.map((r) => r.recipient),
    ['full@example.jp'],
  );
});

test('a 5xx reply reported under a 4.x.x Status keeps the Status and no reply code', async () => {
  const report = await explain(
    [
      'From: MAILER-DAEMON@mx.example.net',
      'Subject: Delivery Status Notification',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.net',
      '',
      'Final-Recipient: rfc822; one@example.com',
      'Action: failed',
      'Status: 4.0.0',
      'Diagnostic-Code: smtp; 550 client host blocked for spamming issues',
      '--b--',
      '',
    ].join('\n'),
  );
  assert.equal(report.results[0].status, '4.0.0');
  assert.equal(report.results[0].replyCode, '');
});
