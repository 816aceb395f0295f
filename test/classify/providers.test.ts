// A few provider rules: each is the provider's own code or wording deciding the reason.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify } from '../../src/classify/index.js';
import { PROVIDERS } from '../../src/classify/providers/index.js';
import type { RawRecipient } from '../../src/types.js';

const ctx = { kind: 'bounce' as const, format: 'test' };
const run = (raw: Partial<RawRecipient>) => classify({ recipient: 'someone@example.com', ...raw }, ctx);

describe('provider rules', () => {
  it('Microsoft S3140: the sending network is blocked, not the recipient', () => {
    const c = run({
      diagnosticCode:
        "550 5.7.1 Unfortunately, messages from [203.0.113.116] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140).",
      remoteMta: 'hotmail-com.olc.protection.outlook.com',
    });
    assert.equal(c.provider, 'microsoft');
    assert.equal(c.providerCode, 'S3140');
    assert.equal(c.reason, 'blocked');
    assert.equal(c.category, 'sender-blocked');
    assert.equal(c.bounceType, 'block');
    assert.equal(c.hardbounce, false);
  });

  it('Microsoft 5.7.509: DMARC reject of the sending domain', () => {
    const c = run({
      diagnosticCode:
        '550 5.7.509 Access denied, sending domain [EXAMPLE.JP] does not pass DMARC verification',
      remoteMta: 'x.prod.outlook.com',
    });
    assert.equal(c.reason, 'authfailure');
    assert.equal(c.category, 'authentication');
  });

  it("Microsoft 5.7.515: the domain does not meet Outlook.com's authentication requirements", () => {
    const text =
      "550 5.7.515 Access denied, sending domain SHOP.EXAMPLE doesn't meet the required authentication level.";
    const c = run({ diagnosticCode: text, remoteMta: 'x.olc.protection.outlook.com' });
    assert.equal(c.reason, 'authfailure');
    assert.equal(c.category, 'authentication');
    assert.equal(c.providerCode, '5.7.515');
    // the words alone (no Microsoft host named) say the same
    assert.equal(run({ diagnosticCode: text }).reason, 'authfailure');
  });

  it('Microsoft 5.4.1 "Access denied" from directory-based edge blocking is a missing address', () => {
    const c = run({
      diagnosticCode:
        '550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [x.eop-nam10.prod.protection.outlook.com]',
    });
    assert.equal(c.reason, 'userunknown');
    assert.equal(c.bounceType, 'hard');
    assert.equal(c.hardbounce, true);
  });

  it('Yahoo TSS04 is a temporary rate limit on the sending IP', () => {
    const c = run({
      replyCode: '421',
      status: '4.7.0',
      diagnosticCode:
        '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints',
      remoteMta: 'mta7.am0.yahoodns.net',
    });
    assert.equal(c.provider, 'yahoo');
    assert.equal(c.reason, 'badreputation');
    assert.equal(c.category, 'rate-limited');
    assert.equal(c.bounceType, 'soft');
  });

  it('Gmail 4.7.28 is rate limiting; 5.7.26 is authentication', () => {
    assert.equal(
      run({
        diagnosticCode: '421-4.7.28 Our system has detected an unusual rate of unsolicited mail - gsmtp',
      }).category,
      'rate-limited',
    );
    const auth = run({
      diagnosticCode: '550-5.7.26 This mail has been blocked because the sender is unauthenticated. - gsmtp',
    });
    assert.equal(auth.reason, 'authfailure');
    // the "sender is unauthenticated" wording (neither SPF nor DKIM passed) has its own advice
    assert.equal(auth.providerCode, 'gmail:unauthenticated');
    const dmarc = run({
      diagnosticCode:
        "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy - gsmtp",
    });
    assert.equal(dmarc.reason, 'authfailure');
    assert.equal(dmarc.providerCode, '5.7.26');
  });

  it('Orange codes name the cause in their number', () => {
    assert.equal(
      run({
        diagnosticCode:
          '550 5.5.0 Le compte du destinataire est bloque. The recipient account is blocked. LPN007_426',
      }).reason,
      'suspend',
    );
    assert.equal(
      run({
        diagnosticCode: '550 5.2.0 Mail rejete. Mail rejected. OFR_506 [506]',
        remoteMta: 'smtp.wanadoo.fr',
      }).reason,
      'spamdetected',
    );
  });

  it('mail.ru DMARC text, in English and Russian', () => {
    assert.equal(
      run({
        diagnosticCode:
          '550 5.7.1 This message was not accepted due to domain owner DMARC policy (RFC 7489) https://help.mail.ru/mail-help/postmaster/dmarc',
      }).reason,
      'authfailure',
    );
    assert.equal(
      run({
        diagnosticCode: '550 Сообщение отклонено в соответствии с политикой DMARC',
        remoteMta: 'mxs.mail.ru',
      }).reason,
      'authfailure',
    );
  });

  it('MessageLabs is recognised by the MTA that wrote the notice', () => {
    const ml = { reportingMta: 'server-0.bemta-0.messagelabs.com', status: '5.0.0' };
    const auth = run({
      ...ml,
      diagnosticCode: '550-Please turn on SMTP Authentication in your mail client.',
    });
    assert.equal(auth.reason, 'securityerror');
    assert.equal(auth.provider, 'messagelabs');
    // its "No such user" is a missing address even without the RCPT stage
    assert.equal(
      run({ ...ml, diagnosticCode: '550 someone@example.com... No such user' }).reason,
      'userunknown',
    );
    // the same words from an unknown MTA, without stage or addressing status: a filter
    assert.equal(
      run({ status: '5.0.0', diagnosticCode: '550 someone@example.com... No such user' }).reason,
      'filtered',
    );
  });

  it('docomo: "550 Unknown user" at RCPT is a missing address, after DATA the sender was refused', () => {
    const docomo = { recipient: 'someone@docomo.ne.jp', remoteMta: 'mfsmax.docomo.ne.jp', status: '5.0.0' };
    const text = '550 Unknown user someone@docomo.ne.jp';
    assert.equal(run({ ...docomo, diagnosticCode: text, smtpCommand: 'RCPT' }).reason, 'userunknown');
    const data = run({ ...docomo, diagnosticCode: text, smtpCommand: 'DATA' });
    assert.equal(data.reason, 'rejected');
    assert.equal(data.category, 'recipient-restricted');
    assert.equal(data.hardbounce, false);
  });

  it('every rule names its source', () => {
    for (const pr of PROVIDERS) {
      assert.ok(pr.markers.length > 0, pr.name);
      for (const r of pr.rules) assert.ok(r.source.length > 10, `${pr.name}: ${r.reason}`);
    }
  });
});
