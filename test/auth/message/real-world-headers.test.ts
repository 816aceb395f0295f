// Real received messages (../shared/corpus/dkim/real-world-headers; their DNS keys are gone):
// header reading, the hop taken for the sending IP, the receiver's results and the alignment
// explanations, offline.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { auditMessage } from '../../../src/auth/message/index.js';

const load = (name: string) =>
  readFileSync(new URL(`../../../../shared/corpus/dkim/real-world-headers/${name}`, import.meta.url));
const offline = (name: string) => auditMessage(load(name), { offline: true });

describe('real-world headers (offline)', () => {
  it('authtest.eml (Gmail): skips Google-internal hops, reads the AR and the ARC set', async () => {
    const a = await offline('authtest.eml');
    assert.equal(a.from.domain, 'ekiri.ee');
    assert.deepEqual(a.mailFrom, { address: 'andris@ekiri.ee', domain: 'ekiri.ee', source: 'return-path' });
    assert.equal(a.ip?.address, '217.146.67.33');
    assert.equal(a.ip?.confident, true);
    assert.match(a.ip!.why, /Received #1 records no client address/);
    assert.match(a.ip!.why, /mx\.google\.com recorded the client uvn-67-33\.tll01\.zonevs\.eu/);
    assert.equal(a.helo?.name, 'uvn-67-33.tll01.zonevs.eu');
    assert.equal(a.receiver?.authservId, 'mx.google.com');
    assert.equal(a.spf?.result, 'pass');
    assert.equal(a.spf?.alignment?.aligned, true);
    assert.deepEqual(
      a.dkim.map((d) => [d.domain, d.result, d.source, d.counts]),
      [['ekiri.ee', 'pass', 'receiver', true]],
    );
    assert.equal(a.arc.sets.length, 1);
    assert.deepEqual(
      [a.arc.sets[0].cv, a.arc.sets[0].sealDomain, a.arc.sets[0].results?.authservId],
      ['none', 'google.com', 'mx.google.com'],
    );
    assert.equal(a.dmarc[0].result, 'unknown');
    assert.match(a.verdict, /would pass/);
    assert.equal(a.rootCause, undefined);
  });

  it('message2.eml (Mailgun -> Haraka): a subdomain envelope aligns relaxed; Received-SPF read', async () => {
    const a = await offline('message2.eml');
    assert.equal(a.from.domain, 'projectpending.com');
    assert.equal(a.mailFrom?.domain, 'mail.projectpending.com');
    assert.equal(a.ip?.address, '141.193.32.12');
    assert.equal(
      a.received[0].envelopeFrom,
      'bounce+9eed13.94256-andris=ethereal.email@mail.projectpending.com',
    );
    assert.match(
      a.spf!.why,
      /mail\.projectpending\.com and projectpending\.com share the organizational domain projectpending\.com/,
    );
    assert.equal(a.spf?.counts, true);
    // the DKIM signature is listed but was not verified offline
    assert.deepEqual(
      a.dkim.map((d) => [d.domain, d.source]),
      [['mail.projectpending.com', 'not-checked']],
    );
    assert.ok(a.unchecked.some((u) => /DKIM signatures were not verified/.test(u)));
  });

  it("message4.eml: the receiver's reason= is kept; d=out.srv.dev aligns relaxed with srv.dev", async () => {
    const a = await offline('message4.eml');
    assert.equal(a.spf, undefined);
    assert.equal(a.dkim[0].domain, 'out.srv.dev');
    assert.equal(a.dkim[0].detail, '1024-bit key; insecure key');
    assert.equal(a.dkim[0].alignment?.aligned, true);
    assert.equal(a.signatures[0].s, 'smtp');
    assert.deepEqual(a.signatures[0].h.slice(0, 3), ['message-id', 'content-type', 'mime-version']);
  });

  it('zproov.eml (Gmail -> Haraka): header.i gives the DKIM domain when header.d is absent', async () => {
    const a = await offline('zproov.eml');
    assert.equal(a.receiver?.authservId, 'zonemx.eu');
    assert.equal(a.dkim[0].domain, 'gmail.com');
    assert.equal(a.dkim[0].counts, true);
    assert.equal(a.ip?.address, '209.85.167.179');
    assert.equal(a.helo?.name, 'mail-oi1-f179.google.com');
  });

  it("with DNS but without the keys: DKIM becomes permerror (no key), and the receiver's pass is shown as a difference", async () => {
    const { memoryResolver } = await import('../../../src/dns/index.js');
    const a = await auditMessage(load('authtest.eml'), { resolver: memoryResolver({}) });
    const d = a.dkim.find((x) => x.domain === 'ekiri.ee');
    assert.equal(d?.result, 'permerror');
    assert.equal(d?.code, 'dkim.no-key');
    const diff = a.differences.find((x) => x.method === 'dkim');
    assert.equal(diff?.receiver, 'pass for d=ekiri.ee');
    assert.match(diff!.why, /key record has changed since delivery/);
  });
});
