import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rcodeOfError, serversResolver } from '../../src/dns/index.js';
import { splitServer } from '../../src/dns/raw-query.js';
import type { Resolver } from '../../src/types.js';
import { startFakeDns } from './fake-dns-server.js';

let server: Awaited<ReturnType<typeof startFakeDns>>;
let resolve: Resolver;

before(async () => {
  server = await startFakeDns({
    'example.com': {
      TXT: [['v=spf1 include:a.example ', 'include:b.example -all'], ['other']],
      MX: [[10, 'mx.example.com']],
      A: ['192.0.2.1'],
      SPF: [['v=spf1 -all']],
    },
    'broken.example.com': { rcode: 2 },
    'refused.example.com': { rcode: 5 },
    'silent.example.com': { drop: true },
  });
  resolve = serversResolver([server.address], { timeoutMs: 300, tries: 1 });
});
after(() => server.close());

test('multi-string TXT keeps its character-strings apart over the wire', async () => {
  const r = await resolve('example.com', 'TXT');
  assert.equal(r.rcode, 'NOERROR');
  assert.deepEqual(r.answers, [['v=spf1 include:a.example ', 'include:b.example -all'], ['other']]);
});

test('MX and A answers', async () => {
  assert.deepEqual((await resolve('example.com', 'MX')).answers, [
    { priority: 10, exchange: 'mx.example.com' },
  ]);
  assert.deepEqual((await resolve('example.com', 'A')).answers, ['192.0.2.1']);
});

test('NXDOMAIN versus NODATA', async () => {
  assert.deepEqual(await resolve('nothing.example.com', 'TXT'), { rcode: 'NXDOMAIN', answers: [] });
  assert.deepEqual(await resolve('example.com', 'AAAA'), { rcode: 'NOERROR', answers: [] });
});

test('SERVFAIL and REFUSED are reported as such, not as missing records', async () => {
  assert.equal((await resolve('broken.example.com', 'TXT')).rcode, 'SERVFAIL');
  assert.equal((await resolve('refused.example.com', 'TXT')).rcode, 'REFUSED');
});

// Not timed (project rule): the bounded result is TIMEOUT after exactly the configured tries (1
// server x 1 try), counted at the server, rather than a stopwatch reading.
test('a server that does not answer gives TIMEOUT after the configured tries', async () => {
  const before = server.asked.get('silent.example.com') ?? 0;
  const r = await resolve('silent.example.com', 'TXT');
  assert.equal(r.rcode, 'TIMEOUT');
  assert.equal((server.asked.get('silent.example.com') ?? 0) - before, 1);
});

test('type SPF (99), which c-ares cannot ask, goes through the raw UDP client', async () => {
  assert.deepEqual(await resolve('example.com', 'SPF'), { rcode: 'NOERROR', answers: [['v=spf1 -all']] });
  assert.equal((await resolve('nothing.example.com', 'SPF')).rcode, 'NXDOMAIN');
  assert.equal((await resolve('silent.example.com', 'SPF')).rcode, 'TIMEOUT');
});

test('a server that let a type-99 question time out is not asked that type again (other types are)', async () => {
  const fresh = serversResolver([server.address], { timeoutMs: 300, tries: 1 });
  assert.equal((await fresh('silent.example.com', 'SPF')).rcode, 'TIMEOUT');
  const before = server.asked.get('example.com') ?? 0;
  assert.equal((await fresh('example.com', 'SPF')).rcode, 'TIMEOUT');
  assert.equal(server.asked.get('example.com') ?? 0, before);
  assert.equal((await fresh('example.com', 'TXT')).rcode, 'NOERROR');
});

test('node:dns error codes map to rcodes', () => {
  assert.equal(rcodeOfError({ code: 'ENOTFOUND' }).rcode, 'NXDOMAIN');
  assert.deepEqual(rcodeOfError({ code: 'ENODATA' }), { rcode: 'NOERROR', answers: [] });
  assert.equal(rcodeOfError({ code: 'ECONNREFUSED' }).rcode, 'ERROR');
  assert.equal(rcodeOfError(new Error('x')).rcode, 'ERROR');
});

test('server strings: host, host:port, [v6]:port, bare v6', () => {
  assert.deepEqual(splitServer('127.0.0.1:5300'), ['127.0.0.1', 5300]);
  assert.deepEqual(splitServer('192.0.2.1'), ['192.0.2.1', 53]);
  assert.deepEqual(splitServer('[::1]:5300'), ['::1', 5300]);
  assert.deepEqual(splitServer('2001:db8::1'), ['2001:db8::1', 53]);
});
