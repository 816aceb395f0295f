import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachingResolver, memoryResolver, overlayResolver, zoneApexes } from '../../src/dns/index.js';
import type { DnsResult, RRType } from '../../src/types.js';

const zone = {
  'example.com': {
    TXT: [['v=spf1 ', 'include:a.example -all'], 'plain text'],
    MX: [{ priority: 10, exchange: 'mx.example.com' }],
  },
  'mx.example.com': { A: ['192.0.2.1'] },
  'alias.example.com': { CNAME: ['mx.example.com'] },
  'loop1.example.com': { CNAME: ['loop2.example.com'] },
  'loop2.example.com': { CNAME: ['loop1.example.com'] },
  'slow.example.com': 'TIMEOUT' as const,
  'half.example.com': { A: ['192.0.2.9'], TXT: 'SERVFAIL' as const },
};

test('absent name is NXDOMAIN; present name without the type is NODATA (NOERROR, no answers)', async () => {
  const resolve = memoryResolver(zone);
  assert.deepEqual(await resolve('nope.example.com', 'TXT'), { rcode: 'NXDOMAIN', answers: [] });
  assert.deepEqual(await resolve('mx.example.com', 'TXT'), { rcode: 'NOERROR', answers: [] });
});

test('TXT records keep their character-strings apart; a bare string is one character-string', async () => {
  const r = await memoryResolver(zone)('Example.COM.', 'TXT');
  assert.deepEqual(r.answers, [['v=spf1 ', 'include:a.example -all'], ['plain text']]);
});

test('simulated failures: a whole name, a single type, or every question ("*")', async () => {
  const resolve = memoryResolver(zone);
  assert.equal((await resolve('slow.example.com', 'A')).rcode, 'TIMEOUT');
  assert.equal((await resolve('half.example.com', 'TXT')).rcode, 'SERVFAIL');
  assert.deepEqual((await resolve('half.example.com', 'A')).answers, ['192.0.2.9']);
  const down = memoryResolver({ '*': 'TIMEOUT' });
  assert.equal((await down('example.com', 'TXT')).rcode, 'TIMEOUT');
});

test('CNAMEs are followed for other types, and loops end as SERVFAIL', async () => {
  const resolve = memoryResolver(zone);
  assert.deepEqual(await resolve('alias.example.com', 'A'), {
    rcode: 'NOERROR',
    answers: ['192.0.2.1'],
    canonicalName: 'mx.example.com',
  });
  assert.deepEqual((await resolve('alias.example.com', 'CNAME')).answers, ['mx.example.com']);
  assert.equal((await resolve('loop1.example.com', 'A')).rcode, 'SERVFAIL');
});

test('cachingResolver asks each distinct question once, also when asked in parallel', async () => {
  const seen: string[] = [];
  const inner = async (name: string, type: RRType): Promise<DnsResult> => {
    seen.push(`${type} ${name}`);
    await new Promise((r) => setTimeout(r, 5));
    return memoryResolver(zone)(name, type);
  };
  const cached = cachingResolver(inner);
  const answers = await Promise.all([
    cached('example.com', 'TXT'),
    cached('EXAMPLE.com.', 'TXT'),
    cached('example.com', 'MX'),
    cached('example.com', 'TXT'),
  ]);
  assert.deepEqual(answers[0], answers[1]);
  assert.equal(cached.stats.asked, 4);
  assert.equal(cached.stats.queries, 2);
  assert.deepEqual(seen, ['TXT example.com', 'MX example.com']);
  await cached('example.com', 'TXT');
  assert.equal(cached.stats.queries, 2);
});

test('cachingResolver turns a throwing resolver into an ERROR answer', async () => {
  const cached = cachingResolver(async () => {
    throw new Error('boom');
  });
  assert.deepEqual(await cached('example.com', 'A'), { rcode: 'ERROR', answers: [] });
});

test('overlayResolver answers names under the zone from it, others from the fallback', async () => {
  const asked: string[] = [];
  const fallback = async (name: string) => {
    asked.push(name);
    return { rcode: 'NOERROR' as const, answers: [['v=spf1 -all']] };
  };
  const resolve = overlayResolver(
    { 'example.com': { TXT: [['v=spf1 include:_spf.provider.example -all']] }, '_dmarc.example.com': {} },
    fallback,
  );
  assert.deepEqual((await resolve('example.com', 'TXT')).answers, [
    ['v=spf1 include:_spf.provider.example -all'],
  ]);
  assert.equal((await resolve('missing.example.com', 'TXT')).rcode, 'NXDOMAIN');
  assert.deepEqual((await resolve('_spf.provider.example', 'TXT')).answers, [['v=spf1 -all']]);
  assert.deepEqual(asked, ['_spf.provider.example']);
  assert.deepEqual(zoneApexes({ 'a.example': {}, 'b.a.example': {}, 'c.example': {} }), [
    'a.example',
    'c.example',
  ]);
});

test('cachingResolver with a bound starts over when it holds that many answers', async () => {
  let queries = 0;
  const inner = async (name: string, type: RRType): Promise<DnsResult> => {
    queries++;
    return memoryResolver(zone)(name, type);
  };
  const cached = cachingResolver(inner, 2);
  await cached('example.com', 'TXT');
  await cached('example.com', 'MX');
  await cached('example.com', 'TXT'); // still held
  assert.equal(queries, 2);
  await cached('mx.example.com', 'A'); // a third: the two held are let go
  await cached('example.com', 'TXT');
  assert.equal(queries, 4);
  assert.deepEqual(cached.stats, { asked: 5, queries: 4 });
});
