// Unit tests of DMARC discovery and evaluation over in-memory zones: DNS failures, the apex mistake,
// np, the tree walk's query cap, HELO never counting, report authorization.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { discoverDmarc } from '../../../src/auth/dmarc/discover.js';
import { evaluateDmarc } from '../../../src/auth/dmarc/evaluate.js';
import { treeWalkTargets } from '../../../src/auth/dmarc/orgdomain.js';
import { loggingResolver } from './helpers.js';

const rec = (text: string) => ({ TXT: [[text]] });

describe('discoverDmarc', () => {
  test('TIMEOUT is "could not check", never "no record"', async () => {
    const d = await discoverDmarc('example.com', { resolver: loggingResolver({ '*': 'TIMEOUT' }) });
    assert.equal(d.status, 'temperror');
    assert.equal(d.dnsError, 'TIMEOUT');
    assert.ok(d.findings.some((f) => f.code === 'dmarc.dns-error'));
    assert.ok(!d.findings.some((f) => f.code === 'dmarc.no-record'));
  });
  test('SERVFAIL on a parent during the tree walk is a temperror too', async () => {
    const d = await discoverDmarc('a.example.com', {
      resolver: loggingResolver({ '_dmarc.example.com': 'SERVFAIL' }),
    });
    assert.equal(d.status, 'temperror');
    assert.equal(d.dnsError, 'SERVFAIL');
  });
  test('a record at the apex only: error naming _dmarc.<domain>', async () => {
    const d = await discoverDmarc('example.com', {
      resolver: loggingResolver({ 'example.com': rec('v=DMARC1; p=reject') }),
    });
    assert.equal(d.status, 'none');
    const f = d.findings.find((x) => x.code === 'dmarc.record-at-apex');
    assert.equal(f?.severity, 'error');
  });
  test('a broken record is linted and its corrected form offered', async () => {
    const d = await discoverDmarc('example.com', {
      resolver: loggingResolver({
        '_dmarc.example.com': rec('v=DMARC1: p=reject: rua=mailto:d@example.com'),
      }),
    });
    assert.equal(d.status, 'none');
    const f = d.findings.find((x) => x.code === 'dmarc.record-ignored');
    assert.equal(f?.fixed, 'v=DMARC1; p=reject; rua=mailto:d@example.com');
    assert.ok(d.findings.some((x) => x.code === 'dmarc.separator'));
  });
  test('inherited record: np known from NXDOMAIN of the domain', async () => {
    const zone = { '_dmarc.example.com': rec('v=DMARC1; p=reject; np=quarantine; rua=mailto:d@example.com') };
    const d = await discoverDmarc('ghost.example.com', { resolver: loggingResolver(zone) });
    assert.equal(d.source, 'organizational');
    assert.equal(d.location, 'example.com');
    assert.equal(d.domainExists, false);
    assert.equal(d.lint?.record, 'v=DMARC1; p=reject; np=quarantine; rua=mailto:d@example.com');
    assert.equal(d.lint?.valid, true);
  });
  test('external report destination: authorization record named; explicit and wildcard accepted', async () => {
    const base = {
      '_dmarc.example.com': rec('v=DMARC1; p=reject; rua=mailto:r@reports.example.net'),
      'reports.example.net': { MX: [{ priority: 10, exchange: 'mx.example.net' }] },
    };
    const missing = await discoverDmarc('example.com', { resolver: loggingResolver(base) });
    const f = missing.findings.find((x) => x.code === 'dmarc.report-unauthorized');
    assert.equal(f?.severity, 'warning');
    assert.match(f?.fix ?? '', /example\.com\._report\._dmarc\.reports\.example\.net/);
    for (const name of [
      'example.com._report._dmarc.reports.example.net',
      '*._report._dmarc.reports.example.net',
    ]) {
      const ok = await discoverDmarc('example.com', {
        resolver: loggingResolver({ ...base, [name]: rec('v=DMARC1') }),
      });
      assert.ok(!ok.findings.some((x) => x.code === 'dmarc.report-unauthorized'), name);
    }
  });
  test('several records at a subdomain: RFC 9989 walks on to the parent, RFC 7489 stops', async () => {
    const zone = {
      '_dmarc.mail.example.com': { TXT: [['v=DMARC1; p=reject'], ['v=DMARC1; p=none']] },
      '_dmarc.example.com': rec('v=DMARC1; p=quarantine; rua=mailto:d@example.com'),
    };
    const walk = await discoverDmarc('mail.example.com', { resolver: loggingResolver(zone) });
    assert.equal(walk.status, 'found');
    assert.equal(walk.location, 'example.com');
    assert.ok(walk.findings.some((f) => f.code === 'dmarc.multiple-records' && f.severity === 'error'));
    const psl = await discoverDmarc('mail.example.com', { resolver: loggingResolver(zone), mode: 'rfc7489' });
    assert.equal(psl.status, 'multiple');
    assert.equal(psl.record, undefined);
  });
  test('the same question is asked once per discovery', async () => {
    const r = loggingResolver({ '_dmarc.example.com': rec('v=DMARC1; p=reject; rua=mailto:d@example.com') });
    await discoverDmarc('mail.example.com', { resolver: r });
    const keys = r.log.map(([n, t]) => `${n}|${t}`);
    assert.equal(new Set(keys).size, keys.length);
  });
});

