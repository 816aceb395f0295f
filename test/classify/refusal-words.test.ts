// Words that look like one cause and mean another: "does not accept mail" of a domain (RFC 7505
// null MX, X.3.2) against "does not accept mail from <a sender>"; a link on a blocklist (the
// content) against an IP on a blocklist (the sender); the receiver's content rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explain } from '../../src/index.js';
import { deliveryStatusOnly } from '../dsn-fixture.js';

async function first(text: string) {
  const report = await explain(text);
  const [r] = report.results;
  return { reason: r.reason, category: r.category, bounceType: r.bounceType, party: r.party };
}

describe('refusals of a sender are blocks, not a domain without mail', () => {
  it('a recipient that takes no mail from this sender: filtered, the address is kept', async () => {
    assert.deepEqual(
      await first(
        '550 5.7.1 RCPT TO <x@y.example> rejected: recipient does not accept mail from this sender',
      ),
      { reason: 'filtered', category: 'recipient-restricted', bounceType: 'block', party: 'recipient' },
    );
  });
  it('a server that takes no mail from the sending IP: blocked', async () => {
    assert.deepEqual(await first('550 5.7.1 Our system does not accept mail from your IP 192.0.2.1'), {
      reason: 'blocked',
      category: 'sender-blocked',
      bounceType: 'block',
      party: 'sender',
    });
  });
  it('a domain that takes no mail at all stays notaccept (hard)', async () => {
    for (const text of [
      '556 5.1.10 example.org does not accept mail (null MX)',
      '550 5.3.2 System not accepting network messages',
    ]) {
      const r = await first(text);
      assert.equal(r.reason, 'notaccept', text);
      assert.equal(r.bounceType, 'hard', text);
    }
  });
});

describe('the content, not the sender', () => {
  it("the receiver's content rules: a content block", async () => {
    for (const text of [
      '550 5.7.1 Message rejected due to content restrictions',
      '550 5.7.1 Message rejected: message contains blocked content (URL) - pps',
    ])
      assert.deepEqual(
        await first(text),
        { reason: 'policyviolation', category: 'content-blocked', bounceType: 'block', party: 'content' },
        text,
      );
  });
  it('a link in the message on a blocklist is spam content; the IP on a blocklist stays blocked', async () => {
    const link = await first('550 5.7.1 This message contains a link that is on a blocklist');
    assert.equal(link.reason, 'spamdetected');
    assert.equal(link.category, 'content-blocked');
    const ip = await first(
      '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org',
    );
    assert.equal(ip.reason, 'blocked');
    assert.equal(ip.category, 'sender-blocked');
  });
});

describe('mail loops, throttling of a new IP, a From domain that is not the DKIM domain', () => {
  it('a mail loop (RFC 5321 6.3, X.4.6; Exchange 5.4.14) is the receiving side to fix, not a network fault', async () => {
    for (const text of [
      '554 5.4.6 Routing loop detected',
      '554 5.4.14 Hop count exceeded - possible mail loop ATTR34',
    ]) {
      const report = await explain(text);
      const [r] = report.results;
      assert.equal(r.reason, 'networkerror', text);
      assert.equal(r.category, 'recipient-domain');
      assert.equal(r.party, 'recipient');
      assert.match(r.advice.summary, /mail loop/);
      assert.equal(r.advice.retry.advised, false);
    }
  });
  it("Exchange Online's 451 4.7.500 'Server busy' restricts the IP for a while: blocked, soft", async () => {
    const r = await first(
      '451 4.7.500 Server busy. Please try again later from [203.0.113.7]. (S77719) [DM6NAM12FT012.eop-nam12.prod.protection.outlook.com]',
    );
    assert.deepEqual(r, {
      reason: 'blocked',
      category: 'sender-blocked',
      bounceType: 'soft',
      party: 'sender',
    });
  });
  it('a From domain that does not match the DKIM domain is an authentication failure (RFC 7489 3.1.1)', async () => {
    const r = await first(
      '550 5.7.32 Your email has been rejected because the From: header domain does not match DKIM domain.',
    );
    assert.equal(r.reason, 'authfailure');
    assert.equal(r.category, 'authentication');
  });
});

describe('"user unknown" that neither the stage nor the status confirms', () => {
  it('reads as a filter (as Sisimai reads it) and the advice says what the words claim and when to suppress', async () => {
    const dsn = deliveryStatusOnly([
      'Final-Recipient: rfc822; olduser@smallbiz.example',
      'Action: failed',
      'Status: 5.0.0',
      'Diagnostic-Code: smtp; 550 No such user here',
    ]);
    const [r] = (await explain(dsn)).results;
    assert.equal(r.reason, 'filtered');
    assert.equal(r.bounceType, 'block');
    assert.match(
      r.advice.summary,
      /says the address does not exist, but neither the SMTP stage nor the status confirms it/,
    );
    assert.ok(r.advice.steps.some((s) => /fails the same way .* suppress it/.test(s)));
    // at RCPT the same words are a dead address
    const [rcpt] = (
      await explain('550 5.1.1 <olduser@smallbiz.example>: No such user here (in reply to RCPT TO command)')
    ).results;
    assert.equal(rcpt.reason, 'userunknown');
  });
});

describe("Yahoo's 554 5.7.9 (help article SLN7253: the message failed SPF, DKIM or DMARC)", () => {
  it("keeps Sisimai's reason but reads as authentication, with the authentication advice", async () => {
    const report = await explain(
      '<bob@yahoo.com>: host mta6.am0.yahoodns.net[192.0.2.1] said: 554 5.7.9 Message not accepted for policy reasons. See https://senders.yahooinc.com/error-codes (in reply to end of DATA command)',
    );
    const [r] = report.results;
    assert.equal(r.reason, 'policyviolation');
    assert.equal(r.category, 'authentication');
    assert.equal(r.bounceType, 'block');
    assert.match(r.advice.summary, /Yahoo refused the message: it failed authentication/);
    assert.ok(r.advice.stepTopics.includes('authentication'));
  });
});

describe("iCloud's [CS01]/[HM08] 'local policy'", () => {
  it('gets iCloud advice (authentication, reputation, the postmaster page), not "read the rule"', async () => {
    const [r] = (
      await explain(
        '550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137',
      )
    ).results;
    assert.equal(r.reason, 'policyviolation');
    assert.match(r.advice.summary, /iCloud Mail refused the message under its own sending policy/);
    assert.ok(r.advice.steps.some((s) => /postmaster page/.test(s)));
  });
});
