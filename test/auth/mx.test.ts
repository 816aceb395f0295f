import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkMx } from '../../src/auth/mx.js';
import { memoryResolver } from '../../src/dns/index.js';
import type { Finding } from '../../src/types.js';

const codes = (fs: Finding[]) => fs.map((f) => `${f.severity}:${f.code}`).sort();

describe('MX', () => {
  it('an MX with an address is fine', async () => {
    const r = await checkMx(
      'example.com',
      memoryResolver({
        'example.com': { MX: [{ priority: 10, exchange: 'mx.example.com.' }] },
        'mx.example.com': { A: ['192.0.2.25'] },
      }),
    );
    assert.equal(r.verdict, 'ok');
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.hosts[0].addresses, ['192.0.2.25']);
  });

  it('null MX alone is a note; beside other MX it is an error (RFC 7505)', async () => {
    const alone = await checkMx(
      'example.com',
      memoryResolver({ 'example.com': { MX: [{ priority: 0, exchange: '.' }] } }),
    );
    assert.equal(alone.nullMx, true);
    assert.deepEqual(codes(alone.findings), ['info:mx.null']);
    const mixed = await checkMx(
      'example.com',
      memoryResolver({
        'example.com': {
          MX: [
            { priority: 0, exchange: '' },
            { priority: 10, exchange: 'mx.example.com' },
          ],
        },
        'mx.example.com': { A: ['192.0.2.25'] },
      }),
    );
    assert.deepEqual(codes(mixed.findings), ['error:mx.null-mixed']);
    const pref = await checkMx(
      'example.com',
      memoryResolver({ 'example.com': { MX: [{ priority: 10, exchange: '.' }] } }),
    );
    assert.equal(pref.findings.find((f) => f.code === 'mx.null-preference')?.fixed, '0 .');
  });

  it('targets that are aliases, IP literals, or have no address', async () => {
    const r = await checkMx(
      'example.com',
      memoryResolver({
        'example.com': {
          MX: [
            { priority: 10, exchange: 'alias.example.com' },
            { priority: 20, exchange: '192.0.2.7' },
            { priority: 30, exchange: 'gone.example.com' },
          ],
        },
        'alias.example.com': { CNAME: ['real.example.net'] },
        'real.example.net': { A: ['198.51.100.3'] },
      }),
    );
    assert.deepEqual(codes(r.findings), ['error:mx.ip-literal', 'warning:mx.cname', 'warning:mx.no-address']);
    const cname = r.findings.find((f) => f.code === 'mx.cname')!;
    assert.equal(cname.fixed, '10 real.example.net.');
    assert.equal(cname.record?.slice(...cname.span!), 'alias.example.com.');
  });

  it('the only target without an address is an error; a doubled domain suggests the missing dot', async () => {
    const r = await checkMx(
      'example.com',
      memoryResolver({ 'example.com': { MX: [{ priority: 10, exchange: 'mx.example.com.example.com' }] } }),
    );
    assert.deepEqual(codes(r.findings), ['error:mx.no-address']);
    assert.equal(r.findings[0].fixed, '10 mx.example.com.');
  });

  it('no MX: the implicit MX from A/AAAA is a note; neither MX nor address is a warning', async () => {
    const implicit = await checkMx(
      'example.com',
      memoryResolver({ 'example.com': { A: ['192.0.2.1'], TXT: [['v=spf1 -all']] } }),
    );
    assert.deepEqual(codes(implicit.findings), ['info:mx.implicit']);
    assert.deepEqual(implicit.implicit?.addresses, ['192.0.2.1']);
    const none = await checkMx('example.com', memoryResolver({ 'example.com': { TXT: [['v=spf1 -all']] } }));
    assert.deepEqual(codes(none.findings), ['warning:mx.none']);
  });

  it('NXDOMAIN for the domain, and a timeout', async () => {
    const nx = await checkMx('example.com', memoryResolver({}));
    assert.equal(nx.verdict, 'missing');
    assert.deepEqual(codes(nx.findings), ['error:mx.domain-missing']);
    const down = await checkMx('example.com', memoryResolver({ '*': 'TIMEOUT' }));
    assert.equal(down.verdict, 'could-not-check');
    const hostDown = await checkMx(
      'example.com',
      memoryResolver({
        'example.com': { MX: [{ priority: 10, exchange: 'mx.example.net' }] },
        'mx.example.net': 'SERVFAIL',
      }),
    );
    assert.equal(hostDown.verdict, 'could-not-check');
    assert.equal(hostDown.hosts[0].status, 'could-not-check');
  });

  it('a target at a loopback address', async () => {
    const r = await checkMx(
      'example.com',
      memoryResolver({
        'example.com': { MX: [{ priority: 10, exchange: 'mx.example.com' }] },
        'mx.example.com': { A: ['127.0.0.1'] },
      }),
    );
    assert.deepEqual(codes(r.findings), ['error:mx.loopback']);
  });
});
