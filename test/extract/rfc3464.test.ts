import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractRfc3464, parseDeliveryStatus } from '../../src/extract/rfc3464.js';
import { mail } from './helpers.js';

const twoRecipients = [
  'Reporting-MTA: dns; mx1.example.net',
  'X-Postfix-Sender: rfc822; bounces@example.org',
  'Arrival-Date: Tue, 1 Dec 2026 10:00:00 +0000',
  '',
  'Final-Recipient: rfc822; first@example.com',
  'Original-Recipient: rfc822;First@Example.com',
  'Action: failed',
  'Status: 5.1.1',
  'Remote-MTA: dns; mx.example.com',
  'Diagnostic-Code: smtp; 550 5.1.1 <first@example.com>: Recipient address',
  '    rejected: User unknown in virtual mailbox table',
  'Last-Attempt-Date: Tue, 1 Dec 2026 10:00:01 +0000',
  '',
  'Final-Recipient: rfc822; <second@example.com>',
  'Action: delayed',
  'Status: 4.2.2',
  'Diagnostic-Code: X-Postfix; 452 4.2.2 Mailbox full',
  '',
].join('\n');

test('per-message and per-recipient fields are read field by field', () => {
  const ds = parseDeliveryStatus(twoRecipients);
  assert.equal(ds.message.reportingMta, 'mx1.example.net');
  assert.equal(ds.message.sender, 'bounces@example.org');
  assert.equal(ds.recipients.length, 2);
  const [a, b] = ds.recipients;
  assert.equal(a.recipient, 'first@example.com');
  assert.equal(a.originalRecipient, 'First@Example.com');
  assert.equal(a.action, 'failed');
  assert.equal(a.status, '5.1.1');
  assert.equal(a.remoteMta, 'mx.example.com');
  assert.equal(a.replyCode, '550');
  assert.equal(
    a.diagnosticCode,
    '550 5.1.1 <first@example.com>: Recipient address rejected: User unknown in virtual mailbox table',
  );
  assert.equal(a.lastAttemptDate, 'Tue, 1 Dec 2026 10:00:01 +0000');
  assert.equal(a.reportingMta, 'mx1.example.net');
  assert.equal(b.recipient, 'second@example.com');
  assert.equal(b.action, 'delayed');
  assert.equal(b.replyCode, '452');
  assert.equal(b.diagnosticCode, '452 4.2.2 Mailbox full');
});

test('groups written without empty lines are split at repeated fields', () => {
  const ds = parseDeliveryStatus(
    [
      'Final-Recipient: rfc822; a@example.com',
      'Action: failed',
      'Status: 5.1.1',
      'Original-Recipient: rfc822; b@example.com',
      'Final-Recipient: rfc822; b@example.com',
      'Action: failed',
      'Status: 5.2.2',
    ].join('\n'),
  );
  assert.deepEqual(
    ds.recipients.map((r) => [r.recipient, r.status]),
    [
      ['a@example.com', '5.1.1'],
      ['b@example.com', '5.2.2'],
    ],
  );
});

test('Action before Final-Recipient stays in one group', () => {
  const ds = parseDeliveryStatus(
    'Action: failed\nFinal-Recipient: rfc822; a@example.com\nOriginal-Recipient: rfc822; a@example.com\nStatus: 5.1.1\n',
  );
  assert.equal(ds.recipients.length, 1);
  assert.equal(ds.recipients[0].status, '5.1.1');
});

test('RFC 6533 utf-8 addresses with \\x{} escapes are decoded', () => {
  const ds = parseDeliveryStatus(
    'Final-Recipient: utf-8; j\\x{F6}rg@example.de\nAction: failed\nStatus: 5.1.1\n',
  );
  assert.equal(ds.recipients[0].recipient, 'jörg@example.de');
});

test('fields inline in a text body (among prose) are found', () => {
  const text = [
    'This is the mail system at host mx.example.net.',
    'I am sorry to have to inform you that your message could not be delivered.',
    '',
    'Final-Recipient: rfc822; c@example.com',
    'Action: failed',
    'Status: 5.7.1',
    'Diagnostic-Code: smtp; 554 5.7.1 Rejected by policy (in reply to RCPT TO command)',
  ].join('\n');
  const ex = extractRfc3464(
    mail({ text, parts: [{ contentType: 'text/plain', headers: [], content: text }] }),
  );
  assert.ok(ex);
  assert.equal(ex.recipients[0].recipient, 'c@example.com');
  assert.equal(ex.recipients[0].smtpCommand, 'RCPT');
});

