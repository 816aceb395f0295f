// The message-headers cases of ../shared/corpus/cases (C32, C34): offline (what the headers show)
// and with a memory zone stating the records each case describes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditMessage } from '../../../src/auth/message/index.js';
import { memoryResolver } from '../../../src/dns/index.js';
import { caseInput, corpusCases } from '../corpus-cases.js';

interface Expected {
  from_domain: string;
  spf: { result: string; domain: string; aligned: boolean };
  dkim: Array<{ result: string; d?: string; aligned?: boolean }>;
  dmarc: { result: string; policy?: string; disposition?: string; action?: string };
  compauth?: { result: string; reason: string };
}
const cases = corpusCases<Expected>('message-headers');
const byId = (id: string) => cases.find((c) => c.id === id)!;

describe('message-headers cases', () => {
  it('the corpus has the two cases this suite knows', () => {
    assert.deepEqual(
      cases.map((c) => c.id),
      ['C32', 'C34'],
    );
  });

  for (const c of cases) {
    it(`${c.id}: identities, alignment and DMARC as the headers show them (offline)`, async () => {
      const e = c.expected;
      const a = await auditMessage(caseInput(c), { offline: true });
      assert.equal(a.mode, 'offline');
      assert.equal(a.from.domain, e.from_domain);
      assert.ok(a.spf);
      assert.equal(a.spf.result, e.spf.result);
      assert.equal(a.spf.domain, e.spf.domain);
      assert.equal(a.spf.alignment?.aligned, e.spf.aligned);
      for (const d of e.dkim) {
        if (d.result === 'none') {
          assert.equal(a.signatures.length, 0);
          assert.ok(a.dkim.every((x) => x.result !== 'pass'));
          assert.equal(a.receiver?.dkim[0]?.result, 'none');
          continue;
        }
        const mine = a.dkim.find((x) => x.domain === d.d);
        assert.ok(mine, `DKIM d=${d.d}`);
        assert.equal(mine.result, d.result);
        assert.equal(mine.alignment?.aligned, d.aligned);
        assert.equal(mine.counts, false);
      }
      assert.equal(a.dmarc[0].result, e.dmarc.result);
      if (e.dmarc.policy) assert.equal(a.dmarc[0].policy, e.dmarc.policy);
      if (e.dmarc.disposition) assert.equal(a.dmarc[0].disposition, e.dmarc.disposition);
      if (e.dmarc.action) assert.equal(a.receiver?.dmarc?.disposition, e.dmarc.action);
      if (e.compauth) assert.deepEqual(a.receiver?.compauth, e.compauth);
      // must_not: calling the message authenticated because SPF and DKIM say pass
      assert.ok(!/\bpass(es)?\b/i.test(a.verdict.split(';')[0]), a.verdict);
      assert.ok(a.rootCause);
      assert.ok(a.unchecked.some((u) => /offline/.test(u)));
    });
  }

  it('C32: an ESP signing with its own domain and using its own bounce domain; p=none', async () => {
    const a = await auditMessage(caseInput(byId('C32')), { offline: true });
    assert.equal(a.verdict, 'DMARC fails; delivered only because the policy is p=none');
    assert.equal(a.rootCause?.code, 'esp-own-domains');
    assert.match(a.rootCause!.text, /SocketLabs/);
    assert.match(a.rootCause!.text, /d=email-od\.com/);
    assert.match(a.rootCause!.text, /neither identifier aligns with example\.org/);
    assert.match(a.fixes[0], /custom DKIM .*d=example\.org/);
    assert.match(a.fixes[1], /custom return-path .*subdomain of example\.org/);
    assert.match(a.fixes[2], /tighten p=/);
    assert.match(a.spf!.why, /email-od\.com is not example\.org nor a subdomain of it/);
    // the truncated DKIM-Signature in the case lacks b=, bh= and h=
    assert.ok(a.findings.some((f) => f.code === 'dkim.signature-tag-missing'));
    // no Return-Path: the envelope comes from the receiver's smtp.mailfrom
    assert.equal(a.mailFrom?.source, 'receiver-results');
    assert.equal(a.mailFrom?.domain, 'email-od.com');
    // the receiver left no Received line: the IP is a guess and says so
    assert.equal(a.ip?.address, '198.51.100.12');
    assert.equal(a.ip?.confident, false);
    assert.match(a.ip!.why, /none of the Received lines was written by the receiver/);
  });

  it("C34: Gmail's send-mail-as with a custom domain; compauth=fail reason=001 surfaced", async () => {
    const a = await auditMessage(caseInput(byId('C34')), { offline: true });
    assert.equal(a.receiver?.authservId, undefined); // Microsoft's format has no authserv-id
    assert.match(a.verdict, /^DMARC fails/);
    assert.match(a.verdict, /Microsoft composite authentication fail \(reason 001/);
    assert.match(a.verdict, /junk/);
    assert.equal(a.rootCause?.code, 'sent-via-mailbox-provider');
    assert.match(a.rootCause!.text, /Gmail/);
    assert.match(a.rootCause!.text, /no DKIM signature for example\.org/);
    assert.match(a.fixes[0], /DKIM-signs with d=example\.org/);
    assert.match(a.fixes[1], /example\.org's SPF record/);
    assert.equal(a.ip?.address, '198.51.100.42');
    assert.equal(a.ip?.source, 'receiver-results');
    assert.equal(a.mailFrom?.address, 'user@gmail.com');
  });

  it('C32 with DNS: our SPF and DMARC agree with the receiver; RFC 9989 and RFC 7489 both fail at p=none', async () => {
    const resolver = memoryResolver({
      'email-od.com': { TXT: [['v=spf1 ip4:198.51.100.0/24 -all']] },
      'example.org': { TXT: [['v=spf1 -all']] },
      '_dmarc.example.org': { TXT: [['v=DMARC1; p=none; rua=mailto:dmarc@example.org']] },
    });
    const a = await auditMessage(caseInput(byId('C32')), { resolver });
    assert.equal(a.mode, 'dns');
    assert.equal(a.spf?.source, 'evaluated');
    assert.equal(a.spf?.result, 'pass');
    assert.equal(a.spf?.alignment?.aligned, false);
    // headers only: DKIM as the receiver recorded it
    assert.equal(a.dkim[0].source, 'receiver');
    assert.ok(a.unchecked.some((u) => /body is not present/.test(u)));
    assert.deepEqual(
      a.dmarc.map((d) => [d.mode, d.result, d.policy, d.policyDomain]),
      [
        ['rfc9989', 'fail', 'none', 'example.org'],
        ['rfc7489', 'fail', 'none', 'example.org'],
      ],
    );
    assert.equal(a.differences.length, 0);
    assert.equal(a.rootCause?.code, 'esp-own-domains');
  });

  it('C34 with DNS: a changed SPF record shows as a difference from the receiver', async () => {
    const resolver = memoryResolver({
      'gmail.com': { TXT: [['v=spf1 ip4:203.0.113.0/24 -all']] },
      '_dmarc.example.org': { TXT: [['v=DMARC1; p=quarantine']] },
    });
    const a = await auditMessage(caseInput(byId('C34')), { resolver });
    assert.equal(a.spf?.result, 'fail');
    assert.equal(a.differences[0]?.method, 'spf');
    assert.equal(a.differences[0]?.receiver, 'pass for gmail.com');
    assert.match(a.differences[0]?.why, /changed since the message was delivered/);
    assert.equal(a.dmarc[0].result, 'fail');
    assert.equal(a.dmarc[0].policy, 'quarantine');
    assert.match(a.verdict, /p=quarantine/);
  });
});
