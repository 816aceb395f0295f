// What the chain claims when DNS could not be checked (offline, or a server that never answers): a
// cause that needs DNS evidence is named as likely, says what was not checked, and never stands in
// for another cause as a fact.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { diagnoseReport } from '../../src/diagnose/chain.js';
import { memoryResolver, zoneFileResolver } from '../../src/dns/index.js';
import { explain } from '../../src/explain.js';
import type { Diagnosis, Resolver } from '../../src/types.js';
import { RETURNED_HEADERS as HEADERS, wrapDsn } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = (name: string) => readFileSync(path.join(root, 'examples', name), 'utf8');

/** A DNS server that never answers. */
const silent: Resolver = async () => ({ rcode: 'TIMEOUT', answers: [] });

async function diagnosisOf(input: string, resolver?: Resolver): Promise<Diagnosis | undefined> {
  const report = await diagnoseReport(await explain(input), { resolver });
  return report.results[0]?.diagnosis;
}

describe('a DMARC permerror reply that the DNS asked here does not bear out', () => {
  it('a domain that does not exist here: the record stays the likely cause, the views differ', async () => {
    const d = await diagnosisOf(example('dmarc-permerror.eml'), memoryResolver({}));
    assert.equal(d?.code, 'dmarc-record-broken');
    assert.equal(d?.confidence, 'likely');
    assert.match(d?.rootCause ?? '', /the DNS asked here says shop\.example does not exist/);
    assert.match(d?.fix ?? '', /bouncedoc check shop\.example --dns 1\.1\.1\.1/);
  });

  it('a valid record here (corrected since?): likely, and said so', async () => {
    const zone = memoryResolver({
      '_dmarc.shop.example': { TXT: ['v=DMARC1; p=reject'] },
      'shop.example': {
        TXT: ['v=spf1 ip4:198.51.100.10 -all'],
        MX: [{ priority: 10, exchange: 'mx.shop.example' }],
      },
      'mx.shop.example': { A: ['198.51.100.20'] },
    });
    const d = await diagnosisOf(example('dmarc-permerror.eml'), zone);
    assert.equal(d?.code, 'dmarc-record-broken');
    assert.equal(d?.confidence, 'likely');
    assert.match(d?.rootCause ?? '', /has no fault \(it may have been corrected since\)/);
  });
});

describe('a DMARC permerror reply without DNS', () => {
  for (const [how, resolver, why] of [
    ['offline', undefined, /DNS was not checked \(offline\)/],
    ['DNS unreachable', silent, /DNS was not checked \(the DNS server did not answer\)/],
  ] as const) {
    it(`${how}: probably the DMARC record of the From domain, not checked; never dmarc-unaligned`, async () => {
      const d = await diagnosisOf(example('dmarc-permerror.eml'), resolver);
      assert.equal(d?.code, 'dmarc-record-broken');
      assert.equal(d?.confidence, 'likely');
      assert.match(d?.rootCause ?? '', /^Probably a broken DMARC record at _dmarc\.shop\.example/);
      assert.match(d?.rootCause ?? '', why);
      assert.doesNotMatch(d?.rootCause ?? '', /found no SPF or DKIM pass aligned/);
      assert.match(d?.fix ?? '', /`bouncedoc check shop\.example`/);
      assert.equal(d?.correctedRecord, undefined);
      assert.ok(
        d?.notChecked.some((n) => n.startsWith('the DMARC record at _dmarc.shop.example')),
        d?.notChecked.join('; '),
      );
    });
  }

  it('with the zone: the same cause, confirmed, with the corrected record', async () => {
    const d = await diagnosisOf(
      example('dmarc-permerror.eml'),
      zoneFileResolver(example('zones/shop.example.zone')),
    );
    assert.equal(d?.code, 'dmarc-record-broken');
    assert.equal(d?.confidence, 'confirmed');
    assert.equal(d?.correctedRecord?.fixed, 'v=DMARC1; p=reject; rua=mailto:dmarc@shop.example');
  });

  it('an SPF permerror reply is not a DMARC permerror, even when the DMARC record is broken too', async () => {
    const includes = Array.from({ length: 11 }, (_, i) => `include:s${i}.example.net`).join(' ');
    const zone: Record<string, unknown> = {
      'example.com': { TXT: [[`v=spf1 ${includes} -all`]] },
      '_dmarc.example.com': { TXT: [['v=DMARC1: p=reject']] },
    };
    for (let i = 0; i < 11; i++) zone[`s${i}.example.net`] = { TXT: [[`v=spf1 ip4:192.0.2.${i}/32 -all`]] };
    const reply = '550 5.7.23 SPF validation failed: permerror (too many DNS lookups)';
    const d = await diagnosisOf(wrapDsn(reply, 'a@receiver.example', HEADERS), memoryResolver(zone as never));
    assert.equal(d?.code, 'spf-permerror');
    // the DMARC fault is still passed on, as a further step
    assert.ok(d?.steps.some((s) => s.startsWith('Also correct the DMARC record at _dmarc.example.com')));
  });
});