test('a delay report has kind delay; the original message summary is read', () => {
  const ex = extractRfc3464(
    mail({
      deliveryStatus:
        'Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; d@example.com\nAction: delayed\nStatus: 4.4.1\n',
      originalMessage:
        'From: Shop <news@shop.example>\nTo: d@example.com\nSubject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\nMessage-ID: <m1@shop.example>\nDate: Tue, 1 Dec 2026 09:00:00 +0000\n\nbody',
    }),
  );
  assert.ok(ex);
  assert.equal(ex.kind, 'delay');
  assert.equal(ex.reportingMta, 'mx.example.net');
  assert.deepEqual(ex.original, {
    from: 'Shop <news@shop.example>',
    to: 'd@example.com',
    subject: 'Grüße',
    messageId: '<m1@shop.example>',
    date: 'Tue, 1 Dec 2026 09:00:00 +0000',
  });
  assert.match(ex.originalHeaders ?? '', /^From: Shop/);
  assert.doesNotMatch(ex.originalHeaders ?? '', /body/);
});

test('a message without delivery-status fields is not RFC 3464', () => {
  assert.equal(extractRfc3464(mail({ text: 'Hello, the status: all fine.' })), null);
});

test('a non-SMTP Diagnostic-Code is no reply code; the notice text supplies the reply', () => {
  const text =
    'The following addresses had permanent fatal errors\n<u@example.jp>\n\n554 5.3.0 unknown mailer error 255\n';
  const ex = extractRfc3464(
    mail({
      text,
      deliveryStatus:
        'Final-Recipient: RFC822; u@example.jp\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: X-Unix; 255\n',
    }),
  );
  assert.equal(ex?.recipients[0].replyCode, '554');
  assert.equal(ex?.recipients[0].diagnosticCode, '554 5.3.0 unknown mailer error 255');
});

test('an internal Final-Recipient (source route to a local host) gives way to Original-Recipient', () => {
  const ds = parseDeliveryStatus(
    'Original-recipient: rfc822;k@example.net\nFinal-recipient: rfc822;@smtp.example.net:k@server\nAction: failed\nStatus: 5.2.0\n',
  );
  assert.equal(ds.recipients[0].recipient, 'k@example.net');
});

test('a Final-Recipient without address takes the single To of the returned message', () => {
  const ex = extractRfc3464(
    mail({
      deliveryStatus: 'Final-Recipient: RFC822; @mx.example.org\nAction: failed\nStatus: 5.1.2\n',
      originalMessage: 'From: s@example.jp\nTo: k@example.org\nSubject: x\n\n',
    }),
  );
  assert.equal(ex?.recipients[0].recipient, 'k@example.org');
});

test('a generic Status gives way to the specific code the reply quotes, when the class agrees', () => {
  const ds = (status: string, diag: string) =>
    extractRfc3464(
      mail({
        deliveryStatus: `Final-Recipient: rfc822; u@example.com\nAction: failed\nStatus: ${status}\nDiagnostic-Code: smtp; ${diag}\n`,
      }),
    )?.recipients[0];
  assert.equal(ds('5.0.0', '550 5.1.1 <u@example.com>: user unknown')?.status, '5.1.1');
  assert.equal(ds('5.2.0', '550 5.1.1 user unknown')?.status, '5.2.0');
  // The reply disagrees in class with the reporting MTA's verdict: Status stays, the reply code goes.
  const transient = ds('4.0.0', '550 5.7.1 client host blocked');
  assert.equal(transient?.status, '4.0.0');
  assert.equal(transient?.replyCode, '');
  assert.equal(transient?.diagnosticCode, '550 5.7.1 client host blocked');
  // A number that SMTP does not define is no reply code.
  assert.equal(ds('5.0.0', '542 u@example.com Rejected')?.replyCode, '');
  assert.equal(ds('5.2.0', '522 5.2.0 Delivery failed: Over quota')?.replyCode, '');
  assert.equal(ds('5.1.1', '550 5.1.1 unknown')?.replyCode, '550');
  // A wrapper's code disagrees with Status; the remote reply it quotes agrees and is the one meant.
  assert.equal(
    ds(
      '4.4.7',
      '554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>',
    )?.replyCode,
    '421',
  );
});

