// The classifier weighs status, reply code, stage and text together.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify } from '../../src/classify/index.js';
import { PHRASE_TABLES } from '../../src/classify/phrases/index.js';
import type { ClassifyContext, RawRecipient } from '../../src/types.js';
import { deliveryStatusOnly } from '../dsn-fixture.js';

const bounce: ClassifyContext = { kind: 'bounce', format: 'test' };
const run = (raw: Partial<RawRecipient>, ctx = bounce) =>
  classify({ recipient: 'someone@example.com', ...raw }, ctx);

describe('classify', () => {
  it('a specific status outweighs vague words; vague status yields to specific words', () => {
    // 5.2.2 says "mailbox full" even if the words are generic
    assert.equal(run({ status: '5.2.2', diagnosticCode: '552 5.2.2 Rejected' }).reason, 'mailboxfull');
    // 5.7.1 only says "refused": the words name the cause
    assert.equal(
      run({ diagnosticCode: '550 5.7.1 Message content rejected, UBE, id=1' }).reason,
      'spamdetected',
    );
    // 5.2.1 ("mailbox disabled") with "rate" words: Gmail's ReceivingRate, a rate limit
    assert.equal(
      run({
        diagnosticCode:
          '550-5.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages',
      }).reason,
      'speeding',
    );
  });

  it('prefers the status in the server words over the DSN Status field', () => {
    const c = run({ status: '5.0.0', diagnosticCode: '550 5.1.1 <someone@example.com>... User unknown' });
    assert.equal(c.status, '5.1.1');
    assert.equal(c.replyCode, '550');
  });

  it('the SMTP stage corrects "user unknown" words said after DATA', () => {
    const rcpt = run({ diagnosticCode: '550 Unknown user someone@example.com', smtpCommand: 'RCPT' });
    assert.equal(rcpt.reason, 'userunknown');
    const data = run({ diagnosticCode: '550 Unknown user someone@example.com', smtpCommand: 'DATA' });
    assert.equal(data.reason, 'filtered');
    assert.equal(data.category, 'recipient-restricted');
    assert.equal(data.bounceType, 'block');
    assert.equal(data.hardbounce, false);
  });

  it('reply code 553 (mailbox name not allowed, RFC 5321 4.2.2) confirms "invalid recipient" words', () => {
    const text = '553 Invalid recipient someone@example.com (Mode: normal)';
    const c = run({ diagnosticCode: text, status: '5.0.0' });
    assert.equal(c.reason, 'userunknown');
    assert.equal(c.bounceType, 'hard');
    // the same words under a generic 550 and status 5.0.0, stage unknown, stay a filter
    assert.equal(run({ diagnosticCode: text.replace('553', '550'), status: '5.0.0' }).reason, 'filtered');
  });

  it('reads the reply form: an empty address slot came after DATA; au tells the two apart', () => {
    // status 5.0.0 alone does not confirm a missing address, and naming the address does not
    // either (Postfix and Sendmail name it after DATA too)
    assert.equal(
      run({ status: '5.0.0', diagnosticCode: '550 <someone@example.com>: User unknown' }).reason,
      'filtered',
    );
    // au (KDDI) names the address only when it does not exist
    const au = { recipient: 'someone@ezweb.ne.jp', status: '5.0.0' };
    assert.equal(
      run({ ...au, diagnosticCode: '550 <someone@ezweb.ne.jp>: User unknown' }).reason,
      'userunknown',
    );
    assert.equal(run({ ...au, diagnosticCode: '550 : User unknown' }).reason, 'filtered');
    assert.equal(run({ status: '5.0.0', diagnosticCode: '550 : User unknown' }).reason, 'filtered');
    assert.equal(run({ diagnosticCode: '550 : User unknown' }).reason, 'filtered');
    // Gmail's notice names its SMTP client's state: 14 is RCPT, 18 is after DATA
    const gmail = { kind: 'bounce' as const, format: 'gmail' };
    assert.equal(
      run({ diagnosticCode: '550 550 <a@b.example>: User unknown (state 14).' }, gmail).reason,
      'userunknown',
    );
    assert.equal(
      run({ diagnosticCode: '550 550 Unknown user a@b.example (state 18).' }, gmail).reason,
      'filtered',
    );
    // an addressing status (X.1.x) confirms it at any stage
    assert.equal(
      run({ diagnosticCode: '550 5.1.1 <someone@example.com>... User unknown', smtpCommand: 'DATA' }).reason,
      'userunknown',
    );
    // with neither stage nor status, a bare reply keeps its words; a bounce notice that does not
    // say RCPT reads them as a filter, unless they are a directory's own verdict
    assert.equal(
      run({ diagnosticCode: '550 No such user here' }, { kind: 'reply-text', format: 'reply-text' }).reason,
      'userunknown',
    );
    assert.equal(run({ diagnosticCode: '550 No such user here' }).reason, 'filtered');
    assert.equal(
      run({ diagnosticCode: 'User kijitora (a@b) not listed in Domino Directory' }).reason,
      'userunknown',
    );
  });

  it('a refusal at MAIL FROM or at the greeting is about the sender', () => {
    assert.equal(run({ diagnosticCode: '550 go away', smtpCommand: 'MAIL' }).reason, 'rejected');
    assert.equal(run({ diagnosticCode: '554 no', smtpCommand: 'CONN' }).reason, 'blocked');
  });

  it('a 4xx reply is soft whatever the cause, except a null MX', () => {
    assert.equal(
      run({ diagnosticCode: '450 4.7.1 Client host rejected: cannot find your hostname' }).bounceType,
      'soft',
    );
    assert.equal(
      run({ diagnosticCode: '550 5.7.1 Client host rejected: cannot find your hostname' }).bounceType,
      'block',
    );
    const nullMx = run({
      status: '4.0.0',
      diagnosticCode:
        "DNS Error: The domain example.org doesn't receive email according to the administrator: returned Null MX",
    });
    assert.equal(nullMx.reason, 'notaccept');
    assert.equal(nullMx.bounceType, 'hard');
    assert.equal(nullMx.hardbounce, false); // Sisimai: hardbounce only for a permanent notaccept
  });

  it('hardbounce follows Sisimai: dead address or domain only', () => {
    assert.equal(run({ diagnosticCode: '550 5.1.1 User unknown' }).hardbounce, true);
    assert.equal(run({ diagnosticCode: '550 Host unknown' }).hardbounce, true);
    assert.equal(run({ diagnosticCode: '550 5.1.6 recipient no longer on server' }).hardbounce, true);
    assert.equal(run({ diagnosticCode: '552 5.2.2 Mailbox full' }).hardbounce, false);
    assert.equal(run({ diagnosticCode: '550 5.7.1 blocked using zen.example' }).hardbounce, false);
  });

  it('derives a pseudo status when the bounce gives none', () => {
    assert.equal(run({ diagnosticCode: '550 Unknown user', smtpCommand: 'RCPT' }).status, '5.0.911');
    assert.equal(run({ diagnosticCode: 'retry timeout exceeded', replyCode: '' }).status, '5.0.947');
    // the class follows the server's codes, not the notice's Action
    assert.equal(run({ diagnosticCode: '421 Connection timed out' }).status, '4.0.947');
    const delayed = run({ diagnosticCode: 'Connection timed out', action: 'delayed' });
    assert.equal(delayed.status, '5.0.947');
    assert.equal(delayed.bounceType, 'soft');
    // ... or the server's words calling the failure temporary
    assert.equal(run({ diagnosticCode: 'Mailbox full, temporary failure' }).status, '4.0.922');
    // a transient filter has its own code
    assert.equal(run({ diagnosticCode: '450 Unknown user', smtpCommand: 'DATA' }).status, '4.0.924');
  });

  it('codes Exim notices as Exim reports them', () => {
    const exim = { kind: 'bounce' as const, format: 'exim' };
    // an expired delivery was retried as a temporary failure
    assert.equal(run({ diagnosticCode: 'retry timeout exceeded' }, exim).status, '4.0.947');
    // a refusal at MAIL FROM is coded "on hold", its class following the reply
    const mail = run({ diagnosticCode: '550 Unroutable sender address', smtpCommand: 'MAIL' }, exim);
    assert.equal(mail.reason, 'rejected');
    assert.equal(mail.status, '5.0.901');
    assert.equal(
      run({ diagnosticCode: '450 Sender verify failed', smtpCommand: 'MAIL' }, exim).status,
      '4.0.901',
    );
    // a refused greeting refuses the sending host, whatever the words
    const helo = run({ diagnosticCode: '550 Invalid HELO name, see RFC 2821', smtpCommand: 'EHLO' }, exim);
    assert.equal(helo.reason, 'blocked');
    assert.equal(helo.status, '5.0.971');
    // at the greeting the reason's own code
    assert.equal(run({ diagnosticCode: '554 Access denied', smtpCommand: 'CONN' }, exim).status, '5.0.971');
  });

  it('words that name no known cause are "on hold"; no words at all are "undefined"', () => {
    const held = run({ diagnosticCode: 'Unexpected condition 42', status: '5.0.0' });
    assert.equal(held.reason, 'onhold');
    assert.equal(held.bounceType, 'block');
    assert.equal(run({ diagnosticCode: 'Unexpected condition 42' }).status, '5.0.901');
    const none = run({ status: '5.0.0' });
    assert.equal(none.reason, 'undefined');
    assert.equal(run({}).status, '5.0.900');
  });

  it('knows feedback reports, auto-replies and deliveries', () => {
    assert.equal(run({ feedbackType: 'abuse' }, { kind: 'feedback', format: 'arf' }).reason, 'feedback');
    const vac = run({}, { kind: 'autoreply', format: 'rfc3834' });
    assert.equal(vac.reason, 'vacation');
    assert.equal(vac.status, '');
    assert.equal(run({ action: 'delivered', status: '2.1.5' }).reason, 'delivered');
  });

  it('reads the common reasons in the corpus languages', () => {
    const texts: [string, string][] = [
      ['Das Postfach des Empfängers ist voll', 'mailboxfull'],
      ['Adresse destinataire invalide. Invalid recipient.', 'userunknown'],
      ['Usuario desconocido', 'userunknown'],
      ['Utente sconosciuto', 'userunknown'],
      ['Caixa postal cheia', 'mailboxfull'],
      ['Почтовый ящик переполнен', 'mailboxfull'],
      ['宛先不明のため配送できませんでした', 'userunknown'],
      ['收件人不存在', 'userunknown'],
    ];
    for (const [text, reason] of texts)
      assert.equal(run({ diagnosticCode: text, smtpCommand: 'RCPT' }).reason, reason, text);
  });

  it('greylisting (RFC 6647) is a temporary first refusal that nobody has to act on', () => {
    for (const diagnosticCode of [
      '451 4.7.1 <jane@example.com>: Recipient address rejected: Greylisted, see https://postgrey.schweikert.ch/help/example.com.html',
      '450 4.2.0 <jane@example.com>: Recipient address rejected: Greylisted for 300 seconds',
      '451 Temporary local problem - please try later (graylisting)',
    ]) {
      const c = run({ diagnosticCode });
      assert.equal(c.category, 'temporary', diagnosticCode);
      assert.equal(c.party, 'none', diagnosticCode);
      assert.equal(c.bounceType, 'soft', diagnosticCode);
      assert.equal(c.providerCode, 'greylisted', diagnosticCode);
    }
  });

  it('reads common MTA wordings', () => {
    const cases: [Partial<RawRecipient>, string][] = [
      [{ diagnosticCode: 'retry timeout exceeded' }, 'expired'],
      [
        { diagnosticCode: 'connect to mx.example.org[192.0.2.1]:25: Connection timed out', status: '4.4.1' },
        'expired',
      ],
      [
        { diagnosticCode: 'Name service error for domain example.org: Host not found, try again' },
        'networkerror',
      ],
      [
        {
          diagnosticCode:
            'Host or domain name not found. Name service error for name=example.org type=A: Host not found',
        },
        'hostunknown',
      ],
      [{ diagnosticCode: 'an MX or SRV record indicated no SMTP service' }, 'notaccept'],
      [{ diagnosticCode: '554 5.7.1 <x@example.org>: Relay access denied' }, 'norelaying'],
      [
        { diagnosticCode: '553 5.1.8 <a@b.example>... Domain of sender address a@b.example does not exist' },
        'rejected',
      ],
      [{ diagnosticCode: '550 5.7.1 Client host rejected: blocked using zen.spamhaus.org' }, 'blocked'],
      [{ diagnosticCode: '550 5.7.1 Access denied', smtpCommand: 'MAIL' }, 'rejected'],
      [{ diagnosticCode: '552 5.3.4 Message too big for system' }, 'mesgtoobig'],
      [{ diagnosticCode: '550 Virus Detected; Content Rejected' }, 'virusdetected'],
      [{ diagnosticCode: '451 4.0.0 Operating system error', status: '4.5.0' }, 'mailererror'],
      // a local delivery program's complaint is the mailer's failure, a full mailbox stays one
      [
        {
          diagnosticCode: 'procmail: Couldn\'t create "/var/spool/mail/a" id: a.example.org: No such user',
          status: '5.1.1',
        },
        'mailererror',
      ],
      [{ diagnosticCode: 'procmail: Quota exceeded while writing "/var/spool/mail/a"' }, 'mailboxfull'],
      // RFC 5248: reply code 525 is a disabled account
      [{ diagnosticCode: '525 Access to this mailbox is not possible' }, 'suspend'],
      // a full mailbox worded with "size limit" is a full mailbox, not a big message
      [{ diagnosticCode: '552 Mailbox size limit exceeded', smtpCommand: 'RCPT' }, 'mailboxfull'],
      [{ diagnosticCode: '552 Message size limit exceeded', smtpCommand: 'DATA' }, 'mesgtoobig'],
      // Exim could not route the address: its domain
      [{ diagnosticCode: 'Unrouteable address' }, 'hostunknown'],
      [{ diagnosticCode: '550 Unroutable sender address', smtpCommand: 'MAIL' }, 'rejected'],
      // a host or domain name, not a mailbox, that "does not exist"
      [{ diagnosticCode: '553 mx.example.org does not exist', smtpCommand: 'DATA' }, 'hostunknown'],
      [
        { diagnosticCode: 'Deferred: Name server: example.org.: host name lookup failure', status: '4.4.7' },
        'networkerror',
      ],
      // Gmail's own verdict in its notice holds without the stage
      [
        {
          status: '5.0.0',
          diagnosticCode:
            "Your message wasn't delivered to a@example.org because the address couldn't be found. Check for typos or unnecessary spaces and try again.",
        },
        'userunknown',
      ],
    ];
    for (const [raw, reason] of cases) assert.equal(run(raw).reason, reason, raw.diagnosticCode);
  });

  it('reads a Status field with a comment after the code', () => {
    assert.equal(run({ status: '5.1.1 (Remote SMTP server has rejected address)' }).status, '5.1.1');
  });

  it('keeps evidence of what decided', () => {
    const c = run({ diagnosticCode: '550 5.7.1 Email rejected per DMARC policy for example.com' });
    assert.ok(
      c.evidence.some((e) => e.includes('dmarc policy')),
      c.evidence.join('; '),
    );
  });

  it('phrase tables are lower case, non-empty and sourced', () => {
    for (const t of PHRASE_TABLES) {
      for (const p of t.phrases) {
        const parts = typeof p.text === 'string' ? [p.text] : p.text;
        for (const part of parts) {
          assert.ok(part.length >= 2, `${t.reason}: "${part}"`);
          assert.equal(part, part.toLowerCase(), `${t.reason}: "${part}" must be lower case`);
        }
        assert.ok(p.source.length > 5, `${t.reason}: "${parts.join('...')}" has no source`);
      }
    }
  });
});

it("a Status field of the other class beside the server's own reply: the reply's status and its code go together", async () => {
  const { explain } = await import('../../src/index.js');
  const dsn = deliveryStatusOnly([
    'Final-Recipient: rfc822; lead1@prospect.example',
    'Action: failed',
    'Status: 4.0.0',
    'Diagnostic-Code: smtp; 550 5.1.1 <lead1@prospect.example>: Recipient address rejected: User unknown',
  ]);
  const [r] = (await explain(dsn)).results;
  assert.equal(r.status, '5.1.1');
  assert.equal(r.replyCode, '550');
});
