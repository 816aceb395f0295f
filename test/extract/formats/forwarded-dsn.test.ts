import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain } from '../../../src/explain.js';
import { forwardedDsn } from '../../../src/extract/formats/forwarded-dsn.js';
import { mail } from '../helpers.js';

test('forwarded-dsn: a bounce forwarded with "> " quoting', () => {
  const msg = mail({
    headers: [{ name: 'subject', value: 'Fwd: Returned mail: see transcript for details' }],
    text: [
      'Can you look at this?',
      '',
      'Begin forwarded message:',
      '',
      '> Reporting-MTA: dns; mx.example.jp',
      '>',
      '> Final-Recipient: RFC822; ned@example.org',
      '> Action: failed',
      '> Status: 5.2.2',
      '> Diagnostic-Code: SMTP; 552 5.2.2 Mailbox full',
    ].join('\n'),
  });
  assert.equal(forwardedDsn.hint(msg), true);
  const r = forwardedDsn.extract(msg)?.recipients[0];
  assert.equal(r?.recipient, 'ned@example.org');
  assert.equal(r?.status, '5.2.2');
  assert.equal(
    forwardedDsn.extract({ ...msg, headers: [{ name: 'subject', value: 'Returned mail' }] }),
    null,
  );
});

/** A Postfix DSN for jane.doe@example.com that returns the headers of "Your order 10422 has shipped". */
const BOUNCE = [
  'Return-Path: <>',
  'From: MAILER-DAEMON@mx1.shop.example (Mail Delivery System)',
  'Subject: Undelivered Mail Returned to Sender',
  'To: orders@shop.example',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
  '',
  '--B',
  'Content-Type: text/plain',
  '',
  '<jane.doe@example.com>: host mx.example.com[192.0.2.25] said: 550 5.1.1 User unknown',
  '',
  '--B',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx1.shop.example',
  '',
  'Final-Recipient: rfc822; jane.doe@example.com',
  'Action: failed',
  'Status: 5.1.1',
  'Diagnostic-Code: smtp; 550 5.1.1 <jane.doe@example.com>: User unknown',
  '',
  '--B',
  'Content-Type: text/rfc822-headers',
  '',
  'From: Example Shop <orders@shop.example>',
  'To: jane.doe@example.com',
  'Subject: Your order 10422 has shipped',
  'Message-ID: <order-10422@shop.example>',
  '',
  '--B--',
  '',
].join('\n');

/** A person's forward of `inner` as a message/rfc822 attachment. */
function forwardAttached(inner: string, boundary: string): string {
  return [
    'From: Helpdesk User <user@shop.example>',
    'To: support@shop.example',
    'Subject: Fwd: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain',
    '',
    'Why did this bounce? See attached.',
    '',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    'Content-Disposition: attachment; filename="bounce.eml"',
    '',
    inner,
    `--${boundary}--`,
    '',
  ].join('\n');
}

test('forwarded-dsn: a bounce forwarded as an attachment is read as the bounce, its original the returned message', async () => {
  for (const input of [forwardAttached(BOUNCE, 'F1'), forwardAttached(forwardAttached(BOUNCE, 'F1'), 'F2')]) {
    const report = await explain(input);
    assert.equal(report.kind, 'bounce');
    assert.equal(report.format, 'forwarded-dsn');
    assert.deepEqual(
      report.results.map((r) => [r.recipient, r.status, r.reason]),
      [['jane.doe@example.com', '5.1.1', 'userunknown']],
    );
    // the message the bounce returns, not the bounce itself
    assert.equal(report.original?.subject, 'Your order 10422 has shipped');
    assert.equal(report.original?.from, 'Example Shop <orders@shop.example>');
  }
});

test('forwarded-dsn: a bounce forwarded inline under a forward separator', async () => {
  const report = await explain(
    [
      'From: Helpdesk User <user@shop.example>',
      'To: support@shop.example',
      'Subject: Fwd: Delivery Status Notification (Failure)',
      '',
      'Can you look at this?',
      '',
      '---------- Forwarded message ---------',
      'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      'Date: Wed, 5 Mar 2025 at 09:00',
      'Subject: Delivery Status Notification (Failure)',
      'To: <user@shop.example>',
      '',
      'Address not found',
      '',
      "Your message wasn't delivered to nobody@partner.example because the address couldn't be found, or is unable to receive mail.",
      '',
      'The response from the remote server was:',
      '550 5.1.1 The email account that you tried to reach does not exist. - gsmtp',
      '',
    ].join('\n'),
  );
  assert.equal(report.kind, 'bounce');
  assert.equal(report.format, 'forwarded-dsn');
  assert.deepEqual(
    report.results.map((r) => [r.recipient, r.status, r.replyCode, r.reason]),
    [['nobody@partner.example', '5.1.1', '550', 'userunknown']],
  );
});

test('forwarded-dsn: a forward of ordinary mail, and a bounce that returns a bounce, are not unwrapped', async () => {
  const ordinary = await explain(
    [
      'From: Jane <jane@shop.example>',
      'To: bob@shop.example',
      'Subject: Fwd: lunch',
      '',
      '---------- Forwarded message ---------',
      'From: Max <max@example.org>',
      'Subject: lunch',
      '',
      'Lunch at noon? The 550 5.1.1 thing is fixed.',
    ].join('\n'),
  );
  assert.equal(ordinary.kind, 'not-bounce');
  // a bounce whose returned message is itself a bounce: the outer bounce is the one explained
  const outer = BOUNCE.replace('jane.doe@example.com', 'MAILER-DAEMON@mail.shop.example')
    .replace(
      'Final-Recipient: rfc822; jane.doe@example.com',
      'Final-Recipient: rfc822; MAILER-DAEMON@mail.shop.example',
    )
    .replace('Content-Type: text/rfc822-headers', 'Content-Type: message/rfc822')
    .replace('From: Example Shop <orders@shop.example>', 'From: MAILER-DAEMON@mail.shop.example')
    .replace('To: jane.doe@example.com', 'To: someone@elsewhere.example');
  const report = await explain(outer);
  assert.equal(report.format, 'rfc3464');
  assert.equal(report.results[0].recipient, 'MAILER-DAEMON@mail.shop.example');
});
