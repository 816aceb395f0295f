// ../shared/corpus/dmarc/record-lint-vectors.json `lookups[]`: RRset-level discovery cases, through
// the Resolver interface over the vector's zone.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { type DmarcDiscovery, discoverDmarc } from '../../../src/auth/dmarc/discover.js';
import { isDmarcRecord } from '../../../src/auth/dmarc/record.js';
import type { Finding } from '../../../src/types.js';
import { disagreements, loggingResolver, noteDisagreement, readCorpusJson } from './helpers.js';

interface LookupVector {
  id: string;
  domain: string;
  zone: Record<string, unknown>;
  source: string;
  verdict: {
    error?: string;
    record?: string | null;
    location?: string;
    tags?: Record<string, string | number>;
    isOrgRecord?: boolean;
    warnings_contain?: string[];
    message_contains?: string[];
    queries?: string[];
    wildcard_report_authorization?: boolean;
    with_ignore_unrelated_records?: { record: string };
  };
}

const { lookups } = readCorpusJson<{ lookups: LookupVector[] }>('dmarc/record-lint-vectors.json');
const has = (f: Finding[], code: string, severity?: string) =>
  f.some((x) => x.code === code && (!severity || x.severity === severity));
const codes = (f: Finding[]) => f.map((x) => `${x.severity}:${x.code}`).join(', ');

/** checkdmarc's error class -> what the discovery says. */
const ERROR_KIND: Record<string, (d: DmarcDiscovery) => void> = {
  DMARCRecordStartsWithWhitespace: (d) => {
    assert.equal(d.status, 'none');
    assert.ok(has(d.findings, 'dmarc.leading-whitespace', 'error'), codes(d.findings));
    assert.ok(has(d.findings, 'dmarc.record-ignored', 'error'));
    assert.equal(d.findings.find((f) => f.code === 'dmarc.record-ignored')?.fixed, 'v=DMARC1; p=reject');
  },
  MultipleDMARCRecords: (d) => {
    assert.equal(d.status, 'multiple');
    assert.equal(d.record, undefined);
    assert.ok(has(d.findings, 'dmarc.multiple-records', 'error'));
  },
  DMARCRecordInWrongLocation: (d) => {
    assert.equal(d.status, 'none');
    const f = d.findings.find((x) => x.code === 'dmarc.record-at-apex');
    assert.equal(f?.severity, 'error');
    assert.match(f?.fix ?? '', /_dmarc\.example\.com/);
  },
  DMARCRecordNotFound: (d) => {
    assert.equal(d.status, 'none');
    assert.ok(has(d.findings, 'dmarc.no-record'));
  },
};

const tagValue = (d: DmarcDiscovery, tag: string): string | number | undefined => {
  const p = d.policy;
  if (!p) return undefined;
  if (tag === 'v') return d.record && isDmarcRecord(d.record) ? 'DMARC1' : undefined;
  if (tag === 'pct') return p.pct;
  return (p as unknown as Record<string, string | number | undefined>)[tag];
};

describe('record-lint-vectors.json lookups[]', () => {
  for (const v of lookups) {
    test(`${v.id} (${v.source})`, async () => {
      const resolver = loggingResolver(v.zone);
      // pct is an RFC 7489 tag: vectors that read it are run in that mode too.
      const needs7489 = v.verdict.tags && 'pct' in v.verdict.tags;
      const d = await discoverDmarc(v.domain, { resolver, mode: needs7489 ? 'rfc7489' : 'rfc9989' });
      if (v.verdict.error === 'UnrelatedTXTRecordFoundAtDMARC') {
        // RFC 9989 tree walk step 2: records not starting with v=DMARC1 are discarded, so the
        // unrelated TXT does not stop the DMARC record from applying (checkdmarc raises an error).
        assert.equal(d.status, 'found');
        assert.equal(d.record, v.verdict.with_ignore_unrelated_records?.record);
        assert.ok(has(d.findings, 'dmarc.unrelated-txt', 'info'));
        noteDisagreement({
          id: `lookup ${v.id}`,
          source: v.source,
          sourceSays: 'error UnrelatedTXTRecordFoundAtDMARC',
          rfcSays: 'unrelated TXT is discarded (RFC 9989 tree walk step 2): info, record applies',
        });
      } else if (v.verdict.error) {
        const check = ERROR_KIND[v.verdict.error];
        assert.ok(check, `no mapping for ${v.verdict.error}`);
        check(d);
      }
      if (v.verdict.record === null) {
        assert.notEqual(d.status, 'found');
        assert.equal(d.record, undefined);
      } else if (typeof v.verdict.record === 'string') {
        assert.equal(d.status, 'found');
        assert.equal(d.record, v.verdict.record);
      }
      if (v.verdict.location) assert.equal(d.location, v.verdict.location);
      if (v.verdict.isOrgRecord !== undefined) assert.equal(d.source !== 'author', v.verdict.isOrgRecord);
      if (v.id === 'ma-q-pct-invalid') {
        // mailauth reads pct=invalid as 0; RFC 7489 §6.3: syntax errors fall back to the default (100).
        assert.equal(d.policy?.pct, 100);
        noteDisagreement({
          id: `lookup ${v.id}`,
          source: v.source,
          sourceSays: 'pct=invalid read as 0',
          rfcSays: 'invalid value -> default pct=100 (RFC 7489 §6.3); RFC 9989 ignores pct',
        });
      } else {
        for (const [tag, want] of Object.entries(v.verdict.tags ?? {}))
          assert.equal(tagValue(d, tag), want, tag);
      }
      for (const text of v.verdict.warnings_contain ?? []) {
        assert.ok(text.includes('has no effect'), `no mapping for "${text}"`);
        const f = d.findings.find((x) => x.code === 'dmarc.record-at-apex');
        assert.equal(f?.severity, 'warning');
      }
      if (v.verdict.queries) assert.deepEqual(d.dmarcQueries, v.verdict.queries);
      if (v.verdict.wildcard_report_authorization) {
        // the wildcard at the destination authorizes any policy domain's reports
        const zone = {
          ...v.zone,
          '_dmarc.other.example': { TXT: [[`v=DMARC1; p=reject; rua=mailto:reports@${v.domain}`]] },
          [v.domain]: { MX: [{ priority: 10, exchange: `mx.${v.domain}` }] },
        };
        const d2 = await discoverDmarc('other.example', { resolver: loggingResolver(zone) });
        assert.equal(d2.status, 'found');
        assert.ok(!has(d2.findings, 'dmarc.report-unauthorized'), codes(d2.findings));
        const d3 = await discoverDmarc('other.example', {
          resolver: loggingResolver({ ...zone, [`*._report._dmarc.${v.domain}`]: { A: ['192.0.2.1'] } }),
        });
        assert.ok(
          has(d3.findings, 'dmarc.report-unauthorized', 'warning'),
          'without the TXT wildcard it is reported',
        );
      }
    });
  }
});

after(() => {
  const mine = disagreements.filter((d) => d.id.startsWith('lookup'));
  console.log(`# lookup disagreements decided by the RFC: ${mine.length}`);
  for (const d of mine) console.log(`#   ${d.id} [${d.source}] source: ${d.sourceSays}; RFC: ${d.rfcSays}`);
});
