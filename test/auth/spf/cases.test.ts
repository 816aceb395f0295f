// The SPF dns-records cases of ../shared/corpus/cases (records as people published them): the
// findings the case lists, the corrected record it gives, and what receivers conclude.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkHost, lintSpf } from '../../../src/auth/spf/index.js';
import { zoneFileResolver } from '../../../src/dns/index.js';
import type { Severity } from '../../../src/types.js';
import { caseText, corpusCases } from '../corpus-cases.js';

interface Expected {
  domain: string;
  record: string;
  spf_result?: string;
  findings: { severity: Severity; code: string }[];
  fix?: string;
}

const cases = corpusCases<Expected>('dns-records', (c) => c.expected.record === 'SPF');

/** The cases' descriptive finding names -> bouncedoc's codes. */
const CODES: Record<string, string> = {
  spf_multiple_records: 'spf.multiple-records',
  spf_unknown_mechanism: 'spf.unknown-mechanism',
  cidr_host_bits: 'spf.cidr-host-bits',
  smart_quotes: 'spf.smart-quote',
  en_dash_qualifier: 'spf.dash-lookalike',
  trailing_dot: 'spf.trailing-dot',
  spf_neutral_all: 'spf.neutral-all',
};

test('there are SPF dns-records cases', () => {
  assert.ok(cases.length >= 4);
});

for (const c of cases) {
  test(`${c.id}: ${c.expected.findings.map((f) => f.code).join(', ')}`, async () => {
    const resolver = zoneFileResolver(caseText(c));
    const r = await lintSpf(c.expected.domain, { resolver });
    for (const want of c.expected.findings) {
      const code = CODES[want.code];
      assert.ok(code, `no mapping for ${want.code}`);
      const f = r.findings.find((x) => x.code === code && x.severity === want.severity);
      assert.ok(
        f,
        `${c.id}: want ${want.severity} ${code}; got ${r.findings.map((x) => `${x.severity} ${x.code}`).join(', ')}`,
      );
      // every finding points at characters of the record it is about
      if (f.span && f.record) assert.ok(f.span[0] <= f.span[1] && f.span[1] <= f.record.length);
    }
    if (c.expected.fix) {
      const record = /v=spf1[^(]*/.exec(c.expected.fix)?.[0].trim();
      assert.equal(r.fixed, record);
    }
    if (c.expected.spf_result) {
      assert.equal(r.receiverResult, c.expected.spf_result);
      const evaluated = await checkHost('192.0.2.1', c.expected.domain, `postmaster@${c.expected.domain}`, {
        resolver,
      });
      assert.equal(evaluated.result, c.expected.spf_result);
    }
  });
}
