// Recipient checks: address syntax (RFC 5321 §4.1.2, RFC 6531), typo suggestions, and what DNS
// says of the domain (NXDOMAIN, null MX, MX, implicit MX, no answer).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAddress } from '../../src/diagnose/address-syntax.js';
import { checkAddress } from '../../src/diagnose/recipient.js';
import { distance, suggestDomain } from '../../src/diagnose/typos.js';
import { memoryResolver } from '../../src/dns/index.js';

describe('typo suggestions', () => {
  const cases: [string, string][] = [
    ['gnail.com', 'gmail.com'],
    ['gmial.com', 'gmail.com'],
    ['gmail.con', 'gmail.com'],
    ['yahoo.cob', 'yahoo.com'],
    ['hotmial.com', 'hotmail.com'],
    ['outlok.com', 'outlook.com'],
    ['hotmaill.con', 'hotmail.com'],
    ['icloud.cm', 'icloud.com'],
    ['example.con', 'example.com'],
  ];
  for (const [typo, meant] of cases) {
    it(`${typo} -> ${meant}`, () => assert.equal(suggestDomain(typo)?.domain, meant));
  }
  for (const fine of [
    'gmail.com',
    'gmx.de',
    'live.de',
    'example.org',
    'mail.example.com',
    'web.de',
    'yandex.ru',
  ]) {
    it(`${fine} is left alone`, () => assert.equal(suggestDomain(fine), undefined));
  }
  it('counts an adjacent transposition as one edit', () => assert.equal(distance('gmial', 'gmail'), 1));
});

describe('address syntax', () => {
  it('accepts ordinary, plus, quoted and internationalized addresses', () => {
    assert.equal(parseAddress('first.last+tag@example.com').valid, true);
    assert.equal(parseAddress('"john doe"@example.com').valid, true);
    const idn = parseAddress('用户@bücher.example');
    assert.equal(idn.valid, true);
    assert.equal(idn.internationalized, true);
    // RFC 3492's well-known example label
    assert.equal(idn.asciiDomain, 'xn--bcher-kva.example');
  });
  it('takes the address out of "Name <addr>"', () => {
    assert.equal(parseAddress('Jane <jane@example.com>').address, 'jane@example.com');
  });
  it('points at the fault', () => {
    const two = parseAddress('a..b@example.com');
    assert.equal(two.valid, false);
    assert.deepEqual(two.findings[0].span, [2, 3]);
    assert.equal(parseAddress('no-at-sign').findings[0].code, 'address.no-at');
    assert.equal(parseAddress('a b@example.com').findings[0].code, 'address.local-char');
    assert.equal(parseAddress('a@-example.com').findings[0].code, 'address.domain-label');
    assert.equal(parseAddress('.a@example.com').valid, false);
    assert.equal(parseAddress('a.@example.com').valid, false);
    assert.equal(parseAddress(`${'x'.repeat(65)}@example.com`).findings[0].code, 'address.local-too-long');
  });
  it('stays fast on a huge input', () => {
    const r = parseAddress(`${'a.'.repeat(200_000)}@${'b.'.repeat(200_000)}`);
    assert.equal(r.valid, false);
  });
});

