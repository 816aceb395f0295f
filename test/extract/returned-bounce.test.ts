import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain } from '../../src/explain.js';
import { markReturnedBounces, originalIsBounce } from '../../src/extract/returned-bounce.js';
import type { Extraction } from '../../src/types.js';

/** A DSN for `rcpt`, returning `original` (a header block and body) when given. */
function dsn(rcpt: string, original?: string): string {
  return [
    'From: MAILER-DAEMON@mx.partner.example (Mail Delivery System)',
    'To: MAILER-DAEMON@mail.shop.example',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="O1"',
    '',
    '--O1',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '',
    '--O1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.partner.example',
    '',
    `Final-Recipient: rfc822; ${rcpt}`,
    'Action: failed',
    'Status: 5.1.1',
    `Diagnostic-Code: smtp; 550 5.1.1 <${rcpt}>: Recipient address rejected: User unknown`,
    '',
    ...(original ? ['--O1', 'Content-Type: message/rfc822', '', original, ''] : []),
    '--O1--',
    '',
  ].join('\r\n');
}

const INNER_BOUNCE = [
  'From: MAILER-DAEMON@mail.shop.example (Mail Delivery System)',
  'To: someone@partner.example',
  'Subject: Undelivered Mail Returned to Sender',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="I1"',
  '',
  '--I1--',
].join('\r\n');

const PERSON_REPLY = [
  'From: Jane Doe <jane@shop.example>',
  'To: MAILER-DAEMON@partner.example',
  'Subject: Re: Undelivered Mail Returned to Sender',
  '',
  'Why did this bounce?',
].join('\r\n');

test('a bounce of a bounce: MAILER-DAEMON as the failed recipient is not advised to be suppressed', async () => {
  const report = await explain(dsn('MAILER-DAEMON@mail.shop.example', INNER_BOUNCE));
  const r = report.results[0];
  assert.equal(r.recipient, 'MAILER-DAEMON@mail.shop.example');
  assert.equal(r.reason, 'userunknown');
  assert.equal(
    r.advice.summary,
    'A bounce came back: the failed message was itself a bounce, sent to a mail system address',
  );
  assert.match(r.advice.steps[0], /do not suppress or remove it/);
  assert.match(r.advice.steps[1], /null reverse-path <> \(RFC 5321 section 4\.5\.5; RFC 3464 section 2/);
  assert.ok(!r.advice.steps.some((s) => /Remove or suppress the address/.test(s)));
  assert.equal(r.advice.retry.advised, false);
});

test('a bounce of a bounce: postmaster counts only when the returned message is a bounce', async () => {
  const bounced = await explain(dsn('postmaster@mail.shop.example', INNER_BOUNCE));
  assert.match(bounced.results[0].advice.summary, /^A bounce came back/);
  const mailed = await explain(dsn('postmaster@mail.shop.example', PERSON_REPLY));
  assert.equal(mailed.results[0].advice.summary, "The recipient's address does not exist");
});

test('a bounce of a bounce: a MAILER-DAEMON recipient with no returned message; a reply to a bounce is not one', async () => {
  const bare = await explain(dsn('mailer-daemon@mail.shop.example'));
  assert.match(bare.results[0].advice.summary, /^A bounce came back/);
  // a person answered a bounce: the returned message is theirs, not a bounce
  const reply = await explain(dsn('MAILER-DAEMON@partner.example', PERSON_REPLY));
  assert.equal(reply.results[0].advice.summary, "The recipient's address does not exist");
  // an ordinary recipient is never marked, whatever the returned message
  const plain = await explain(dsn('nobody@shop.example', INNER_BOUNCE));
  assert.equal(plain.results[0].advice.summary, "The recipient's address does not exist");
});

test('originalIsBounce: a delivery report, or a message from a mail system address', () => {
  assert.equal(originalIsBounce(undefined), undefined);
  assert.equal(originalIsBounce(INNER_BOUNCE), true);
  assert.equal(originalIsBounce('From: <postmaster@example.org>\nSubject: x'), true);
  assert.equal(
    originalIsBounce('From: a@example.org\nContent-Type: multipart/report; report-type=feedback-report'),
    false,
  );
  assert.equal(originalIsBounce(PERSON_REPLY), false);
  const ex: Extraction = {
    kind: 'feedback',
    format: 'arf',
    recipients: [{ recipient: 'mailer-daemon@example.org' }],
  };
  assert.equal(markReturnedBounces(ex).recipients[0].returnedBounce, undefined);
});
