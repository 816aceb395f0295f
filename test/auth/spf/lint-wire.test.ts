// lintSpf() over real DNS messages: a loopback UDP server and the node:dns resolver.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { lintSpf } from '../../../src/auth/spf/index.js';
import { serversResolver } from '../../../src/dns/index.js';
import { startFakeDns } from '../../dns/fake-dns-server.js';

let server: { address: string; close: () => void };
before(async () => {
  server = await startFakeDns({
    'example.com': { TXT: [['v=spf1 include:a.example', 'include:b.example -all']], SPF: [['v=spf1 -all']] },
    'a.example': { TXT: [['v=spf1 ip4:192.0.2.0/24 -all']] },
    'b.example': { TXT: [['v=spf1 ip4:198.51.100.0/24 -all']] },
    'slow.example': { drop: true },
  });
});
after(() => server.close());

test('over the wire: glued character-strings, the type-99 record, the lookup tree', async () => {
  const resolver = serversResolver([server.address], { timeoutMs: 300, tries: 1 });
  const r = await lintSpf('example.com', { resolver });
  assert.deepEqual(
    r.findings.map((f) => `${f.severity} ${f.code}`),
    ['error spf.strings-joined', 'info spf.type99-record'],
  );
  assert.equal(r.fixed, 'v=spf1 include:a.example include:b.example -all');
  assert.deepEqual(r.records[0].strings, ['v=spf1 include:a.example', 'include:b.example -all']);
});

test('over the wire: a server that does not answer is "could not check"', async () => {
  const resolver = serversResolver([server.address], { timeoutMs: 200, tries: 1 });
  const r = await lintSpf('slow.example', { resolver });
  assert.equal(r.verdict, 'unknown');
  assert.deepEqual(
    r.findings.map((f) => f.code),
    ['spf.dns-unavailable'],
  );
});