describe('checkAddress with DNS', () => {
  const resolver = memoryResolver({
    'example.com': { MX: [{ priority: 10, exchange: 'mx.example.com' }] },
    'mx.example.com': { A: ['192.0.2.1'] },
    // the provider a typo points at exists, as it does in the world (the sanity probe asks it)
    'gmail.com': { MX: [{ priority: 5, exchange: 'mx.example.com' }] },
    'nomail.example': { MX: [{ priority: 0, exchange: '.' }] },
    'implicit.example': { A: ['192.0.2.7'] },
    'slow.example': 'TIMEOUT',
    // no MX; the question for its address (the implicit MX) is never answered
    'half.example': { A: 'TIMEOUT' },
  } as never);

  it('accepts a domain with MX', async () => {
    const r = await checkAddress('a@example.com', { resolver });
    assert.equal(r.mail, 'accepts-mail');
  });
  it('reports a domain that does not exist, with the likely intended address', async () => {
    const r = await checkAddress('someone@gnail.com', { resolver });
    assert.equal(r.mail, 'no-such-domain');
    assert.equal(r.suggestion?.address, 'someone@gmail.com');
  });
  it('reports a null MX (RFC 7505)', async () => {
    const r = await checkAddress('a@nomail.example', { resolver });
    assert.equal(r.mail, 'no-mail');
    assert.ok(r.findings.some((f) => f.code === 'address.null-mx'));
  });
  it('takes the A record as implicit MX (RFC 5321 §5.1)', async () => {
    assert.equal((await checkAddress('a@implicit.example', { resolver })).mail, 'accepts-mail');
  });
  it('says "could not check" when DNS does not answer', async () => {
    assert.equal((await checkAddress('a@slow.example', { resolver })).mail, 'could-not-check');
  });
  it('says "could not check" when only the implicit-MX address question goes unanswered', async () => {
    const r = await checkAddress('a@half.example', { resolver });
    assert.equal(r.mail, 'could-not-check');
    assert.ok(r.findings.some((f) => f.code === 'address.dns-unanswered'));
  });
  it('a DNS that also denies the provider a typo points at is doubted, not believed', async () => {
    // every name "does not exist": a sandbox's resolver
    const nothing = memoryResolver({});
    const r = await checkAddress('someone@gnail.com', { resolver: nothing });
    assert.equal(r.mail, 'could-not-check');
    assert.equal(r.suggestion?.address, 'someone@gmail.com');
    assert.equal(
      r.dnsSuspect,
      "The DNS asked here says gnail.com does not exist, but also gmail.com, a major mail provider's domain: its answers look wrong (a resolver that is broken or filtered), so whether gnail.com exists was not checked.",
    );
    assert.ok(!r.findings.some((f) => f.code === 'address.no-such-domain' || f.code === 'mx.domain-missing'));
    assert.equal(r.summary, 'Probably a typing mistake: did you mean someone@gmail.com?');
  });
  it('a DNS that says a provider domain itself does not exist is doubted', async () => {
    const r = await checkAddress('bob@gmail.com', { resolver: memoryResolver({}) });
    assert.equal(r.mail, 'could-not-check');
    assert.equal(r.summary, 'The address is well formed; the DNS answers here look wrong (see below).');
    assert.deepEqual(
      r.findings.map((f) => f.code),
      ['address.dns-suspect'],
    );
  });
  it('a typo of a domain that is not a provider asks no probe: its NXDOMAIN stands', async () => {
    const asked: string[] = [];
    const r = await checkAddress('a@example.con', {
      resolver: async (name, type) => {
        asked.push(name);
        return resolver(name, type);
      },
    });
    assert.equal(r.suggestion?.domain, 'example.com');
    assert.equal(r.mail, 'no-such-domain');
    assert.ok(!asked.includes('example.com'));
  });
  it('offline checks syntax and typos only', async () => {
    const r = await checkAddress('someone@gnail.com');
    assert.equal(r.mail, 'not-checked');
    assert.equal(r.suggestion?.domain, 'gmail.com');
  });
});

describe('--zone is offline: names outside the zone are not "missing"', () => {
  it('a recipient domain outside the zone file is could-not-check, not NXDOMAIN', async () => {
    const { zoneOnlyResolver } = await import('../../src/cli/dns-options.js');
    const { parseZoneFile } = await import('../../src/dns/index.js');
    const zone = parseZoneFile(
      '$ORIGIN example.com.\n@ IN SOA ns hm 1 1 1 1 1\n@ IN MX 10 mx\nmx IN A 192.0.2.1\n',
    ).zone;
    const resolver = zoneOnlyResolver(zone);
    assert.equal((await checkAddress('a@gmail.com', { resolver })).mail, 'could-not-check');
    assert.equal((await checkAddress('a@example.com', { resolver })).mail, 'accepts-mail');
    assert.equal((await resolver('_dmarc.com', 'TXT')).rcode, 'NXDOMAIN');
  });
});
