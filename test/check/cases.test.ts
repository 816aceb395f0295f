// The dns-records cases of ../shared/corpus/cases through checkDomain over their zone files.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDomain, type DomainCheck } from '../../src/auth/domain.js';
import { zoneFileResolver } from '../../src/dns/index.js';
import { type CorpusCase, caseText, corpusCases } from '../auth/corpus-cases.js';

type Case = CorpusCase<{ domain: string; record: string; selector?: string; fix?: string }>;
const cases = corpusCases<Case['expected']>('dns-records');

async function run(id: string): Promise<{ c: Case; r: DomainCheck; codes: (sev: string) => string[] }> {
  const c = cases.find((x) => x.id === id);
  assert.ok(c, id);
  const zone = caseText(c);
  const r = await checkDomain(c.expected.domain, {
    resolver: zoneFileResolver(zone),
    selectors: c.expected.selector ? [c.expected.selector] : undefined,
  });
  const check = c.expected.record.toLowerCase();
  const codes = (sev: string) =>
    r.findings.filter((f) => f.check === check && f.severity === sev).map((f) => f.code);
  return { c, r, codes };
}

const fixedFor = (r: DomainCheck, check: string) =>
  r.corrected.filter((x) => x.check === check).map((x) => x.fixed);

describe('dns-records cases (zone files)', () => {
  it('has the six cases C22, C24, C25, C27, C29, C30', () => {
    assert.deepEqual(
      cases.map((c) => c.id),
      ['C22', 'C24', 'C25', 'C27', 'C29', 'C30'],
    );
  });

  it('C22: DMARC p= none is read as none (no "p missing"), p=none and external reports warned', async () => {
    const { r, codes } = await run('C22');
    assert.equal(r.dmarc.status, 'found');
    assert.equal(r.dmarc.policy?.p, 'none');
    assert.equal(r.dmarc.policy?.sp, 'none');
    assert.deepEqual(codes('error'), []);
    assert.ok(codes('warning').includes('dmarc.p-none'));
    assert.ok(codes('warning').includes('dmarc.report-unauthorized'));
    assert.ok(codes('info').includes('dmarc.blanks-around-equals'));
    assert.equal(r.verdicts.dmarc, 'warnings');
  });

  it('C24: two SPF records are a permerror; the merged record is proposed', async () => {
    const { r, codes } = await run('C24');
    assert.deepEqual(codes('error'), ['spf.multiple-records']);
    assert.deepEqual(fixedFor(r, 'spf'), ['v=spf1 mx a ~all']);
  });

  it('C25: "ipv4:" is an unknown mechanism; host bits are a note', async () => {
    const { r, c, codes } = await run('C25');
    assert.ok(codes('error').includes('spf.unknown-mechanism'));
    assert.ok(codes('info').includes('spf.cidr-host-bits'));
    assert.deepEqual(fixedFor(r, 'spf'), [c.expected.fix]);
  });

  it('C27: typographic quotes and an en dash', async () => {
    const { r, codes } = await run('C27');
    assert.ok(codes('error').includes('spf.smart-quote'));
    assert.ok(codes('error').includes('spf.dash-lookalike'));
    assert.deepEqual(fixedFor(r, 'spf'), [
      'v=spf1 include:spf.protection.outlook.com include:spf.mandrillapp.com -all',
    ]);
  });

  it('C29: "?all." is invalid and ?all is neutral', async () => {
    const { r, codes } = await run('C29');
    assert.ok(codes('error').includes('spf.trailing-dot'));
    assert.ok(codes('warning').includes('spf.neutral-all'));
    assert.deepEqual(fixedFor(r, 'spf'), ['v=spf1 a mx ip4:192.0.2.38 ~all']);
  });

  it('C30: literal quotes in the DKIM value; the commented comparison record is not read', async () => {
    const { r, codes } = await run('C30');
    assert.equal(r.dkim.length, 1);
    assert.equal(r.dkim[0].records.length, 1, 'only the published record, not the commented one');
    assert.ok(r.dkim[0].records[0].startsWith(`'"v=DKIM1; k=rsa; "  "p=MIGf`));
    assert.deepEqual([...new Set(codes('error'))], ['dkim.literal-quotes']);
    assert.ok(codes('info').includes('dkim.verifiers-differ'));
    const [fixed] = fixedFor(r, 'dkim');
    assert.match(
      fixed,
      /^v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDKasDkt[A-Za-z0-9+/]+QIDAQAB$/,
    );
    // the corrected record is the intended one of the zone file's comment, joined
    assert.equal(r.dkim[0].key?.key.publicKey?.bits, 1024);
  });
});
