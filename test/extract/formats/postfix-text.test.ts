import assert from 'node:assert/strict';
import { test } from 'node:test';
import { postfixText } from '../../../src/extract/formats/postfix-text.js';
import { mail } from '../helpers.js';

const headers = [
  { name: 'from', value: 'MAILER-DAEMON@mx.example.jp (Mail Delivery System)' },
  { name: 'subject', value: 'Undelivered Mail Returned to Sender' },
];

test('postfix text: "<address>: host ... said:" entries with indented continuations', () => {
  const msg = mail({
    headers,
    text: [
      'This is the mail system at host mx.example.jp.',
      '',
      "I'm sorry to have to inform you that your message could not",
      'be delivered to one or more recipients.',
      '',
      '<jan@example.org>: host mail.example.org[192.0.2.5] said: 550 5.1.1',
      '    <jan@example.org>: Recipient address rejected: User unknown (in reply to',
      '    RCPT TO command)',
      '<kay@example.net> (expanded from <team@example.jp>): connect to',
      '    mx.example.net[198.51.100.1]:25: Connection refused',
      '',
    ].join('\n'),
  });
  assert.equal(postfixText.hint(msg), true);
  const ex = postfixText.extract(msg);
  assert.ok(ex);
  assert.equal(ex.kind, 'bounce');
  assert.equal(ex.reportingMta, 'mx.example.jp');
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.replyCode, r.status, r.smtpCommand, r.remoteMta]),
    [
      ['jan@example.org', '550', '5.1.1', 'RCPT', 'mail.example.org'],
      ['kay@example.net', undefined, undefined, undefined, 'mx.example.net'],
    ],
  );
  // With delivery-status fields the RFC 3464 reader reads the report instead.
  assert.equal(
    postfixText.extract({
      ...msg,
      deliveryStatus: 'Final-Recipient: rfc822; jan@example.org\nAction: failed\nStatus: 5.1.1\n',
    }),
    null,
  );
});

test('postfix text: a localized template is read like the English one by its remote-reply entries', () => {
  const msg = mail({
    headers: [
      { name: 'from', value: 'MAILER-DAEMON@mail.example.de (Mail-Zustellsystem)' },
      { name: 'subject', value: 'Unzustellbare Nachricht' },
    ],
    text: [
      'Dies ist das Mailsystem auf dem Rechner mail.example.de.',
      '',
      'Leider muss ich Ihnen mitteilen, dass Ihre Nachricht nicht an einen',
      'oder mehrere Empfänger zugestellt werden konnte.',
      '',
      '                   Das Mailsystem',
      '',
      '<eva@example.org>: host mx.example.org[192.0.2.7] said: 550 No such',
      '    user here (in reply to RCPT TO command)',
      '<kay@example.net>: connect to mx.example.net[198.51.100.1]:25: Connection',
      '    refused',
      '',
    ].join('\n'),
  });
  const ex = postfixText.extract(msg);
  assert.ok(ex);
  assert.equal(ex.kind, 'bounce');
  assert.equal(ex.reportingMta, 'mail.example.de');
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.replyCode, r.smtpCommand, r.remoteMta, r.diagnosticCode]),
    [
      [
        'eva@example.org',
        '550',
        'RCPT',
        'mx.example.org',
        '550 No such user here (in reply to RCPT TO command)',
      ],
      [
        'kay@example.net',
        undefined,
        undefined,
        'mx.example.net',
        'connect to mx.example.net[198.51.100.1]:25: Connection refused',
      ],
    ],
  );
});

test('postfix text: without the English first line, an entry without a remote reply is not enough', () => {
  const msg = mail({
    headers,
    text: [
      'Dies ist das Mailsystem auf dem Rechner mail.example.de.',
      '',
      '<kay@example.net>: connect to mx.example.net[198.51.100.1]:25: Connection refused',
      '',
    ].join('\n'),
  });
  assert.equal(postfixText.extract(msg), null);
});

test('postfix text: the delay warning banner makes a delay', () => {
  const msg = mail({
    headers,
    text: [
      'This is the mail system at host mx.example.jp.',
      '',
      '# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #',
      '',
      '<lou@example.org>: connect to mx.example.org[192.0.2.8]:25: Connection timed out',
    ].join('\n'),
  });
  const ex = postfixText.extract(msg);
  assert.equal(ex?.kind, 'delay');
  assert.equal(ex?.recipients[0].action, 'delayed');
});

test('postfix text: the SMTP server error transcript sent to the postmaster', () => {
  const msg = mail({
    headers: [{ name: 'subject', value: 'Postfix SMTP server: errors from client.example.net[192.0.2.3]' }],
    text: [
      'Transcript of session follows.',
      '',
      ' Out: 220 mx.example.jp ESMTP',
      ' In:  MAIL FROM:<me@example.net>',
      ' Out: 250 2.1.0 Ok',
      ' In:  RCPT TO:<meg@example.jp>',
      ' Out: 250 2.1.5 Ok',
      ' In:  DATA',
      ' Out: 354 End data with <CR><LF>.<CR><LF>',
      ' Out: 452 4.3.1 Insufficient system storage',
      ' In:  QUIT',
      ' Out: 221 2.0.0 Bye',
    ].join('\n'),
  });
  const r = postfixText.extract(msg)?.recipients[0];
  assert.deepEqual(
    [r?.recipient, r?.replyCode, r?.status, r?.smtpCommand],
    ['meg@example.jp', '452', '4.3.1', 'DATA'],
  );
});
