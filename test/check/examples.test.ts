// The zone files in examples/zones (shown in the README) say what the README says they do.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkDomain } from '../../src/auth/domain.js';
import { exitCodeOf } from '../../src/cli/check.js';
import { parseZoneFile, zoneFileResolver } from '../../src/dns/index.js';

const zone = (name: string) => readFileSync(new URL(`../../examples/zones/${name}`, import.meta.url), 'utf8');
const check = (name: string, selectors?: string[]) =>
  checkDomain('example.com', {
    resolver: zoneFileResolver(zone(name), { origin: 'example.com' }),
    selectors,
  });

describe('examples/zones', () => {
  it('every example parses without zone-file errors', () => {
    for (const name of ['healthy.zone', 'typos.zone', 'parked.zone']) {
      assert.deepEqual(parseZoneFile(zone(name), { origin: 'example.com' }).errors, [], name);
    }
  });

  it('healthy.zone: all ok, exit 0', async () => {
    const r = await check('healthy.zone', ['default']);
    assert.equal(r.verdict, 'ok');
    assert.equal(exitCodeOf(r), 0);
  });

  it('typos.zone: one fault per record, each with its corrected record', async () => {
    const r = await check('typos.zone', ['default']);
    assert.equal(exitCodeOf(r), 1);
    assert.deepEqual(r.verdicts, { dmarc: 'errors', spf: 'errors', dkim: 'errors', mx: 'warnings' });
    const fixed = Object.fromEntries(r.corrected.map((c) => [c.check, c.fixed]));
    assert.equal(fixed.dmarc, 'v=DMARC1; p=reject; rua=mailto:dmarc-reports@example.com');
    assert.equal(fixed.spf, 'v=spf1 include:_spf.example.net ~all');
    assert.match(fixed.dkim, /^v=DKIM1; k=rsa; p=MIIBIjANBg[A-Za-z0-9+/]+IDAQAB$/);
    assert.equal(fixed.mx, '10 mx.example.net.');
  });

  it('parked.zone: a domain that neither sends nor receives mail has no errors', async () => {
    const r = await check('parked.zone');
    assert.equal(r.mx.nullMx, true);
    assert.deepEqual(
      r.findings.filter((f) => f.severity === 'error'),
      [],
    );
    assert.equal(exitCodeOf(r), 0);
  });
});
