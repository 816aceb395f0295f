import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { findReplyParts, findSmtpCommand, parseReplyText } from '../../src/classify/reply.js';

describe('parseReplyText', () => {
  it('reads a single-line reply', () => {
    const r = parseReplyText('550 5.1.1 <someone@example.com>... User unknown');
    assert.ok(r);
    assert.equal(r.replyCode, '550');
    assert.equal(r.status, '5.1.1');
    assert.equal(r.text, '<someone@example.com>... User unknown');
  });

  it('joins multi-line continuation replies and removes their codes', () => {
    const r = parseReplyText(
      "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's\n" +
        '550-5.7.26 DMARC policy. Please contact the administrator of example.com domain\n' +
        '550 5.7.26 DMARC initiative. d2si10099441pfa.1 - gsmtp',
    );
    assert.ok(r);
    assert.equal(r.replyCode, '550');
    assert.equal(r.status, '5.7.26');
    assert.equal(
      r.text,
      "Unauthenticated email from example.com is not accepted due to domain's DMARC policy. Please contact the administrator of example.com domain DMARC initiative. d2si10099441pfa.1 - gsmtp",
    );
  });

  it('reads a reply quoted in a Postfix log line, with stage, relay and recipient', () => {
    const r = parseReplyText(
      'Jun  1 10:00:00 mx postfix/smtp[123]: 4F2A: to=<a@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, ' +
        'dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.1 <a@example.org>: Recipient address ' +
        'rejected: User unknown in virtual alias table (in reply to RCPT TO command))',
    );
    assert.ok(r);
    assert.equal(r.replyCode, '550');
    assert.equal(r.status, '5.1.1');
    assert.equal(r.smtpCommand, 'RCPT');
    assert.equal(r.recipient, 'a@example.org');
    assert.equal(r.remoteMta, 'mx.example.org');
    assert.equal(r.text, '<a@example.org>: Recipient address rejected: User unknown in virtual alias table');
  });

  it('reads an Exim log line with the stage after RCPT TO:<address>', () => {
    const r = parseReplyText(
      '** b@example.net R=dnslookup T=remote_smtp H=mx.example.net [192.0.2.7]: SMTP error from remote mail server ' +
        'after RCPT TO:<b@example.net>: 550 5.2.1 The email account that you tried to reach is disabled.',
    );
    assert.ok(r);
    assert.equal(r.replyCode, '550');
    assert.equal(r.status, '5.2.1');
    assert.equal(r.smtpCommand, 'RCPT');
    assert.equal(r.recipient, 'b@example.net');
    assert.equal(r.text, 'The email account that you tried to reach is disabled.');
  });

  it('finds a reply code split from its status across lines (Postfix notice)', () => {
    const r = parseReplyText(
      '<user@example.com>: host mta7.example.net[198.51.100.94] said: 421\n4.7.0 [TSS04] Messages from 203.0.113.214 ' +
        'temporarily deferred - 4.16.55.1; see https://postmaster.example (in reply to MAIL FROM command)',
    );
    assert.ok(r);
    assert.equal(r.replyCode, '421');
    assert.equal(r.status, '4.7.0');
    assert.equal(r.smtpCommand, 'MAIL');
    assert.equal(r.recipient, 'user@example.com');
    assert.equal(r.remoteMta, 'mta7.example.net');
  });

  it('removes continuation marks kept inside a one-line paste, also mangled ones', () => {
    const r = parseReplyText(
      '421-4.7.28 Our system has detected an unusual rate of 421-4.7.28 unsolicited mail 421-x.x.xx users 421 x.x.xx review',
    );
    assert.ok(r);
    assert.equal(r.status, '4.7.28');
    assert.equal(r.text, 'Our system has detected an unusual rate of unsolicited mail users review');
  });

  it('does not take pieces of an IP address or version for a status', () => {
    const r = parseReplyText('550 Client 192.0.2.1 rejected, see 4.16.55.1');
    assert.ok(r);
    assert.equal(r.replyCode, '550');
    assert.equal(r.status, '');
  });

  it('accepts a code-less text only when it is worded like a failure', () => {
    const de = parseReplyText(
      'Das Postfach des Empfängers ist voll und kann zurzeit keine Nachrichten annehmen.',
    );
    assert.ok(de);
    assert.equal(de.replyCode, '');
    assert.equal(de.status, '');
    assert.equal(parseReplyText('Hello, see you tomorrow at the meeting.'), null);
    // common words alone do not make a reply; with failure wording they do
    assert.equal(parseReplyText('I blocked that caller on my phone.'), null);
    assert.ok(parseReplyText('permanent failure for one or more recipients (a@example.com:blocked)'));
    assert.equal(parseReplyText(''), null);
  });
});

