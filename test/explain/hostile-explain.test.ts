// The whole pipeline on hostile bounces: explain -> diagnosis chain (offline) -> text output.
// Built from DSN pieces and hostile fragments, so that the generator reaches the field parsers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { diagnoseReport } from '../../src/diagnose/chain.js';
import { explain, InputError } from '../../src/explain.js';
import { formatText } from '../../src/output/text.js';

const HOSTILE = [
  '\u001b[2J',
  '\u001b]0;title\u0007',
  '\u202e',
  '<script>alert(1)</script>',
  '550-',
  'a@',
  '((((',
  '5.1.1 ',
  '=?utf-8?b?!!!?=',
  '\r\n ',
  '\udcff',
  '--b--',
  'Status: 9.9.9',
];

const piece = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 30 }));
const hostileText = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));

function dsn(rcpt: string, diag: string, status: string): string {
  return [
    'From: MAILER-DAEMON@mx.example',
    'Subject: Undelivered Mail Returned to Sender',
    'Content-Type: multipart/report; report-type=delivery-status; boundary=b',
    '',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example',
    '',
    `Final-Recipient: rfc822; ${rcpt}`,
    'Action: failed',
    `Status: ${status}`,
    `Diagnostic-Code: smtp; ${diag}`,
    '',
    '--b--',
    '',
  ].join('\r\n');
}

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('hostile DSN fields: a report or an InputError, and terminal-safe text', async () => {
  await fc.assert(
    fc.asyncProperty(
      hostileText,
      hostileText,
      fc.constantFrom('5.1.1', '5.7.26', '4.2.2', 'x'),
      async (r, d, s) => {
        let report: Awaited<ReturnType<typeof explain>>;
        try {
          report = await explain(dsn(r, d, s));
        } catch (err) {
          assert.ok(err instanceof InputError, String(err));
          return;
        }
        const diagnosed = await diagnoseReport(report, {});
        const text = formatText([diagnosed], { color: false });
        assert.doesNotMatch(text, UNSAFE);
      },
    ),
    { numRuns: 300 },
  );
});

test('pathological repetition in the Diagnostic-Code and as a bare reply', async () => {
  for (const junk of [
    '550-'.repeat(100_000),
    'a@'.repeat(100_000),
    '(((((('.repeat(50_000),
    '5.1.1 '.repeat(200_000),
  ]) {
    for (const input of [dsn('u@example.com', junk, '5.1.1'), junk]) {
      try {
        const report = await explain(input);
        assert.ok(report.results.length <= 1);
        const text = formatText([await diagnoseReport(report, {})], { color: false });
        assert.ok(text.length < 20_000, `${text.length} characters of text`);
      } catch (err) {
        assert.ok(err instanceof InputError, String(err));
      }
    }
  }
});
