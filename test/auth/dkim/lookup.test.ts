import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDkim, checkDkimSelector } from '../../../src/auth/dkim/lookup.js';
import { memoryResolver } from '../../../src/dns/index.js';
import type { Resolver } from '../../../src/types.js';

const ED = 'v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';

describe('DKIM key lookup', () => {
  it('a given selector with a key; multi-string TXT joined without separator', async () => {
    const resolver = memoryResolver({
      'brisbane._domainkey.example.com': {
        TXT: [['v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg', '7hcvPapiMlrwIaaPcHURo=']],
      },
    });
    const r = await checkDkimSelector('example.com', 'brisbane', resolver, { given: true });
    assert.equal(r.verdict, 'ok');
    assert.deepEqual(r.records, [ED]);
    assert.equal(r.key?.key.keyType, 'ed25519');
  });

  it('a given selector without a record is an error; NXDOMAIN and NODATA are told apart', async () => {
    const resolver = memoryResolver({ 'empty._domainkey.example.com': { A: ['192.0.2.1'] } });
    const nx = await checkDkimSelector('example.com', 'gone', resolver, { given: true });
    assert.equal(nx.verdict, 'missing');
    assert.equal(nx.rcode, 'NXDOMAIN');
    assert.equal(nx.findings[0].severity, 'error');
    assert.match(nx.findings[0].message, /NXDOMAIN/);
    const nodata = await checkDkimSelector('example.com', 'empty', resolver, { given: true });
    assert.equal(nodata.rcode, 'NOERROR');
    assert.match(nodata.findings[0].message, /no TXT record/);
  });

  it('a timeout is "could not check", never "missing"', async () => {
    const resolver = memoryResolver({ 'slow._domainkey.example.com': 'TIMEOUT' });
    const r = await checkDkimSelector('example.com', 'slow', resolver, { given: true });
    assert.equal(r.verdict, 'could-not-check');
    assert.ok(!r.findings.some((f) => f.code === 'dkim.key-missing'));
  });

  it('other TXT records beside the key, and two keys', async () => {
    const resolver = memoryResolver({
      'a._domainkey.example.com': { TXT: [['google-site-verification=abc'], [ED]] },
      'b._domainkey.example.com': { TXT: [[ED], [ED.replace('11qY', '22qY')]] },
    });
    const a = await checkDkimSelector('example.com', 'a', resolver, { given: true });
    assert.equal(a.key?.record, ED);
    assert.deepEqual(
      a.findings.filter((f) => f.severity !== 'info').map((f) => f.code),
      ['dkim.other-txt'],
    );
    const b = await checkDkimSelector('example.com', 'b', resolver, { given: true });
    assert.ok(b.findings.some((f) => f.code === 'dkim.multiple-records'));
  });

  it('a CNAME to a hosted key is followed and noted', async () => {
    const resolver = memoryResolver({
      'selector1._domainkey.example.com': { CNAME: ['selector1-example-com._domainkey.tenant.example.net'] },
      'selector1-example-com._domainkey.tenant.example.net': { TXT: [[ED]] },
    });
    const r = await checkDkimSelector('example.com', 'selector1', resolver, { given: true });
    assert.equal(r.verdict, 'ok');
    assert.equal(r.canonicalName, 'selector1-example-com._domainkey.tenant.example.net');
  });

  it('without selectors, the common ones are tried and only found ones reported', async () => {
    const resolver = memoryResolver({
      'google._domainkey.example.com': { TXT: [[ED]] },
      'k1._domainkey.example.com': { TXT: [['v=DKIM1; p=']] },
    });
    const r = await checkDkim('example.com', resolver);
    assert.equal(r.probed, true);
    assert.ok(r.tried > 20);
    assert.deepEqual(r.selectors.map((s) => s.selector).sort(), ['google', 'k1']);
    // a revoked key found by trying is a retired selector, not a fault
    assert.equal(r.verdict, 'ok');
    const none = await checkDkim('example.org', resolver);
    assert.equal(none.verdict, 'missing');
    assert.equal(none.findings[0].code, 'dkim.no-common-selector');
    const down = await checkDkim('example.com', memoryResolver({ '*': 'TIMEOUT' }));
    assert.equal(down.verdict, 'could-not-check');
  });

  it('a wildcard TXT that is no key is not mistaken for selectors', async () => {
    // as a server answers with a wildcard *.example.com TXT "v=spf1 -all": every name has it
    const keys = memoryResolver({ 's1._domainkey.example.com': { TXT: [[ED]] } });
    const wildcard: Resolver = async (name, type) => {
      const real = await keys(name, type);
      if (real.answers.length > 0 || type !== 'TXT') return real;
      return { rcode: 'NOERROR', answers: [['v=spf1 -all']] };
    };
    const r = await checkDkim('example.com', wildcard);
    assert.deepEqual(
      r.selectors.map((s) => s.selector),
      ['s1'],
    );
  });
});