describe('findReplyParts', () => {
  it('reads a Diagnostic-Code value', () => {
    assert.deepEqual(findReplyParts('550 5.7.1 Email rejected per DMARC policy'), {
      replyCode: '550',
      status: '5.7.1',
    });
  });
  it('finds a status without a reply code', () => {
    assert.deepEqual(findReplyParts('Sorry, I could not find a mail exchanger (#5.4.4)'), {
      replyCode: '',
      status: '5.4.4',
    });
  });
  it('does not pair a reply code with a status of another class', () => {
    assert.deepEqual(findReplyParts('421 temporary, was 5.1.1 before'), { replyCode: '', status: '5.1.1' });
  });
  it('takes only RFC 5321 reply codes (second digit 0-5)', () => {
    assert.equal(findReplyParts('571 No PTR Record found. Reverse DNS required').replyCode, '');
    assert.equal(findReplyParts('554 No PTR Record found').replyCode, '554');
  });
  it('names the SMTP stage', () => {
    assert.equal(findSmtpCommand('(in reply to end of DATA command)'), 'DATA');
    assert.equal(findSmtpCommand('SMTP error from remote mail server after MAIL FROM:<x@y> SIZE=1:'), 'MAIL');
    assert.equal(findSmtpCommand('550 550 <a@b.example>: User unknown (state 14).'), 'RCPT');
    assert.equal(findSmtpCommand('550 550 Unknown user a@b.example (state 18).'), 'DATA');
    assert.equal(findSmtpCommand('no stage here'), undefined);
  });
});

test("a text without a code is a reply when it names a cause; words about one's own setup alone are not", () => {
  for (const text of [
    'User unknown',
    'Mailbox full',
    'Message rejected: SPF check failed for the sending server',
  ])
    assert.ok(parseReplyText(text), text);
  for (const text of [
    'Hi team, I updated our SPF record and DMARC policy yesterday, please check.',
    'Our reverse DNS and TLS settings are done.',
  ])
    assert.equal(parseReplyText(text), null, text);
});

test('a reply after a log line prefix names its recipient', () => {
  const r = parseReplyText('[2026-12-03 09:00:05] smtp: 550 5.1.1 <jane@example.com>: User unknown');
  assert.equal(r?.recipient, 'jane@example.com');
  assert.equal(r?.status, '5.1.1');
});

test("a Postfix log line's status= says where the delivery stands (an RFC 3464 Action)", async () => {
  const line = (dsn: string, status: string, why: string) =>
    `Dec  4 10:00:00 mx postfix/smtp[123]: ABC: to=<a@example.org>, relay=none, delay=30, dsn=${dsn}, status=${status} (${why})`;
  const timeout = 'connect to mx.example.org[203.0.113.5]:25: Connection timed out';
  assert.equal(parseReplyText(line('4.4.1', 'deferred', timeout))?.action, 'delayed');
  assert.equal(parseReplyText(line('5.1.1', 'bounced', '550 5.1.1 User unknown'))?.action, 'failed');
  assert.equal(parseReplyText(line('2.0.0', 'sent', '250 2.0.0 Ok'))?.action, 'delivered');
  assert.equal(parseReplyText('550 5.1.1 User unknown')?.action, undefined);
  // a deferred delivery is still being retried: its advice does not say it gave up
  const { explain } = await import('../../src/index.js');
  const [r] = (await explain(line('4.4.1', 'deferred', timeout))).results;
  assert.equal(r.action, 'delayed');
  assert.equal(r.advice.stage, 'retrying');
  assert.doesNotMatch(r.advice.summary, /gave up/);
  assert.equal(r.bounceType, 'soft');
});

test('a reply names internationalized (RFC 6531) and quoted-string (RFC 5321 4.1.2) recipients', () => {
  const cases: [string, string][] = [
    ['550 5.1.1 <josé@exämple.de>: Recipient address rejected: User unknown', 'josé@exämple.de'],
    ['550 5.1.1 <пользователь@пример.рф>: User unknown', 'пользователь@пример.рф'],
    ['550 5.1.1 <"john doe"@example.com>: User unknown', '"john doe"@example.com'],
    ['550 5.1.1 <a@b.example>: User unknown', 'a@b.example'],
  ];
  for (const [text, recipient] of cases) assert.equal(parseReplyText(text)?.recipient, recipient, text);
  // full-width punctuation after an address is not part of it
  assert.equal(parseReplyText('550 5.1.1 <花子@例え.jp>：ユーザー不明')?.recipient, '花子@例え.jp');
});

test('the one address a reply names anywhere is the recipient, unless the words make it the sender', () => {
  const cases: [string, string | undefined][] = [
    ['550 5.1.1 User does not exist - <ghost@zoho.example>', 'ghost@zoho.example'],
    [
      "554 delivery error: dd This user doesn't have a yahoo.com account (nobody@yahoo.example) [0] - mta1234.mail.bf1.yahoo.com",
      'nobody@yahoo.example',
    ],
    [
      '550 Message was not accepted -- invalid mailbox.  Local mailbox ivan@mail.example is unavailable: user not found',
      'ivan@mail.example',
    ],
    ['550 5.7.1 Sender address rejected: <news@shop.example>', undefined],
    ['550 5.7.1 Message from <x@y.example> rejected', undefined],
    ['550 5.1.1 a@b.example and c@d.example unknown', undefined],
  ];
  for (const [text, recipient] of cases) assert.equal(parseReplyText(text)?.recipient, recipient, text);
});