test('a second report glued after the closing boundary (mailbox file) adds its recipients', () => {
  const report = (rcpt: string, b: string) =>
    [
      `--${b}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.net',
      '',
      `Final-Recipient: rfc822; ${rcpt}`,
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 unknown',
      '',
      `--${b}--`,
    ].join('\n');
  const raw = [
    'Content-Type: multipart/report; report-type=delivery-status; boundary="AA"',
    '',
    report('one@example.com', 'AA'),
    '',
    'From MAILER-DAEMON  Thu Apr 29 23:34:45 2015',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="BB"',
    '',
    report('two@example.com', 'BB'),
    '',
  ].join('\n');
  const ex = extractRfc3464(
    mail({
      headers: [
        { name: 'content-type', value: 'multipart/report; report-type=delivery-status; boundary="AA"' },
      ],
      deliveryStatus: 'Final-Recipient: rfc822; one@example.com\nAction: failed\nStatus: 5.1.1\n',
      raw,
    }),
  );
  assert.deepEqual(
    ex?.recipients.map((r) => [r.recipient, r.status]),
    [
      ['one@example.com', '5.1.1'],
      ['two@example.com', '5.1.1'],
    ],
  );
});

test('delivery-status fields are not RFC 2047-decoded (no encoded-words in an addr-spec)', () => {
  const ds = parseDeliveryStatus(
    'Final-Recipient: RFC822; =?utf-8?B?8J+QiPCfkIg=?=@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: SMTP; 550 5.1.1 <=?utf-8?B?8J+QiPCfkIg=?=@example.org>...\n    User unknown\n',
  );
  assert.equal(ds.recipients[0].recipient, '=?utf-8?B?8J+QiPCfkIg=?=@example.org');
  assert.equal(
    ds.recipients[0].diagnosticCode,
    '550 5.1.1 <=?utf-8?B?8J+QiPCfkIg=?=@example.org>... User unknown',
  );
});

test('without Diagnostic-Code or a quoted reply, the notice sentence about the recipient is the diagnostic', () => {
  const ex = extractRfc3464(
    mail({
      text: "** Address not found **\n\nYour message wasn't delivered to u@example.it because the address couldn't be found.\n",
      deliveryStatus: 'Final-Recipient: rfc822; u@example.it\nAction: failed\nStatus: 5.0.0\n',
    }),
  );
  assert.equal(
    ex?.recipients[0].diagnosticCode,
    "Your message wasn't delivered to u@example.it because the address couldn't be found.",
  );
});

test('a Diagnostic-Code with its own enhanced code that quotes the reply is kept over the notice line', () => {
  const ex = extractRfc3464(
    mail({
      text: "550-'Unknown user u@example.jp'\n",
      deliveryStatus:
        "Final-Recipient: rfc822; u@example.jp\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 5.3.0 - Other mail system problem 550-'Unknown user u@example.jp' (delivery attempts: 0)\n",
    }),
  );
  const r = ex?.recipients[0];
  assert.equal(r?.replyCode, '550');
  assert.equal(r?.status, '5.3.0');
  assert.match(r?.diagnosticCode ?? '', /^5\.3\.0 - Other mail system problem/);
});

test('a delivery-status part without recipient groups: the single To of the returned message', () => {
  const ds = 'Reporting-MTA: dns; mx.example.net\nArrival-Date: Mon, 16 Dec 2019 14:12:15 +0100\n';
  const ex = extractRfc3464(
    mail({
      deliveryStatus: ds,
      originalMessage: 'From: s@example.org\nTo: r@example.fr\nSubject: x\n\nbody',
    }),
  );
  assert.equal(ex?.kind, 'bounce');
  assert.deepEqual(
    ex?.recipients.map((r) => [r.recipient, r.status]),
    [['r@example.fr', undefined]],
  );
  assert.equal(ex?.reportingMta, 'mx.example.net');
  // Two addresses in To: no way to tell which one failed.
  const two = mail({ deliveryStatus: ds, originalMessage: 'To: a@example.fr, b@example.fr\n\nbody' });
  assert.equal(extractRfc3464(two), null);
});

test('thousands of recipients without diagnostics and a long notice: all read (linear work; see npm run bench for speed)', () => {
  const groups: string[] = [];
  for (let i = 0; i < 5000; i++)
    groups.push(`Final-Recipient: rfc822; u${i}@example.com\nAction: failed\nStatus: 5.0.0\n`);
  const text = 'x'.repeat(200).concat('\n').repeat(2000);
  const ex = extractRfc3464(mail({ text, deliveryStatus: groups.join('\n') }));
  assert.equal(ex?.recipients.length, 5000);
  assert.equal(ex?.recipients[4999].recipient, 'u4999@example.com');
});

test("Remote-MTA: the DNS name without its root dot or Gmail's comment after it", () => {
  const ds = parseDeliveryStatus(
    'Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; a@gmail.com\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; gmail-smtp-in.l.google.com. (2607:f8b0:4004:c1b::1a, the server for the domain gmail.com.)\n',
  );
  assert.equal(ds.recipients[0].remoteMta, 'gmail-smtp-in.l.google.com');
});
