import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { explain } from '../../../src/explain.js';
import { epochSecondsDate, isoDate } from '../../../src/extract/webhooks/time.js';
import { toSisimai } from '../../../src/output/sisimai.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

test('epoch seconds as an RFC 5322 date-time in UTC; a fraction is dropped', () => {
  assert.equal(epochSecondsDate('1793000000'), 'Mon, 26 Oct 2026 07:33:20 +0000');
  assert.equal(epochSecondsDate('1793000000.908181'), 'Mon, 26 Oct 2026 07:33:20 +0000');
  for (const bad of ['', '0', '-5', 'abc', '1e9', '999999999999', '1793000000 ']) {
    assert.equal(epochSecondsDate(bad), undefined, bad);
  }
});

test('ISO 8601 with a zone as an RFC 5322 date-time at the same offset; without a zone or impossible: none', () => {
  assert.equal(isoDate('2026-11-02T10:00:00.000Z'), 'Mon, 02 Nov 2026 10:00:00 +0000');
  assert.equal(isoDate('2019-11-05T16:33:54.9070259Z'), 'Tue, 05 Nov 2019 16:33:54 +0000');
  assert.equal(isoDate('2019-11-05T11:33:54-05:00'), 'Tue, 05 Nov 2019 11:33:54 -0500');
  assert.equal(isoDate('2019-11-05T23:30:00+0530'), 'Tue, 05 Nov 2019 23:30:00 +0530');
  for (const bad of [
    '2019-11-05T16:33:54',
    '2026-02-30T10:00:00Z',
    '2026-11-02T25:00:00Z',
    '1969-12-31T00:00:00Z',
    'yesterday',
  ]) {
    assert.equal(isoDate(bad), undefined, bad);
  }
});

/** The sisimai records' (recipient, timestamp, offset) of one input. */
async function sisimaiTimes(input: string) {
  const report = await explain(input);
  return toSisimai([report]).map((r) => [r.recipient, r.timestamp, r.timezoneoffset]);
}

test('sisimai timestamp of each ESP payload is the event time it carries', async () => {
  // SES: bounce.timestamp (mail.timestamp, 2 s earlier, is the original's date)
  assert.deepEqual(await sisimaiTimes(fixture('ses-sns-transient-dead-domain.json')), [
    ['anna@no-such-domain.example', 1793613600, '+0000'],
  ]);
  assert.deepEqual(await sisimaiTimes(fixture('ses-complaint.json')), [
    ['ben@example.org', 1793613600, '+0000'],
  ]);
  assert.deepEqual(await sisimaiTimes(fixture('ses-delivery-delay.json')), [
    ['cara@example.org', 1793613600, '+0000'],
  ]);
  // SendGrid: each event's own "timestamp" (epoch seconds)
  assert.deepEqual(await sisimaiTimes(fixture('sendgrid-events.json')), [
    ['dan@example.org', 1793000001, '+0000'],
    ['eve@example.org', 1793000002, '+0000'],
    ['fay@example.org', 1793000003, '+0000'],
    ['gus@example.org', 1793000004, '+0000'],
  ]);
  // Mailgun: event-data.timestamp (fractional seconds), not the signature's
  assert.deepEqual(await sisimaiTimes(fixture('mailgun-failed.json')), [
    ['hal@example.org', 1793000000, '+0000'],
  ]);
  // Postmark: BouncedAt
  assert.deepEqual(await sisimaiTimes(fixture('postmark-bounce.json')), [
    ['ivy@example.org', 1793613600, '+0000'],
  ]);
  // Mandrill: ts
  assert.deepEqual(await sisimaiTimes(fixture('mandrill-events.txt')), [
    ['max@example.org', 1793000000, '+0000'],
    ['ned@example.org', 1793000001, '+0000'],
  ]);
  // SparkPost: message_event.timestamp; events without one stay 0
  assert.deepEqual((await sisimaiTimes(fixture('sparkpost-events.json')))[0], [
    'jo@example.org',
    1793000000,
    '+0000',
  ]);
});

test('the event time is the result lastAttemptDate; an offset is kept; SES mail.timestamp is the original date', async () => {
  const postmark = JSON.stringify({
    RecordType: 'SpamComplaint',
    Type: 'SpamComplaint',
    TypeCode: 512,
    Email: 'zoe@example.org',
    BouncedAt: '2026-11-02T05:00:00-05:00',
  });
  const report = await explain(postmark);
  assert.equal(report.results[0].lastAttemptDate, 'Mon, 02 Nov 2026 05:00:00 -0500');
  assert.deepEqual(await sisimaiTimes(postmark), [['zoe@example.org', 1793613600, '-0500']]);

  const ses = await explain(fixture('ses-sns-transient-dead-domain.json'));
  assert.equal(ses.results[0].lastAttemptDate, 'Mon, 02 Nov 2026 10:00:00 +0000');
  assert.equal(ses.original?.date, 'Mon, 02 Nov 2026 09:59:58 +0000');
});
