import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkHost, checkSender } from '../../../src/auth/spf/index.js';
import { type MemoryZone, memoryResolver } from '../../../src/dns/index.js';

const zone: MemoryZone = {
  'example.com': {
    TXT: [['v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 include:_spf.example.net -all exp=why.example.com']],
    A: ['192.0.2.10'],
  },
  '_spf.example.net': { TXT: [['v=spf1 a:out.example.net ~all']] },
  'out.example.net': { A: ['198.51.100.7'] },
  'why.example.com': {
    TXT: [['%{c} may not send for %{d} (%{r}, at %{t}); see https://example.com/spf?s=%{S}']],
  },
  'slow.example': { TXT: [['v=spf1 include:down.example -all']] },
  'down.example': 'TIMEOUT',
  'many.example': {
    TXT: [[`v=spf1 ${Array.from({ length: 11 }, (_, i) => `a:h${i}.example.com`).join(' ')} -all`]],
  },
  ...Object.fromEntries(
    Array.from({ length: 11 }, (_, i) => [`h${i}.example.com`, { A: [`192.0.2.${100 + i}`] }]),
  ),
  'void.example': { TXT: [['v=spf1 a:n1.example mx:n2.example exists:n3.example -all']] },
};
const resolver = memoryResolver(zone);
const clock = () => new Date('2026-12-03T12:00:00Z');

test('ip4/ip6 ranges, and an IPv4-mapped IPv6 client is checked as IPv4', async () => {
  assert.equal((await checkHost('192.0.2.77', 'example.com', 'a@example.com', { resolver })).result, 'pass');
  assert.equal(
    (await checkHost('::ffff:192.0.2.77', 'example.com', 'a@example.com', { resolver })).result,
    'pass',
  );
  assert.equal(
    (await checkHost('2001:db8:1::5', 'example.com', 'a@example.com', { resolver })).result,
    'pass',
  );
});

test('include: pass matches, softfail inside the include does not', async () => {
  const r = await checkHost('198.51.100.7', 'example.com', 'a@example.com', { resolver });
  assert.equal(r.result, 'pass');
  assert.deepEqual(r.mechanism, { domain: 'example.com', term: 'include:_spf.example.net' });
  assert.equal(r.lookups, 2);
});

test('fail carries the exp= explanation with %{c}, %{r}, %{t} (injected clock) and URL-escaped %{S}', async () => {
  const r = await checkHost('203.0.113.5', 'example.com', 'jo+x@example.com', {
    resolver,
    receivingHost: 'mx.receiver.example',
    clock,
  });
  assert.equal(r.result, 'fail');
  assert.equal(
    r.explanation,
    '203.0.113.5 may not send for example.com (mx.receiver.example, at 1796299200); see https://example.com/spf?s=jo%2Bx%40example.com',
  );
  assert.ok(r.trace.some((s) => s.step === '-all' && s.outcome === 'match'));
});

test('a timeout is temperror, never "none"', async () => {
  const r = await checkHost('203.0.113.5', 'slow.example', 'a@slow.example', { resolver });
  assert.equal(r.result, 'temperror');
  assert.match(r.problem ?? '', /TIMEOUT/);
  assert.equal(
    (
      await checkHost('203.0.113.5', 'x.example', 'a@x.example', {
        resolver: memoryResolver({ '*': 'TIMEOUT' }),
      })
    ).result,
    'temperror',
  );
});

test('the 11th DNS-querying term is permerror; the third void lookup is permerror', async () => {
  const many = await checkHost('203.0.113.5', 'many.example', 'a@many.example', { resolver });
  assert.equal(many.result, 'permerror');
  assert.equal(many.lookups, 11);
  const voids = await checkHost('203.0.113.5', 'void.example', 'a@void.example', { resolver });
  assert.equal(voids.result, 'permerror');
  assert.equal(voids.voidLookups, 3);
});

test('the PTR query of %{p} in a domain-spec counts toward the 10 lookups (RFC 7208 §4.6.4)', async () => {
  const terms = Array.from({ length: 9 }, (_, i) => `a:h${i}.example.com`).join(' ');
  const zone9: MemoryZone = {
    ...zone,
    'p.example': { TXT: [[`v=spf1 ${terms} exists:%{p}.allow.example -all`]] },
    'q.example': {
      TXT: [[`v=spf1 ${terms.replace(' a:h8.example.com', '')} exists:%{p}.allow.example -all`]],
    },
  };
  const r9 = await checkHost('203.0.113.5', 'p.example', 'a@p.example', { resolver: memoryResolver(zone9) });
  assert.equal(r9.lookups, 11);
  assert.equal(r9.result, 'permerror');
  const r = await checkHost('203.0.113.5', 'q.example', 'a@q.example', { resolver: memoryResolver(zone9) });
  assert.equal(r.lookups, 10);
  assert.equal(r.result, 'fail');
});

test('empty MAIL FROM checks postmaster@<helo>; no record is none', async () => {
  const r = await checkSender('192.0.2.1', '', { resolver, helo: 'example.com' });
  assert.equal(r.result, 'pass');
  assert.equal((await checkSender('192.0.2.1', 'a@nothing.example', { resolver })).result, 'none');
  assert.equal(
    (await checkHost('not-an-ip', 'example.com', 'a@example.com', { resolver })).result,
    'permerror',
  );
});