describe('tree walk', () => {
  test('at most 8 names, long names shortened to 7 labels (RFC 9989 example)', () => {
    const t = treeWalkTargets('a.b.c.d.e.f.g.h.i.j.mail.example.com');
    assert.deepEqual(t, [
      'a.b.c.d.e.f.g.h.i.j.mail.example.com',
      'g.h.i.j.mail.example.com',
      'h.i.j.mail.example.com',
      'i.j.mail.example.com',
      'j.mail.example.com',
      'mail.example.com',
      'example.com',
      'com',
    ]);
  });
});

describe('evaluateDmarc', () => {
  const zone = { '_dmarc.example.com': rec('v=DMARC1; p=reject; rua=mailto:d@example.com') };
  test('HELO-scope SPF never aligns, even on the From domain', async () => {
    const e = await evaluateDmarc(
      {
        fromDomain: 'example.com',
        spf: [{ domain: 'example.com', result: 'pass', scope: 'helo' }],
        dkim: [],
      },
      { resolver: loggingResolver(zone) },
    );
    assert.equal(e.result, 'fail');
    assert.equal(e.policy, 'reject');
    assert.match(e.identifiers[0].why, /HELO/);
  });
  test('only pass aligns; the reason names the identifiers', async () => {
    const e = await evaluateDmarc(
      {
        fromDomain: 'example.com',
        spf: [{ domain: 'example.com', result: 'softfail' }],
        dkim: [{ domain: 'example.com', result: 'fail', selector: 's1' }],
      },
      { resolver: loggingResolver(zone) },
    );
    assert.equal(e.result, 'fail');
    assert.ok(e.identifiers.every((i) => !i.aligned));
    const ok = await evaluateDmarc(
      { fromDomain: 'example.com', spf: [], dkim: [{ domain: 'mail.example.com', result: 'pass' }] },
      { resolver: loggingResolver(zone) },
    );
    assert.equal(ok.result, 'pass');
    assert.match(ok.identifiers[0].why, /organizational domain example\.com/);
  });
  test('RFC 7489 mode: public suffix list, pct kept', async () => {
    const z = { '_dmarc.example.co.uk': rec('v=DMARC1; p=quarantine; pct=50; rua=mailto:d@example.co.uk') };
    const e = await evaluateDmarc(
      {
        fromDomain: 'news.example.co.uk',
        spf: [{ domain: 'bounce.example.co.uk', result: 'pass' }],
        dkim: [],
      },
      { resolver: loggingResolver(z), mode: 'rfc7489' },
    );
    assert.equal(e.result, 'pass');
    assert.equal(e.policyDomain, 'example.co.uk');
    assert.equal(e.pct, 50);
    const walk = await evaluateDmarc(
      { fromDomain: 'news.example.co.uk', spf: [], dkim: [] },
      { resolver: loggingResolver(z) },
    );
    assert.equal(walk.pct, 100);
    assert.equal(walk.policy, 'quarantine');
  });
  test('one evaluation asks each DNS question once', async () => {
    const r = loggingResolver({ '_dmarc.example.com': rec('v=DMARC1; p=reject; rua=mailto:d@example.com') });
    const e = await evaluateDmarc(
      {
        fromDomain: 'a.example.com',
        spf: [{ domain: 'b.example.com', result: 'pass' }],
        dkim: [{ domain: 'example.com', result: 'pass' }],
      },
      { resolver: r },
    );
    assert.equal(e.result, 'pass');
    const keys = r.log.map(([n, t]) => `${n}|${t}`);
    assert.equal(new Set(keys).size, keys.length, keys.join(' '));
  });
  test('a U-label From domain is evaluated as its A-label', async () => {
    const z = { '_dmarc.xn--e1afmkfd.xn--p1ai': rec('v=DMARC1; p=reject') };
    const e = await evaluateDmarc(
      { fromDomain: 'пример.рф', spf: [], dkim: [{ domain: 'xn--e1afmkfd.xn--p1ai', result: 'pass' }] },
      { resolver: loggingResolver(z) },
    );
    assert.equal(e.fromDomain, 'xn--e1afmkfd.xn--p1ai');
    assert.equal(e.result, 'pass');
  });
  test('an unusable From domain is a permerror', async () => {
    const e = await evaluateDmarc(
      { fromDomain: 'not a domain', spf: [], dkim: [] },
      { resolver: loggingResolver({}) },
    );
    assert.equal(e.result, 'permerror');
  });
});
