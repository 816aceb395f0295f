import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sendmailText } from '../../../src/extract/formats/sendmail-text.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

const headers = [
  { name: 'from', value: 'Mail Delivery Subsystem <MAILER-DAEMON@gw.example.net>' },
  { name: 'subject', value: 'Returned mail: User unknown' },
];

test('sendmail transcript (V5): reply from the line itself or from its "While talking to" section', () => {
  const msg = mail({
    headers,
    text: [
      '   ----- Transcript of session follows -----',
      'While talking to mx.example.org:',
      '>>> RCPT To:<max@example.org>',
      '<<< 550 No such mailbox here',
      '550 <max@example.org>... User unknown',
      '554 <nia@example.com>... 550 Host unknown (Authoritative answer from name server)',
      '421 example.net (smtp)... Deferred: Connection timed out',
      '',
      '   ----- Unsent message follows -----',
      'Subject: x',
    ].join('\n'),
  });
  assert.equal(sendmailText.hint(msg), true);
  const ex = sendmailText.extract(msg);
  assert.ok(ex);
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.replyCode, r.smtpCommand, r.remoteMta, r.diagnosticCode]),
    [
      ['max@example.org', '550', 'RCPT', 'mx.example.org', '550 No such mailbox here'],
      [
        'nia@example.com',
        '550',
        undefined,
        'mx.example.org',
        '550 Host unknown (Authoritative answer from name server)',
      ],
    ],
  );
});

test('sendmail without DSN: the address list with "(reason: ...)"', () => {
  const msg = mail({
    headers,
    text: [
      '   ----- The following addresses had permanent fatal errors -----',
      '<oli@example.org>',
      '    (reason: 552 5.2.2 Mailbox full)',
      '',
      '   ----- Transcript of session follows -----',
      '... while talking to mx.example.org.:',
      '>>> DATA',
      '<<< 552 5.2.2 Mailbox full',
      '554 5.0.0 Service unavailable',
    ].join('\n'),
  });
  const ex = sendmailText.extract(msg);
  assert.ok(ex);
  assert.equal(ex.recipients.length, 1);
  assert.equal(ex.recipients[0].recipient, 'oli@example.org');
  assert.equal(ex.recipients[0].status, '5.2.2');
  assert.equal(ex.recipients[0].replyCode, '552');
  assert.equal(ex.recipients[0].smtpCommand, 'DATA');
  // With a delivery-status part the RFC 3464 reader is the better reader: not taken here.
  assert.equal(
    sendmailText.extract({
      ...msg,
      deliveryStatus: 'Final-Recipient: rfc822; oli@example.org\nAction: failed\nStatus: 5.2.2\n',
    }),
    null,
  );
});

test('sendmail address list: ends at the first empty line or at prose, so later addresses are not recipients', () => {
  const msg = mail({
    headers,
    text: [
      '   ----- The following addresses had permanent fatal errors -----',
      '<ana@example.org>',
      '    (reason: 552 5.2.2 Mailbox is full)',
      'bo@example.org',
      '    (expanded from: <team@example.org>)',
      '    (550 User unknown)',
      '',
      'If you believe this is in error, write to <helpdesk@example.org>',
      'or call us. Your message id was <id1@example.net>.',
      '',
      '   ----- Transcript of session follows -----',
      '554 5.0.0 Service unavailable',
    ].join('\n'),
  });
  const ex = sendmailText.extract(msg);
  assert.ok(ex);
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.diagnosticCode]),
    [
      ['ana@example.org', '552 5.2.2 Mailbox is full'],
      ['bo@example.org', '550 User unknown'],
    ],
  );
});

test('sendmail address list: a prose line right after the entries ends the list too', () => {
  const msg = mail({
    headers,
    text: [
      '   ----- The following addresses had permanent fatal errors -----',
      '',
      '>>> ana@example.org <ana@example.org>',
      '    (Mailbox is full)',
      'Message-ID: <id1@example.net>',
      'Contact <helpdesk@example.org> for help',
      '',
      '   ----- Transcript of session follows -----',
    ].join('\n'),
  });
  const ex = sendmailText.extract(msg);
  assert.deepEqual(
    ex?.recipients.map((r) => [r.recipient, r.diagnosticCode]),
    [['ana@example.org', 'Mailbox is full']],
  );
});

test('sendmail transcript: corpus samples', async () => {
  const c = await checkCorpus(sendmailText, ['V5sendmail', 'Activehunter']);
  assert.ok(c.samples >= 7);
  assert.deepEqual(c.missed, []);
  // Sisimai answers 554 (the line's code) where the section's "<<< 501" reply was the server's
  // answer to MAIL FROM; bouncedoc keeps the server's reply.
  assert.deepEqual(c.mismatches, ['lhost-v5sendmail-07.eml #1 replycode: 554 -> 501']);
});
