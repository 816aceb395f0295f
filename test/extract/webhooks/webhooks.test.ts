import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { reportFromExtraction } from '../../../src/explain.js';
import {
  detectWebhook,
  type EspRecipient,
  MAX_WEBHOOK_BYTES,
  readWebhook,
} from '../../../src/extract/webhooks/index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function detect(name: string) {
  const ex = detectWebhook(fixture(name));
  assert.ok(ex, `${name} not detected`);
  return ex;
}

test('ses: SNS envelope; a "Transient" label does not outweigh the text of a dead domain', () => {
  const ex = detect('ses-sns-transient-dead-domain.json');
  assert.equal(ex.format, 'ses-webhook');
  assert.equal(ex.kind, 'bounce');
  const r = ex.recipients[0] as EspRecipient;
  assert.equal(r.recipient, 'anna@no-such-domain.example');
  assert.equal(r.status, '5.1.2');
  assert.equal(r.replyCode, '550');
  assert.equal(r.espLabel, 'ses: Transient/General');
  assert.equal(r.reasonHint, undefined);
  assert.equal(ex.original?.subject, 'Your order');
  const report = reportFromExtraction(ex);
  assert.equal(report.results[0].reason, 'hostunknown');
  assert.equal(report.results[0].bounceType, 'hard');
});

test('ses: a complaint is feedback; a DeliveryDelay event is a delay', () => {
  const c = detect('ses-complaint.json');
  assert.equal(c.kind, 'feedback');
  assert.equal(c.recipients[0].recipient, 'ben@example.org');
  assert.equal(c.recipients[0].feedbackType, 'abuse');
  const d = detect('ses-delivery-delay.json');
  assert.equal(d.kind, 'delay');
  assert.equal(d.recipients[0].status, '4.2.2');
  assert.equal(d.recipients[0].action, 'delayed');
});

test('sendgrid: delivery events only, each with its reply; a drop states suppression', () => {
  const ex = detect('sendgrid-events.json');
  assert.equal(ex.format, 'sendgrid-webhook');
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.action, r.replyCode, r.status]),
    [
      ['dan@example.org', 'failed', '550', '5.1.1'],
      ['eve@example.org', 'failed', '554', '5.7.1'],
      ['fay@example.org', 'delayed', '421', '4.7.0'],
      ['gus@example.org', 'failed', undefined, undefined],
    ],
  );
  assert.equal(ex.recipients[3].reasonHint, 'suppressed');
  assert.equal((ex.recipients[1] as EspRecipient).espLabel, 'sendgrid: bounce/blocked');
  const report = reportFromExtraction(ex);
  assert.equal(report.results[0].reason, 'userunknown');
  assert.equal(report.results[1].bounceType, 'block');
});

test('mailgun: event-data with delivery-status code, message and enhanced code', () => {
  const ex = detect('mailgun-failed.json');
  assert.equal(ex.format, 'mailgun-webhook');
  const r = ex.recipients[0];
  assert.equal(r.recipient, 'hal@example.org');
  assert.equal(r.replyCode, '550');
  assert.equal(r.status, '5.2.2');
  assert.equal(r.remoteMta, 'mx.example.org');
  assert.equal(r.diagnosticCode, '550 5.2.2 The email account that you tried to reach is over quota.');
  assert.equal(ex.original?.subject, 'Receipt');
  assert.equal(reportFromExtraction(ex).results[0].reason, 'mailboxfull');
});

test('postmark: a "HardBounce" whose details show a policy block is not read as a dead address', () => {
  const ex = detect('postmark-bounce.json');
  assert.equal(ex.format, 'postmark-webhook');
  const r = ex.recipients[0] as EspRecipient;
  assert.equal(r.recipient, 'ivy@example.org');
  assert.equal(r.replyCode, '554');
  assert.equal(r.espLabel, 'postmark: HardBounce (1)');
  assert.equal(r.reasonHint, undefined);
  const result = reportFromExtraction(ex).results[0];
  assert.notEqual(result.reason, 'userunknown');
  assert.equal(result.bounceType, 'block');
});

