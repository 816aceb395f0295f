import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArf } from '../../src/extract/arf.js';
import { extractAutoreply } from '../../src/extract/autoreply.js';
import { mail } from './helpers.js';

test('ARF: every Original-Rcpt-To is a recipient, with the feedback type', () => {
  const ex = extractArf(
    mail({
      feedbackReport:
        'Feedback-Type: Abuse\nUser-Agent: FBL/1.0\nVersion: 1\nOriginal-Rcpt-To: a@example.com\nOriginal-Rcpt-To: b@example.com\nArrival-Date: Tue, 1 Dec 2026 10:00:00 +0000\n',
      originalMessage: 'From: news@shop.example\nTo: a@example.com\nSubject: Sale\n\nbuy',
    }),
  );
  assert.ok(ex);
  assert.equal(ex.kind, 'feedback');
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.feedbackType, r.reasonHint]),
    [
      ['a@example.com', 'abuse', 'feedback'],
      ['b@example.com', 'abuse', 'feedback'],
    ],
  );
  assert.equal(ex.original?.subject, 'Sale');
});

test('ARF without Original-Rcpt-To falls back to the returned message To', () => {
  const ex = extractArf(
    mail({ feedbackReport: 'Feedback-Type: opt-out\n', originalMessage: 'To: Someone <x@example.net>\n\n' }),
  );
  assert.equal(ex?.recipients[0].recipient, 'x@example.net');
  assert.equal(ex?.recipients[0].feedbackType, 'opt-out');
});

test('autoreply: RFC 3834 Auto-Submitted: auto-replied -> vacation from the sender', () => {
  const ex = extractAutoreply(
    mail({
      headers: [
        { name: 'from', value: 'Jane <jane@example.com>' },
        { name: 'subject', value: 'Re: your order' },
        { name: 'auto-submitted', value: 'auto-replied' },
      ],
    }),
  );
  assert.equal(ex?.kind, 'autoreply');
  assert.equal(ex?.recipients[0].recipient, 'jane@example.com');
  assert.equal(ex?.recipients[0].reasonHint, 'vacation');
});

test('autoreply: common vacation subjects without headers', () => {
  for (const subject of [
    'Automatic reply: Meeting',
    'Out of Office: back Monday',
    'Abwesenheitsnotiz: Urlaub',
    '自動応答: お問い合わせ',
    'Автоответ: Re: заказ',
  ]) {
    const ex = extractAutoreply(
      mail({
        headers: [
          { name: 'from', value: 'x@example.com' },
          { name: 'subject', value: subject },
        ],
      }),
    );
    assert.equal(ex?.kind, 'autoreply', subject);
  }
});

test('autoreply: a mailer-daemon notice or an ordinary message is not an auto-reply', () => {
  const daemon = mail({
    headers: [
      { name: 'from', value: 'MAILER-DAEMON@mx.example.net' },
      { name: 'subject', value: 'Undelivered Mail Returned to Sender' },
      { name: 'auto-submitted', value: 'auto-replied' },
    ],
  });
  assert.equal(extractAutoreply(daemon), null);
  const plain = mail({
    headers: [
      { name: 'from', value: 'x@example.com' },
      { name: 'subject', value: 'Lunch?' },
    ],
  });
  assert.equal(extractAutoreply(plain), null);
});

test('an automatic unsubscribe request is opt-out feedback, not an auto-reply', async () => {
  const { extractUnsubscribe } = await import('../../src/extract/unsubscribe.js');
  const msg = mail({
    headers: [
      { name: 'from', value: 'reader@example.com' },
      { name: 'subject', value: 'unsubscribe' },
      { name: 'auto-submitted', value: 'auto-replied' },
    ],
  });
  const ex = extractUnsubscribe(msg);
  assert.equal(ex?.kind, 'feedback');
  assert.equal(ex?.recipients[0].recipient, 'reader@example.com');
  assert.equal(ex?.recipients[0].feedbackType, 'opt-out');
  const human = mail({
    headers: [
      { name: 'from', value: 'x@example.com' },
      { name: 'subject', value: 'unsubscribe' },
    ],
  });
  assert.equal(extractUnsubscribe(human), null);
});

test('ARF: a Microsoft JMRP report (no feedback-report part) names the recipient in the attached message', () => {
  const ex = extractArf(
    mail({
      headers: [{ name: 'subject', value: 'complaint about message from 192.0.2.1' }],
      originalMessage:
        'X-HmXmrOriginalRecipient: reader@example.com\nFrom: news@shop.example\nTo: reader@example.com\nSubject: Sale\n\nbuy',
    }),
  );
  assert.equal(ex?.kind, 'feedback');
  assert.deepEqual(
    ex?.recipients.map((r) => [r.recipient, r.feedbackType]),
    [['reader@example.com', 'abuse']],
  );
  assert.equal(ex?.original?.subject, 'Sale');
  // An ordinary attached message is no complaint.
  assert.equal(extractArf(mail({ originalMessage: 'From: a@example.org\nTo: b@example.org\n\nhi' })), null);
});

test('ARF: a report that names no recipient anywhere gives an empty recipient, not an invented one', () => {
  const ex = extractArf(
    mail({
      feedbackReport: 'Feedback-Type: abuse\nUser-Agent: X/1.0\nVersion: 0.1\n',
      originalMessage: 'From: <s@example.net>\nTo: <Undisclosed Recipients>\nSubject: x\n\nbody',
    }),
  );
  assert.deepEqual(
    ex?.recipients.map((r) => [r.recipient, r.feedbackType]),
    [['', 'abuse']],
  );
});

test('ARF: report fields written in a text/plain part are read like a feedback-report part', () => {
  const content =
    'This is an abuse report.\n\nFeedback-Type: fraud\nUser-Agent: FBL/2.0\nVersion: 1\nOriginal-Rcpt-To: <v@example.com>\n';
  const ex = extractArf(mail({ parts: [{ contentType: 'text/plain', headers: [], content }] }));
  assert.deepEqual(
    ex?.recipients.map((r) => [r.recipient, r.feedbackType]),
    [['v@example.com', 'fraud']],
  );
  // Without User-Agent (required by RFC 5965 3.1) a stray "Feedback-Type:" line is no report.
  const stray = 'Feedback-Type: abuse\nOriginal-Rcpt-To: v@example.com\n';
  assert.equal(
    extractArf(mail({ parts: [{ contentType: 'text/plain', headers: [], content: stray }] })),
    null,
  );
});
