import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain, InputError } from '../../src/index.js';

const dsn = (action: string, status: string) =>
  [
    'From: MAILER-DAEMON@mx.example.net',
    'Subject: Delivery Status Notification',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    '',
    'Final-Recipient: rfc822; one@example.com',
    `Action: ${action}`,
    `Status: ${status}`,
    'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
    '',
    'Final-Recipient: rfc822; two@example.com',
    `Action: ${action}`,
    `Status: ${status}`,
    '--b',
    'Content-Type: message/rfc822',
    '',
    'From: Shop <news@shop.example>',
    'To: one@example.com',
    'Subject: Your order',
    'Message-ID: <abc@shop.example>',
    '',
    'Thanks',
    '--b--',
  ].join('\n');

test('a DSN gives one result per recipient, with the original message', async () => {
  const r = await explain(new TextEncoder().encode(dsn('failed', '5.1.1')));
  assert.equal(r.kind, 'bounce');
  assert.equal(r.format, 'rfc3464');
  assert.deepEqual(
    r.results.map((x) => [x.recipient, x.status, x.action]),
    [
      ['one@example.com', '5.1.1', 'failed'],
      ['two@example.com', '5.1.1', 'failed'],
    ],
  );
  assert.equal(r.results[0].replyCode, '550');
  assert.equal(r.results[0].diagnosticCode, '550 5.1.1 User unknown');
  assert.equal(r.original?.messageId, '<abc@shop.example>');
  assert.equal(r.reportingMta, 'mx.example.net');
  assert.match(r.originalHeaders ?? '', /^From: Shop/);
  assert.equal(typeof r.results[0].advice.summary, 'string');
});

test('all recipients delayed -> kind delay', async () => {
  assert.equal((await explain(dsn('delayed', '4.2.2'))).kind, 'delay');
});

test('a bare reply text gives kind reply-text and one result', async () => {
  const r = await explain(
    '550-5.7.1 [192.0.2.1] Our system has detected an unusual rate\n550 5.7.1 of unsolicited mail.',
  );
  assert.equal(r.kind, 'reply-text');
  assert.equal(r.results.length, 1);
  assert.equal(r.results[0].replyCode, '550');
});

test('text without a reply and without headers is not a bounce', async () => {
  const r = await explain('hello there, nothing to see');
  assert.equal(r.kind, 'not-bounce');
  assert.equal(r.results.length, 0);
});

test('bad input rejects with InputError, never anything else', async () => {
  await assert.rejects(explain(''), InputError);
  await assert.rejects(explain(new Uint8Array([0, 1, 2, 3])), InputError);
});

// Not timed (project rule): each hostile input must come back with a bounded result or an
// InputError; a super-linear blow-up makes this test hang instead of passing. Recipients are
// capped at MAX_RECIPIENTS (10,000).
test('hostile input stays bounded: huge header, many recipients, long lines', async () => {
  const many = Array.from(
    { length: 12000 },
    (_, i) => `Final-Recipient: rfc822; u${i}@example.com\nAction: failed\nStatus: 5.1.1\n`,
  ).join('\n');
  const inputs = [
    `From: a@example.com\nX-Big: ${'a'.repeat(1_000_000)}\n\nbody`,
    `From: a@example.com\nContent-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\n${many}\n--b--\n`,
    `From: a@example.com\n\n${'Final-Recipient: rfc822; '.repeat(50_000)}\nStatus: 5.1.1`,
    `550 ${'5.'.repeat(200_000)}`,
  ];
  const outcomes: string[] = [];
  for (const input of inputs) {
    try {
      const r = await explain(input);
      assert.ok(r.results.length <= 10_000, `${r.results.length} results`);
      outcomes.push(`${r.kind}:${r.results.length}`);
    } catch (err) {
      assert.ok(err instanceof InputError, String(err));
      outcomes.push(`error:${err.code}`);
    }
  }
  // the 12,000-recipient report is cut at the cap, not dropped
  assert.equal(outcomes[1], 'bounce:10000');
});

test('a delivery-status block pasted on its own is read as RFC 3464', async () => {
  const r = await explain(
    'Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; x@example.com\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n',
  );
  assert.equal(r.format, 'rfc3464');
  assert.equal(r.results[0].recipient, 'x@example.com');
  assert.equal(r.results[0].replyCode, '552');
});

test('a Final-Recipient holding an escape sequence is kept whole, not cut to another address', async () => {
  const dsn = [
    'From: MAILER-DAEMON@mx1.shop.example',
    'To: orders@shop.example',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx1.shop.example',
    '',
    'Final-Recipient: rfc822; jane\x1b[31m.doe@example.com',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
    '',
    '--b--',
    '',
  ].join('\r\n');
  const r = (await explain(dsn)).results[0];
  assert.equal(r.recipient, 'jane\x1b[31m.doe@example.com');
});

test('a positive SMTP reply that is about no delivery is no bounce, and says what it is (RFC 5321 4.2)', async () => {
  for (const [text, code] of [
    ['354 Start mail input; end with <CRLF>.<CRLF>', '354'],
    ['221 2.0.0 Bye', '221'],
    ['220 mx.example.com ESMTP Postfix', '220'],
  ] as const) {
    const r = await explain(text);
    assert.equal(r.kind, 'not-bounce', text);
    assert.equal(r.results.length, 0);
    assert.match(r.note ?? '', new RegExp(`positive SMTP reply \\(${code}: .+\\), not a failure`));
  }
  // 250 accepts the message: read as delivered
  assert.equal((await explain('250 2.0.0 Ok: queued as ABC')).results[0].reason, 'delivered');
  // a session transcript that starts with the greeting and then fails is the failure
  const transcript = '220 mx.example.com ESMTP\n250 mx.example.com\n550 5.1.1 <a@b.example>: User unknown\n';
  const [r] = (await explain(transcript)).results;
  assert.equal(r.reason, 'userunknown');
  assert.equal(r.recipient, 'a@b.example');
});

test('a delivery report whose body is gone says so instead of only "not a delivery report"', async () => {
  const r = await explain(
    'From: MAILER-DAEMON@x.example\nSubject: Undelivered Mail Returned to Sender\nContent-Type: multipart/report; report-type=delivery-status; boundary=Z\n',
  );
  assert.equal(r.kind, 'not-bounce');
  assert.match(r.note ?? '', /says it is a delivery report .* no recipient's delivery status could be read/);
  // an ordinary message carries no such note
  const plain = await explain('From: a@example.org\nSubject: hi\n\nhello\n');
  assert.equal(plain.note, undefined);
});
