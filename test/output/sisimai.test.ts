// --format sisimai: the timestamp is the recipient's last attempt, else the returned message's
// date, else the bounce's own Date (as Sisimai takes it), never 0 when the bounce has a date.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain } from '../../src/explain.js';
import { toSisimai } from '../../src/output/sisimai.js';

const notice = (original: string) =>
  [
    'From: MAILER-DAEMON@mx.example.net',
    'To: news@shop.example',
    'Date: Wed, 05 Mar 2025 08:00:00 +0000',
    'Subject: failure notice',
    '',
    'Hi. This is the qmail-send program at mx.example.net.',
    "I'm afraid I wasn't able to deliver your message to the following addresses.",
    "This is a permanent error; I've given up. Sorry it didn't work out.",
    '',
    '<gone@example.org>:',
    'Sorry, no mailbox here by that name. (#5.1.1)',
    '',
    '--- Below this line is a copy of the message.',
    '',
    original,
    '',
  ].join('\n');

test("the bounce's own Date when the returned message has none", async () => {
  const report = await explain(notice('From: news@shop.example\nTo: gone@example.org\nSubject: Hi\n\nbody'));
  assert.equal(report.date, 'Wed, 05 Mar 2025 08:00:00 +0000');
  const [record] = toSisimai([report]);
  assert.equal(record.timestamp, Date.UTC(2025, 2, 5, 8) / 1000);
});

test("the returned message's date comes before the bounce's", async () => {
  const report = await explain(
    notice('From: news@shop.example\nTo: gone@example.org\nDate: Tue, 04 Mar 2025 10:00:00 +0000\n\nbody'),
  );
  const [record] = toSisimai([report]);
  assert.equal(record.timestamp, Date.UTC(2025, 2, 4, 10) / 1000);
});
