// A report with more recipients than the limit says so: nothing is dropped silently.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain } from '../../src/explain.js';
import { MAX_PARTS } from '../../src/read/fast/limits.js';
import { MAX_RECIPIENTS } from '../../src/read/limits.js';

test('a DSN listing more recipients than the limit is marked truncated', async () => {
  const groups = Array.from(
    { length: MAX_RECIPIENTS + 5 },
    (_, i) => `Final-Recipient: rfc822; u${i}@example.com\nAction: failed\nStatus: 5.1.1\n`,
  ).join('\n');
  const dsn = [
    'From: MAILER-DAEMON@mx.example.com',
    'Subject: Undelivered Mail Returned to Sender',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.com',
    '',
    groups,
    '--b--',
    '',
  ].join('\n');
  const report = await explain(dsn);
  assert.equal(report.results.length, MAX_RECIPIENTS);
  assert.match(report.truncated ?? '', /only the first 10000 recipients/);
});

test('an ordinary report is not marked', async () => {
  const report = await explain('550 5.1.1 <a@example.com>: user unknown');
  assert.equal(report.truncated, undefined);
});

test('a report split over more MIME parts than the reader keeps is marked truncated', async () => {
  const parts = Array.from(
    { length: MAX_PARTS + 50 },
    (_, i) =>
      `--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; u${i}@example.com\nAction: failed\nStatus: 5.1.1\n`,
  ).join('');
  const dsn = [
    'From: MAILER-DAEMON@mx.example.com',
    'Subject: Undelivered Mail Returned to Sender',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    parts,
    '--b--',
    '',
  ].join('\n');
  const report = await explain(dsn);
  assert.ok(report.results.length < MAX_PARTS);
  assert.equal(report.truncated, `only the first ${MAX_PARTS} MIME parts of this message were read`);
});

test('a reply text longer than the part searched says so, found or not', async () => {
  const reply = '550 5.1.1 <j@example.com>: User unknown\n';
  const late = await explain(`${'x\n'.repeat(140_000)}${reply}`);
  assert.equal(late.kind, 'not-bounce');
  assert.match(late.truncated ?? '', /^only the first 256 KB of the text were searched for an SMTP reply$/);
  const early = await explain(`${reply}${'x\n'.repeat(140_000)}`);
  assert.equal(early.results[0].status, '5.1.1');
  assert.match(early.truncated ?? '', /first 256 KB/);
  assert.equal((await explain(reply)).truncated, undefined);
});
