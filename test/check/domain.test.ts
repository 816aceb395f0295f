// checkDomain's orchestration: each question once, in parallel, failures as "could not check".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDomain } from '../../src/auth/domain.js';
import { memoryResolver } from '../../src/dns/index.js';
import type { Resolver } from '../../src/types.js';
import { assertNothingMissing } from './expect-findings.js';
import { caseZone, loadSeed, seedCase } from './seed-zone.js';

const seed = loadSeed();
const zoneOf = (id: string) => caseZone(seed, seedCase(seed, id));

/** A resolver that answers after `ms`, recording every question and how many were in flight at once. */
function slowCounting(inner: Resolver, ms: number): Resolver & { asked: string[]; maxInFlight: number } {
  const asked: string[] = [];
  let inFlight = 0;
  const r = Object.assign(
    async (name: string, type: Parameters<Resolver>[1]) => {
      asked.push(`${type} ${name.toLowerCase()}`);
      inFlight++;
      r.maxInFlight = Math.max(r.maxInFlight, inFlight);
      await new Promise((done) => setTimeout(done, ms));
      inFlight--;
      return inner(name, type);
    },
    { asked, maxInFlight: 0 },
  );
  return r;
}

describe('checkDomain', () => {
  it('asks each question once, and in parallel where the checks allow', async () => {
    const delay = 40;
    const resolver = slowCounting(memoryResolver(zoneOf('D12')), delay);
    const r = await checkDomain('example.com', { resolver });
    assert.equal(r.verdict, 'ok', JSON.stringify(r.findings.filter((f) => f.severity !== 'info')));
    assert.equal(new Set(resolver.asked).size, resolver.asked.length, 'a question asked twice');
    assert.equal(r.dns.queries, resolver.asked.length);
    assert.ok(r.dns.asked > r.dns.queries, 'the checks share answers through the cache');
    // the domain's own TXT first (does it exist? RFC 8020), then DMARC, SPF, MX and the 31 tried
    // DKIM selectors start together
    assert.equal(resolver.asked[0], 'TXT example.com');
    assert.ok(resolver.asked.length > 40);
    assert.ok(resolver.maxInFlight >= 34, `at most ${resolver.maxInFlight} questions were in flight at once`);
  });

  it('DNS that does not answer: every record "could not check", none "missing"', async () => {
    const r = await checkDomain('example.com', {
      resolver: memoryResolver({ '*': 'TIMEOUT' }),
      selectors: ['default'],
    });
    assert.equal(r.verdict, 'could-not-check');
    assert.deepEqual(r.verdicts, {
      dmarc: 'could-not-check',
      spf: 'could-not-check',
      dkim: 'could-not-check',
      mx: 'could-not-check',
    });
    assert.deepEqual(
      r.findings.filter((f) => f.severity === 'error'),
      [],
    );
    assertNothingMissing(r.findings);
  });

  it('one name failing (SERVFAIL) leaves the other records checked', async () => {
    const zone = { ...zoneOf('D00'), '_dmarc.example.com': 'SERVFAIL' as const };
    const r = await checkDomain('example.com', { resolver: memoryResolver(zone), selectors: ['default'] });
    assert.deepEqual(r.verdicts, { dmarc: 'could-not-check', spf: 'ok', dkim: 'ok', mx: 'ok' });
    assert.equal(r.verdict, 'could-not-check');
  });

  it('a check that throws inside bouncedoc leaves the others standing', async () => {
    const zone = memoryResolver(zoneOf('D00'));
    const resolver: Resolver = (name, type) => {
      if (type === 'MX') throw new Error('boom');
      return zone(name, type);
    };
    const r = await checkDomain('example.com', { resolver, selectors: ['default'] });
    assert.deepEqual(r.verdicts, { dmarc: 'ok', spf: 'ok', dkim: 'ok', mx: 'could-not-check' });
    assert.ok(r.findings.some((f) => f.code === 'mx.check-failed' && f.message.includes('boom')));
  });

  it('a domain that sends no mail (v=spf1 -all) needs no DKIM key', async () => {
    const r = await checkDomain('example.com', { resolver: memoryResolver(zoneOf('D19')) });
    assert.equal(r.verdicts.dkim, 'missing');
    assert.notEqual(r.verdict, 'missing');
    const note = r.findings.find((f) => f.code === 'dkim.no-common-selector');
    assert.equal(note?.severity, 'info');
  });

  it('null MX on a domain whose SPF authorizes senders is a warning (RFC 7505 §4.2)', async () => {
    const zone = zoneOf('D00');
    zone['example.com'] = { ...(zone['example.com'] as object), MX: [{ priority: 0, exchange: '.' }] };
    const r = await checkDomain('example.com', { resolver: memoryResolver(zone), selectors: ['default'] });
    assert.ok(r.findings.some((f) => f.code === 'domain.null-mx-sender' && f.severity === 'warning'));
  });

  it('the JSON result carries the records, the SPF lookup tree and where the DMARC policy came from', async () => {
    const r = await checkDomain('example.com', {
      resolver: memoryResolver(zoneOf('D15')),
      selectors: ['default'],
    });
    const json = JSON.parse(JSON.stringify(r));
    assert.equal(json.dmarc.location, 'example.com');
    assert.equal(json.dmarc.source, 'author');
    assert.equal(json.dmarc.policy.p, 'reject');
    assert.equal(json.spf.lookups, 11);
    assert.ok(json.spf.tree.children.length >= 6);
    assert.equal(json.dkim[0].records.length, 1);
    assert.equal(json.mx.hosts[0].exchange, 'mx.example.com');
  });

  it('a public suffix is checked, with a note that mail is sent from the names under it', async () => {
    const zone = {
      com: { SOA: ['a.gtld-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 86400'] },
      '_dmarc.com': { TXT: [['v=DMARC1; p=reject; psd=y']] },
    };
    const r = await checkDomain('com', { resolver: memoryResolver(zone), selectors: ['default'] });
    const note = r.findings.find((f) => f.code === 'domain.public-suffix');
    assert.equal(note?.severity, 'info');
    assert.match(note?.message ?? '', /^com is a public suffix \(a top-level domain\)/);
    assert.equal(note?.fix, 'To check a mail domain, name it: bouncedoc check example.com');
    assert.equal(r.dmarc.record, 'v=DMARC1; p=reject; psd=y');
    const plain = await checkDomain('example.com', { resolver: memoryResolver(zoneOf('D00')) });
    assert.ok(!plain.findings.some((f) => f.code === 'domain.public-suffix'));
  });

  it('a broken DMARC record is the finding, its corrected record the only fix (no "publish p=none")', async () => {
    const zone = {
      'example.com': { TXT: [['v=spf1 -all']] },
      '_dmarc.example.com': { TXT: [['v=DMARC1: p=reject: rua=mailto:dmarc-reports@example.com']] },
    };
    const r = await checkDomain('example.com', { resolver: memoryResolver(zone), selectors: ['default'] });
    assert.equal(r.verdicts.dmarc, 'errors');
    assert.ok(!r.findings.some((f) => f.code === 'dmarc.no-record'));
    const ignored = r.findings.find((f) => f.code === 'dmarc.record-ignored');
    assert.match(ignored?.message ?? '', /receivers apply no DMARC policy to its mail\.$/);
    const fixes = r.corrected.filter((c) => c.check === 'dmarc');
    assert.deepEqual(fixes, [
      {
        check: 'dmarc',
        name: '_dmarc.example.com',
        record: 'v=DMARC1: p=reject: rua=mailto:dmarc-reports@example.com',
        fixed: 'v=DMARC1; p=reject; rua=mailto:dmarc-reports@example.com',
      },
    ]);
    assert.ok(!JSON.stringify(r.findings).includes('p=none'));
  });

  it('a broken SPF record is reported as broken, its corrected record the only fix', async () => {
    const zone = { 'example.com': { TXT: [[' v=spf1 ip4:192.0.2.1 -all']] } };
    const r = await checkDomain('example.com', { resolver: memoryResolver(zone), selectors: ['default'] });
    const broken = r.findings.find((f) => f.code === 'spf.no-record');
    assert.match(broken?.message ?? '', /^The SPF record at example\.com is broken: /);
    assert.equal(broken?.fix, 'Replace it with the corrected record.');
    assert.deepEqual(
      r.corrected.filter((c) => c.check === 'spf').map((c) => c.fixed),
      ['v=spf1 ip4:192.0.2.1 -all'],
    );
    assert.ok(!r.findings.some((f) => f.fix?.includes('v=spf1 mx ~all')));
  });

  it('a domain that does not exist (NXDOMAIN): one question, one finding, nothing below it asked (RFC 8020)', async () => {
    const asked: string[] = [];
    const nothing = memoryResolver({});
    const resolver: Resolver = (name, type) => {
      asked.push(`${type} ${name}`);
      return nothing(name, type);
    };
    const r = await checkDomain('nosuch.example', { resolver });
    assert.equal(r.exists, false);
    assert.deepEqual(asked, ['TXT nosuch.example']);
    assert.equal(r.dns.queries, 1);
    assert.deepEqual(
      r.findings.map((f) => `${f.severity} ${f.check} ${f.code}`),
      ['error domain domain.nxdomain'],
    );
    assert.match(r.findings[0].message, /^nosuch\.example does not exist in DNS: .*NXDOMAIN/);
    assert.equal(r.verdict, 'errors');
    assert.deepEqual(r.corrected, []);
    assert.equal(r.dmarc.domainExists, false);
  });

  it('a domain without an A record but with MX and TXT exists (NOERROR), and is checked', async () => {
    const zone = {
      'example.com': { MX: [{ priority: 10, exchange: 'mx.example.net' }], TXT: [['v=spf1 -all']] },
      'mx.example.net': { A: ['192.0.2.25'] },
      '_dmarc.example.com': { TXT: [['v=DMARC1; p=reject']] },
    };
    const r = await checkDomain('example.com', { resolver: memoryResolver(zone), selectors: ['default'] });
    assert.equal(r.exists, true);
    assert.equal(r.dmarc.policy?.p, 'reject');
    assert.ok(!r.findings.some((f) => f.code === 'domain.nxdomain'));
  });

  it('an apex that times out is "could not check", not "does not exist"', async () => {
    const zone = { ...zoneOf('D00'), 'example.com': 'TIMEOUT' as const };
    const r = await checkDomain('example.com', { resolver: memoryResolver(zone), selectors: ['default'] });
    assert.equal(r.exists, true);
    assert.equal(r.verdicts.spf, 'could-not-check');
    assert.ok(!r.findings.some((f) => f.code === 'domain.nxdomain'));
  });
});