test('sparkpost: msys message events; track events skipped; complaint as feedback type', () => {
  const ex = detect('sparkpost-events.json');
  assert.equal(ex.format, 'sparkpost-webhook');
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.action, r.replyCode, r.feedbackType]),
    [
      ['jo@example.org', 'failed', '550', undefined],
      ['kim@example.org', 'delayed', '452', undefined],
      ['lou@example.org', undefined, undefined, 'abuse'],
    ],
  );
});

test('mandrill: form-encoded mandrill_events; diag or the last SMTP event', () => {
  const ex = detect('mandrill-events.txt');
  assert.equal(ex.format, 'mandrill-webhook');
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.action, r.replyCode, r.status]),
    [
      ['max@example.org', 'failed', '550', '5.1.1'],
      ['ned@example.org', 'delayed', '451', '4.3.5'],
    ],
  );
});

test('sendgrid: one event pasted without its ids is still read; an engagement event alone is not', () => {
  const bounce = {
    email: 'max@example.org',
    event: 'bounce',
    type: 'bounce',
    status: '5.1.1',
    reason: '550 5.1.1 <max@example.org>: User unknown',
  };
  const ex = detectWebhook(JSON.stringify(bounce));
  assert.equal(ex?.format, 'sendgrid-webhook');
  assert.deepEqual(
    ex?.recipients.map((r) => [r.recipient, r.status, r.replyCode]),
    [['max@example.org', '5.1.1', '550']],
  );
  assert.equal(detectWebhook(JSON.stringify({ email: 'max@example.org', event: 'open' })), null);
  assert.equal(detectWebhook(JSON.stringify({ email: 'max@example.org', event: 'bounce' })), null);
});

test('not a webhook: plain text, other JSON, junk', () => {
  assert.equal(detectWebhook('550 5.1.1 user unknown'), null);
  assert.equal(detectWebhook('{"hello":"world"}'), null);
  assert.equal(detectWebhook('[1,2,3]'), null);
  assert.equal(detectWebhook('{"Type":"Notification","Message":"{not json"}'), null);
  assert.equal(detectWebhook('{'.repeat(100000)), null);
});

test('a label alone decides only when the payload has no reply and no status', () => {
  const ex = detectWebhook(
    JSON.stringify({
      notificationType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'Suppressed',
        bouncedRecipients: [{ emailAddress: 'x@example.org' }],
      },
    }),
  );
  assert.equal(ex?.recipients[0].reasonHint, 'suppressed');
});

test('ses: an address on a suppression list is suppressed, though SES writes 5.1.1 and its own words', () => {
  for (const [subType, words] of [
    [
      'OnAccountSuppressionList',
      'Amazon SES did not send the message to this address because it is on the suppression list for your account.',
    ],
    [
      'Suppressed',
      'Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.',
    ],
  ]) {
    const ex = detectWebhook(
      JSON.stringify({
        notificationType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: subType,
          bouncedRecipients: [
            { emailAddress: 'jane@example.com', action: 'failed', status: '5.1.1', diagnosticCode: words },
          ],
        },
      }),
    );
    assert.ok(ex, subType);
    assert.equal(ex.recipients[0].reasonHint, 'suppressed', subType);
    const r = reportFromExtraction(ex).results[0];
    assert.equal(r.reason, 'suppressed', subType);
    assert.equal(r.category, 'recipient-address', subType);
    assert.equal(r.bounceType, 'hard', subType);
    assert.equal(r.note, undefined, subType);
  }
});

test('readWebhook: other JSON, a known ESP without delivery events, too large, and text', () => {
  const junk =
    '[{"email":12345,"event":"bounce","reason":550,"status":5.11,"type":null},"junk",42,null,true,[[[]]],' +
    '{"email":"ok@example.com","event":"bounce","reason":{"text":"550"},"status":["5.1.1"]}]';
  assert.deepEqual(readWebhook(junk), { type: 'json' });
  assert.deepEqual(readWebhook('{"name":"package","version":"1.0.0"}'), { type: 'json' });
  const opens = [{ email: 'a@example.org', event: 'open', sg_event_id: 'x' }];
  assert.deepEqual(readWebhook(JSON.stringify(opens)), { type: 'json', esp: 'sendgrid-webhook' });
  // not JSON documents: text, a bare JSON string, broken JSON
  assert.deepEqual(readWebhook('550 5.1.1 user unknown'), { type: 'none' });
  assert.deepEqual(readWebhook('"550 5.1.1 user unknown"'), { type: 'none' });
  assert.deepEqual(readWebhook('{"a":'), { type: 'none' });
  // over the limit: JSON is refused as too large, a long log that starts with "[date]" is text
  const event = '{"email":"u@example.com","event":"bounce","reason":"550 5.1.1 unknown","status":"5.1.1"},';
  const big = `[${event.repeat(Math.ceil(MAX_WEBHOOK_BYTES / event.length))}${event.slice(0, -1)}]\n`;
  assert.deepEqual(readWebhook(big), { type: 'too-large', length: big.length });
  const log = `[2026-12-01 09:14:07] ${'x'.repeat(MAX_WEBHOOK_BYTES)} 550 5.1.1 user unknown`;
  assert.deepEqual(readWebhook(log), { type: 'none' });
});