describe('other causes that need DNS evidence, without it', () => {
  it("no-ptr offline is the receiver's word, not a checked fact", async () => {
    const reply =
      '550-5.7.25 [203.0.113.9] The IP address sending this message does not have a PTR record setup, ' +
      'or the corresponding forward DNS entry does not point to the sending IP. 550 5.7.25 gsmtp';
    const d = await diagnosisOf(wrapDsn(reply, 'someone@gmail.com', HEADERS));
    assert.equal(d?.code, 'no-ptr');
    assert.equal(d?.confidence, 'likely');
    assert.match(d?.rootCause ?? '', /^The receiver says the sending IP 203\.0\.113\.9 has no reverse DNS/);
    assert.match(d?.rootCause ?? '', /not checked here: DNS was not checked \(offline\)/);
  });

  it('a foreign From domain with DNS unreachable is still named, as likely', async () => {
    const headers = HEADERS.replace(/billing@example\.com/g, 'shop.owner@mail.ru');
    const reply =
      "550-5.7.1 Unauthenticated email from mail.ru is not accepted due to domain's DMARC policy. 550 5.7.1 gsmtp";
    const d = await diagnosisOf(wrapDsn(reply, 'customer@receiver.example', headers), silent);
    assert.equal(d?.code, 'foreign-from-domain');
    assert.equal(d?.confidence, 'likely');
    assert.match(d?.rootCause ?? '', /not looked up here: the DNS server did not answer/);
  });

  it('"SPF failed" offline: probably not listed, the record not checked', async () => {
    const d = await diagnosisOf(
      wrapDsn('550 5.7.23 SPF check failed for the sending server', 'a@receiver.example', HEADERS),
    );
    assert.equal(d?.code, 'spf-fail');
    assert.equal(d?.confidence, 'likely');
    assert.match(d?.rootCause ?? '', /the record was not checked \(offline\)/);
  });

  it('a refusal naming its block list is confirmed by the reply itself', async () => {
    const zone = memoryResolver({});
    const reply = '554 5.7.1 Service unavailable; Client host [203.0.113.7] blocked using zen.spamhaus.org';
    const d = await diagnosisOf(wrapDsn(reply, 'a@receiver.example', HEADERS), zone);
    assert.equal(d?.code, 'blocklisted-ip');
    assert.equal(d?.confidence, 'confirmed');
  });

  it('"listed" inside another word, or an allowlist that does not list the sender, names no block list', async () => {
    const zone = memoryResolver({});
    for (const reply of [
      '550 5.7.1 Sender address whitelisted only; you are not listed',
      '550 5.7.1 Your address is unlisted; sender not in allowlist',
    ]) {
      const d = await diagnosisOf(wrapDsn(reply, 'a@receiver.example', HEADERS), zone);
      assert.notEqual(d?.code, 'blocklisted-ip', reply);
    }
    const listed = '550 5.7.1 Client 203.0.113.7 is listed on bl.example.net';
    const d = await diagnosisOf(wrapDsn(listed, 'a@receiver.example', HEADERS), zone);
    assert.equal(d?.code, 'blocklisted-ip');
  });
});
