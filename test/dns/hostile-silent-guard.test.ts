// silentGuard: gives up on a DNS server that answers nothing, and only on such a server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { silentGuard } from '../../src/dns/index.js';
import type { DnsResult, Resolver } from '../../src/types.js';

function scripted(rcodes: DnsResult['rcode'][]): Resolver & { calls: number } {
  const r = Object.assign(
    async (): Promise<DnsResult> => ({ rcode: rcodes[Math.min(r.calls++, rcodes.length - 1)], answers: [] }),
    { calls: 0 },
  );
  return r;
}

test('after a timeout with no answer before it, later questions are not sent', async () => {
  const inner = scripted(['TIMEOUT']);
  const guarded = silentGuard(inner);
  for (let k = 0; k < 5; k++) assert.equal((await guarded(`n${k}.example`, 'TXT')).rcode, 'TIMEOUT');
  assert.equal(inner.calls, 1);
  assert.equal(guarded.stats.skipped, 4);
});

test('a server that has answered once is always asked again', async () => {
  const inner = scripted(['NXDOMAIN', 'TIMEOUT', 'TIMEOUT', 'TIMEOUT', 'NOERROR']);
  const guarded = silentGuard(inner);
  const got = [];
  for (let k = 0; k < 5; k++) got.push((await guarded(`n${k}.example`, 'TXT')).rcode);
  assert.deepEqual(got, ['NXDOMAIN', 'TIMEOUT', 'TIMEOUT', 'TIMEOUT', 'NOERROR']);
  assert.equal(inner.calls, 5);
});
