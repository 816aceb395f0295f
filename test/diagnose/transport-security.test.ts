// TLS failures (STARTTLS RFC 3207, MTA-STS RFC 8461, DANE RFC 7672): a matter of the two mail
// servers' transport security, never of the sender domain's SPF, DKIM or DMARC. The sending MTA's
// own policy unmet by the receiver puts the recipient's mail administrator first; a receiver that
// demands STARTTLS puts the sending server's setup first. Neither names a DNS-authentication cause;
// nor does Exchange Online's "authentication required" of a recipient that takes internal senders only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advise } from '../../src/advise/index.js';
import { classify } from '../../src/classify/index.js';
import { diagnoseReport } from '../../src/diagnose/chain.js';
import { memoryResolver } from '../../src/dns/index.js';
import { explain } from '../../src/explain.js';
import type { RecipientResult } from '../../src/types.js';

/** A Postfix notice as its smtp(8) client writes it about the receiver, with the original headers. */
function postfixDsn(diagnostic: string, action: 'failed' | 'delayed', status = '4.7.5'): string {
  return [
    'From: MAILER-DAEMON@mail.shop.example (Mail Delivery System)',
    'To: orders@shop.example',
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Wed, 5 Mar 2025 08:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
    '',
    '--B1',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `<customer@partner.example>: ${diagnostic}`,
    '',
    '--B1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mail.shop.example',
    '',
    'Final-Recipient: rfc822; customer@partner.example',
    `Action: ${action}`,
    `Status: ${status}`,
    `Diagnostic-Code: X-Postfix; ${diagnostic}`,
    '',
    '--B1',
    'Content-Type: text/rfc822-headers',
    '',
    'From: Orders <orders@shop.example>',
    'To: customer@partner.example',
    'Subject: Your order',
    'Message-Id: <o1@shop.example>',
    '',
    '--B1--',
    '',
  ].join('\n');
}

/** shop.example with SPF and MX but no DMARC record: what a DNS cause would seize on. */
const noDmarc = {
  'shop.example': {
    TXT: [['v=spf1 ip4:198.51.100.0/24 -all']],
    MX: [{ priority: 10, exchange: 'mx1.shop.example' }],
  },
  'mx1.shop.example': { A: ['192.0.2.25'] },
};

async function diagnosed(input: string): Promise<RecipientResult> {
  const report = await explain(input);
  const done = await diagnoseReport(report, { resolver: memoryResolver(noDmarc as never) });
  return done.results[0];
}

const SENDING_POLICY: [string, string][] = [
  [
    'Postfix: no STARTTLS offered',
    'TLS is required, but was not offered by host mx.partner.example[192.0.2.10]',
  ],
  [
    'Postfix: refused to start TLS',
    'TLS is required, but host mx.partner.example[192.0.2.10] refused to start TLS: 454 4.7.0 TLS not available',
  ],
  ['Postfix: certificate', 'Server certificate not verified'],
  ['Postfix: DANE', 'TLSA lookup error for mx.partner.example:25'],
  ['MTA-STS', '451 4.7.5 MTA-STS policy enforcement: certificate mismatch for mx.partner.example'],
  ['Exim', 'a TLS session is required, but the server did not offer TLS support'],
];

describe("TLS failures of the sending server's own policy", () => {
  for (const [name, text] of SENDING_POLICY) {
    it(`${name}: failedstarttls, the recipient's mail servers, the TLS-policy advice`, () => {
      const c = classify(
        { recipient: 'customer@partner.example', status: '4.7.5', diagnosticCode: text },
        { kind: 'bounce', format: 'postfix' },
      );
      assert.equal(c.reason, 'failedstarttls');
      assert.equal(c.category, 'recipient-domain');
      assert.equal(c.party, 'recipient');
      assert.equal(c.providerCode, 'tls-policy');
      assert.equal(c.bounceType, 'soft');
      const a = advise(c, { kind: 'bounce', action: 'failed' });
      assert.match(a.summary, /^The sending server's TLS policy stopped delivery/);
      assert.ok(a.steps.some((s) => /recipient's mail administrator/.test(s)));
      assert.ok(a.steps.some((s) => /smtp_tls_security_level/.test(s)));
      assert.ok(!a.steps.some((s) => /SMTP authentication/.test(s)));
    });
  }

  it('with DNS where the sender domain has no DMARC record: no DMARC cause, no diagnosis at all', async () => {
    for (const [text, action] of [
      ['TLS is required, but was not offered by host mx.partner.example[192.0.2.10]', 'delayed'],
      ['Server certificate not verified', 'failed'],
      ['TLSA lookup error for mx.partner.example:25', 'delayed'],
    ] as const) {
      const r = await diagnosed(postfixDsn(text, action));
      assert.equal(r.reason, 'failedstarttls', text);
      assert.equal(r.party, 'recipient', text);
      assert.equal(r.diagnosis, undefined, text);
      assert.ok(!r.advice.steps.some((s) => /DMARC record|_dmarc/.test(s)), text);
    }
  });
});

describe('a receiver that demands STARTTLS', () => {
  it('"530 5.7.0 Must issue a STARTTLS command first": the sending server must start TLS; no DMARC cause', async () => {
    const input = postfixDsn(
      'host mx.partner.example[192.0.2.10] said: 530 5.7.0 Must issue a STARTTLS command first (in reply to MAIL FROM command)',
      'failed',
      '5.7.0',
    );
    const r = await diagnosed(input);
    assert.equal(r.reason, 'failedstarttls');
    assert.equal(r.party, 'sender');
    assert.equal(r.diagnosis, undefined);
    assert.equal(
      r.advice.summary,
      'The receiving server accepts mail only over an encrypted (TLS) connection, and none was set up',
    );
    assert.match(r.advice.steps[1], /Turn on STARTTLS for outgoing mail/);
  });
});

describe('Exchange Online RESOLVER.RST.AuthRequired', () => {
  it("the recipient takes internal senders only: the recipient's admin acts; no login advice, no DMARC cause", async () => {
    const input = postfixDsn(
      'host fabrikam-com.mail.protection.outlook.com[192.0.2.20] said: 550 5.7.1 RESOLVER.RST.AuthRequired; authentication required [Stage: CreateMessage]',
      'failed',
      '5.7.1',
    );
    const r = await diagnosed(input);
    assert.equal(r.reason, 'securityerror');
    assert.equal(r.category, 'recipient-restricted');
    assert.equal(r.party, 'recipient');
    assert.equal(r.diagnosis, undefined);
    assert.equal(
      r.advice.summary,
      'The recipient accepts mail only from senders inside its own organization (Microsoft 365: authentication required)',
    );
    assert.match(r.advice.steps[1], /administrator allow external senders/);
    assert.ok(!r.advice.steps.some((s) => /log in with SMTP authentication/.test(s)));
  });
});