test('an event without an address is kept, with an empty recipient and a note that says so', () => {
  const events = [
    {
      email: 'gone@example.org',
      event: 'bounce',
      reason: '550 5.1.1 unknown',
      status: '5.1.1',
      sg_event_id: 'e1',
    },
    { event: 'bounce', reason: '550 5.1.1 no such user', status: '5.1.1', sg_event_id: 'e2' },
    { email: 'x@example.org', event: 'click', sg_event_id: 'e3' },
  ];
  const ex = detectWebhook(JSON.stringify(events));
  assert.ok(ex);
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.status]),
    [
      ['gone@example.org', '5.1.1'],
      ['', '5.1.1'],
    ],
  );
  const results = reportFromExtraction(ex).results;
  assert.equal(results[0].note, undefined);
  assert.equal(results[1].recipient, '');
  assert.equal(results[1].reason, 'userunknown');
  assert.match(results[1].note ?? '', /names no recipient \(no "email" field\)/);
  // without SendGrid's ids, an event still needs its address to be taken for SendGrid's
  assert.equal(
    detectWebhook(JSON.stringify({ event: 'bounce', reason: '550 5.1.1 x', status: '5.1.1' })),
    null,
  );
});

test('ses: a bounce that names no bounced recipient gives the destination, with a note', () => {
  const bounce = (destination?: string[]) =>
    JSON.stringify({
      notificationType: 'Bounce',
      bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [] },
      mail: { source: 'orders@shop.example', ...(destination ? { destination } : {}) },
    });
  const one = detectWebhook(bounce(['a@partner.example']));
  assert.ok(one);
  assert.deepEqual(
    one.recipients.map((r) => r.recipient),
    ['a@partner.example'],
  );
  const r = reportFromExtraction(one).results[0];
  assert.equal(r.bounceType, 'hard');
  assert.match(
    r.note ?? '',
    /^SES named no recipient \(bouncedRecipients is empty\); shown instead is the message's destination/,
  );
  const two = detectWebhook(bounce(['a@partner.example', 'b@partner.example']));
  assert.deepEqual(
    two?.recipients.map((x) => x.recipient),
    ['a@partner.example', 'b@partner.example'],
  );
  assert.match((two?.recipients[1] as EspRecipient | undefined)?.espNote ?? '', /the message had 2/);
  const none = detectWebhook(bounce());
  assert.deepEqual(
    none?.recipients.map((x) => x.recipient),
    [''],
  );
  assert.match((none?.recipients[0] as EspRecipient | undefined)?.espNote ?? '', /gave no destination/);
});

test('postmark: a Bounce record without "Email" is still read as Postmark, its recipient unknown', () => {
  const record = {
    RecordType: 'Bounce',
    Type: 'HardBounce',
    TypeCode: 1,
    Details: 'smtp;550 5.1.1 The email account that you tried to reach does not exist.',
    BouncedAt: '2025-03-05T08:00:00Z',
  };
  const ex = detectWebhook(JSON.stringify(record));
  assert.equal(ex?.format, 'postmark-webhook');
  assert.equal(ex?.kind, 'bounce');
  const r = ex && reportFromExtraction(ex).results[0];
  assert.equal(r?.recipient, '');
  assert.equal(r?.status, '5.1.1');
  assert.match(r?.note ?? '', /names no recipient \(no "Email" field\)/);
  // RecordType alone, without Postmark's bounce fields, is not taken for Postmark's
  assert.deepEqual(readWebhook('{"RecordType":"Bounce"}'), { type: 'json' });
});
