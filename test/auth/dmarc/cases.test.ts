// The DMARC dns-records case(s) of ../shared/corpus/cases (expected.json): findings by kind, the
// corrected record, and none of the `must_not` mistakes. Cases are selected by kind and record type.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { discoverDmarc } from '../../../src/auth/dmarc/discover.js';
import { lintDmarcRecord } from '../../../src/auth/dmarc/lint.js';
import { zoneFileResolver } from '../../../src/dns/zonefile.js';
import type { Finding } from '../../../src/types.js';
import { type CorpusCase, caseText, corpusCases } from '../corpus-cases.js';

type CaseEntry = CorpusCase<{
  domain: string;
  record: string;
  valid?: boolean;
  policy?: string;
  subdomain_policy?: string;
  findings?: { severity: string; code: string; detail: string }[];
  must_not?: string[];
  fix?: string | string[];
}>;

/** The case's descriptive finding names -> bouncedoc's codes. */
const KIND: Record<string, string> = {
  dmarc_p_none: 'dmarc.p-none',
  whitespace_after_equals: 'dmarc.blanks-around-equals',
  presentation_escapes: 'dmarc.presentation-escapes',
  external_report_destination: 'dmarc.report-unauthorized',
};

/** Corrected records written for cases whose entry gives none (plain ";", no blanks around "="). */
const EXPECTED_FIXED: Record<string, string> = {
  C22: 'v=DMARC1; p=none; rua=mailto:dmarc-agg@example.net; ruf=mailto:dmarc-fail@example.net; fo=0; adkim=r; aspf=r; pct=100; rf=afrf; ri=21600; sp=none',
};

const cases = corpusCases<CaseEntry['expected']>('dns-records', (c) => c.expected.record === 'DMARC');

/** The character-strings of the _dmarc TXT line as written in the zone file (presentation form). */
function presentationText(zone: string): string {
  const line = zone.split('\n').find((l) => /^_dmarc\./.test(l) && /\bTXT\b/.test(l)) ?? '';
  const parts = [...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
  return parts.join('');
}

describe('cases: DMARC dns-records', () => {
  test('there is at least one DMARC dns-records case', () => assert.ok(cases.length >= 1));
  for (const c of cases) {
    test(`${c.id} ${c.expected.domain}`, async () => {
      const zoneText = caseText(c);
      const x = c.expected;
      // 1. the record as the zone file / dig shows it (escapes included)
      const shown = lintDmarcRecord(presentationText(zoneText), { presentation: true });
      // 2. the domain doctor over the zone (the zone-file reader decodes the escapes)
      const d = await discoverDmarc(x.domain, { resolver: zoneFileResolver(zoneText) });
      assert.equal(d.status, 'found');
      const all: Finding[] = [...shown.findings, ...d.findings];
      for (const want of x.findings ?? []) {
        const code = KIND[want.code];
        assert.ok(code, `no mapping for ${want.code}`);
        assert.ok(
          all.some((f) => f.code === code && f.severity === want.severity),
          `${want.code} -> ${want.severity} ${code}; got ${all.map((f) => `${f.severity}:${f.code}`).join(', ')}`,
        );
      }
      if (x.valid !== undefined) assert.equal(d.lint?.valid, x.valid);
      if (x.policy !== undefined) assert.equal(d.policy?.p, x.policy);
      if (x.subdomain_policy !== undefined) assert.equal(d.policy?.sp ?? d.policy?.p, x.subdomain_policy);
      for (const mistake of x.must_not ?? []) {
        if (/p tag missing/i.test(mistake))
          assert.ok(!all.some((f) => f.code === 'dmarc.p-missing'), mistake);
      }
      // the external destination finding names the record to publish
      const ext = d.findings.find((f) => f.code === 'dmarc.report-unauthorized');
      if (ext)
        assert.match(ext.fix ?? '', new RegExp(`${x.domain.replace('.', '\\.')}\\._report\\._dmarc\\.`));
      // the corrected record: the case's own when it gives one, else the one written here from the RFC
      const fix = typeof x.fix === 'string' ? x.fix : EXPECTED_FIXED[c.id];
      if (fix) assert.equal(shown.fixed, fix);
      if (shown.fixed) {
        const again = lintDmarcRecord(shown.fixed);
        assert.ok(
          !again.findings.some((f) => f.code === 'dmarc.blanks-around-equals' || f.severity === 'error'),
        );
      }
    });
  }
});
