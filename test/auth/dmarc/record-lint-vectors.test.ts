// ../shared/corpus/dmarc/record-lint-vectors.json `records[]` and `tag_values`: every vector is
// asserted as the kind of finding (code + severity / validity), never the source tool's words.
// Where a source's verdict differs from RFC 9989, the test follows the RFC; each such case must be
// listed in RFC_DECIDES below with the reason, so an unlisted difference still fails.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { discoverDmarc } from '../../../src/auth/dmarc/discover.js';
import { lintDmarcRecord } from '../../../src/auth/dmarc/lint.js';
import { readDmarcRecord } from '../../../src/auth/dmarc/record.js';
import type { Finding } from '../../../src/types.js';
import { disagreements, loggingResolver, noteDisagreement, readCorpusJson } from './helpers.js';

interface RecordVector {
  id: string;
  record: string;
  source: string;
  domain?: string;
  zone?: Record<string, unknown>;
  options?: { parked?: boolean };
  verdict: {
    valid?: boolean | null;
    error?: string;
    status?: string;
    message_contains?: string[];
    warnings_contain?: string[];
    warnings_not_contain?: string[];
    warnings_contain_class?: string[];
    warnings_not_contain_class?: string[];
    tags?: Record<string, { value: string; explicit?: boolean }>;
    effective_p?: string;
    parsed?: Record<string, string>;
    lenient?: boolean | null;
  };
}

interface LintVectors {
  records: RecordVector[];
  tag_values: { accept: Record<string, string[]>; reject: Record<string, string[]> };
}

const vectors = readCorpusJson<LintVectors>('dmarc/record-lint-vectors.json');

/** The source's warning text -> bouncedoc's finding code (and severity when it matters). */
const WARNING_KIND: [string, string, Finding['severity']?][] = [
  ['removed in RFC 9989', 'dmarc.removed-tag'],
  ['A missing p tag is equivalent to p=none', 'dmarc.p-missing', 'warning'],
  ['rua tag (destination for aggregate reports) not found', 'dmarc.rua-missing', 'warning'],
  ['redundant', 'dmarc.fo-redundant'],
  ['sp tag value of none', 'dmarc.sp-none', 'warning'],
  ['Subdomain policy (sp=) should be reject for parked domains', 'dmarc.parked-subdomain-policy', 'warning'],
  ['parked', 'dmarc.parked-policy', 'warning'],
  ['p tag does not immediately follow the v tag', 'dmarc.p-not-second', 'warning'],
  ['A p tag value of none makes DMARC unenforced', 'dmarc.p-none', 'warning'],
  ['size limit (`!size`) on rua URI', 'dmarc.uri-size-suffix', 'warning'],
  ['obsolete in RFC 9989', 'dmarc.uri-size-suffix', 'warning'],
  ['more than two rua URIs', 'dmarc.uri-too-many', 'warning'],
  ['more than two ruf URIs', 'dmarc.uri-too-many', 'warning'],
  ['Unknown DMARC tag', 'dmarc.unknown-tag', 'warning'],
  // RFC 5321 §5.1: an A record is an implicit MX, so bouncedoc says this as info (checkdmarc: warning).
  ['no MX records', 'dmarc.report-no-mx', 'info'],
  ['invalid DMARC record', 'dmarc.removed-tag', 'warning'],
];

/** The source's error class / status -> the error code bouncedoc gives. */
const ERROR_KIND: Record<string, string[]> = {
  InvalidDMARCReportURI: ['dmarc.uri-invalid'],
  InvalidDMARCTagValue: ['dmarc.invalid-value'],
  DMARCSyntaxError: ['dmarc.tag-no-value', 'dmarc.p-missing'],
  InvalidDMARCTag: ['dmarc.duplicate-tag'],
  SPFRecordFoundWhereDMARCRecordShouldBe: ['dmarc.wrong-record-type'],
  DMARC_PARSE_ERROR_EMPTY: ['dmarc.empty'],
  DMARC_PARSE_ERROR_BAD_VERSION: ['dmarc.version-missing', 'dmarc.version-invalid'],
  DMARC_PARSE_ERROR_BAD_VALUE: ['dmarc.invalid-value'],
  DMARC_PARSE_ERROR_NO_REQUIRED_P: ['dmarc.p-missing'],
};

/**
 * Vectors where the source's validity differs from RFC 9989 (default mode). valid = bouncedoc's
 * verdict; code = the finding that carries it.
 */
const RFC_DECIDES: Record<
  string,
  { valid: boolean; code: string; severity: Finding['severity']; why: string }
> = {
  'od-parse-5': {
    valid: false,
    code: 'dmarc.invalid-value',
    severity: 'error',
    why: 'OpenDMARC matches p by its first letter; the ABNF (dmarc-request) requires the whole word "none"',
  },
  'od-parse-12': {
    valid: true,
    code: 'dmarc.removed-tag',
    severity: 'warning',
    why: 'rf was removed by RFC 9989, so receivers ignore it (unknown tags MUST be ignored); a bad value is a warning',
  },
  'od-parse-13': {
    valid: true,
    code: 'dmarc.removed-tag',
    severity: 'warning',
    why: 'ri was removed by RFC 9989',
  },
  'od-parse-14': {
    valid: true,
    code: 'dmarc.removed-tag',
    severity: 'warning',
    why: 'pct was removed by RFC 9989',
  },
  'od-parse-19': {
    valid: true,
    code: 'dmarc.removed-tag',
    severity: 'warning',
    why: 'rf was removed by RFC 9989',
  },
  'od-parse-17': {
    valid: false,
    code: 'dmarc.uri-invalid',
    severity: 'error',
    why: '"mailto://abuse.com" has no addr-spec (RFC 6068): no report can be sent; OpenDMARC tolerates it',
  },
  'od-parse-18': {
    valid: false,
    code: 'dmarc.uri-invalid',
    severity: 'error',
    why: 'same "mailto://" URI as od-parse-17',
  },
  'md-backslashes': {
    valid: false,
    code: 'dmarc.literal-backslash',
    severity: 'error',
    why: 'the stored value holds "\\;": v reads "DMARC1\\", which must match "DMARC1" precisely (RFC 9989 v tag)',
  },
};

const has = (findings: Finding[], code: string, severity?: Finding['severity']): boolean =>
  findings.some((f) => f.code === code && (severity === undefined || f.severity === severity));

const codes = (findings: Finding[]): string => findings.map((f) => `${f.severity}:${f.code}`).join(', ');

describe('record-lint-vectors.json records[]', () => {
  for (const v of vectors.records) {
    test(`${v.id} (${v.source}) ${JSON.stringify(v.record).slice(0, 80)}`, async () => {
      const lint = lintDmarcRecord(v.record, { parked: v.options?.parked });
      const f = lint.findings;
      const decided = RFC_DECIDES[v.id];
      if (typeof v.verdict.valid === 'boolean') {
        if (decided) {
          assert.notEqual(v.verdict.valid, decided.valid, `${v.id} is listed as a disagreement but agrees`);
          assert.equal(lint.valid, decided.valid, codes(f));
          assert.ok(has(f, decided.code, decided.severity), `${decided.code} expected: ${codes(f)}`);
          noteDisagreement({
            id: v.id,
            source: v.source,
            sourceSays: `valid=${v.verdict.valid}`,
            rfcSays: decided.why,
          });
        } else {
          assert.equal(lint.valid, v.verdict.valid, `validity differs: ${codes(f)}`);
        }
      }
      const errorClass = v.verdict.error ?? (v.verdict.valid === false ? v.verdict.status : undefined);
      if (errorClass && !decided) {
        const wanted = ERROR_KIND[errorClass];
        assert.ok(wanted, `no mapping for ${errorClass}`);
        assert.ok(
          wanted.some((c) => has(f, c, 'error')),
          `${errorClass} -> one of ${wanted.join('|')} as error: ${codes(f)}`,
        );
      }
      if (v.verdict.message_contains?.includes('Duplicate'))
        assert.ok(has(f, 'dmarc.duplicate-tag', 'error'));
      for (const text of v.verdict.warnings_contain ?? []) {
        const kind = WARNING_KIND.find(([needle]) => text.includes(needle));
        assert.ok(kind, `no mapping for warning text "${text}"`);
        if (kind[1] === 'dmarc.report-no-mx') continue; // needs DNS: asserted with the zone below
        assert.ok(has(f, kind[1], kind[2]), `"${text}" -> ${kind[1]}: ${codes(f)}`);
      }
      for (const text of v.verdict.warnings_not_contain ?? []) {
        const kind = WARNING_KIND.find(([needle]) => text.includes(needle));
        assert.ok(kind, `no mapping for "${text}"`);
        assert.ok(!has(f, kind[1]), `${kind[1]} must not be reported`);
      }
      if (v.verdict.tags) {
        const rec = readDmarcRecord(v.record);
        assert.ok(rec, 'a DMARC record');
        const effP = rec.p ?? (rec.hasValidRua ? 'none' : undefined);
        const effective: Record<string, string | undefined> = {
          p: effP,
          np: rec.np ?? rec.sp ?? effP,
          psd: rec.psd,
          t: rec.testing ? 'y' : 'n',
        };
        for (const [tag, want] of Object.entries(v.verdict.tags)) {
          assert.equal(effective[tag], want.value, `effective ${tag}`);
          if (want.explicit !== undefined) assert.equal(tag in lint.tags, want.explicit, `${tag} explicit`);
        }
      }
      if (v.verdict.effective_p) {
        const rec = readDmarcRecord(v.record);
        assert.ok(rec && rec.p === undefined && rec.hasValidRua, 'no p, valid rua: treated as p=none');
      }
      if (v.verdict.parsed) {
        for (const [tag, value] of Object.entries(v.verdict.parsed)) assert.equal(lint.tags[tag], value, tag);
        assert.ok(!('pct' in lint.tags && lint.tags.pct !== ''), 'empty pct stays empty');
      }
      // Real-world records that lenient parsers accept: every defect must still be reported.
      if (v.verdict.lenient !== undefined) assertEachDefectReported(v.record, f);
      if (v.zone || v.verdict.warnings_contain_class || v.verdict.warnings_not_contain_class)
        await withDns(v);
    });
  }
});

/** Defects named in the vectors' notes, recognised by their shape in the record text. */
function assertEachDefectReported(record: string, f: Finding[]): void {
  const rules: [RegExp, string][] = [
    [/;(fo|rf):/, 'dmarc.tag-equals'],
    [/;sp-none/, 'dmarc.tag-equals'],
    [/;pct[0-9]/, 'dmarc.tag-equals'],
    [/;;/, 'dmarc.empty-term'],
    [/;[0-9][0-9a-z:]*;/, 'dmarc.stray-text'],
    [/![0-9]+m/, 'dmarc.uri-size-suffix'],
    [/&amp;/, 'dmarc.html-entity'],
    [/\uFFFD/, 'dmarc.mojibake'],
    [/\u201D/, 'dmarc.smart-quotes'],
    [/v=dmarc1/, 'dmarc.version-case'],
  ];
  for (const [shape, code] of rules) {
    if (shape.test(record)) assert.ok(has(f, code), `${shape} -> ${code}: ${codes(f)}`);
  }
  for (const x of f) {
    if (x.span) {
      assert.ok(x.span[0] >= 0 && x.span[1] <= record.length && x.span[0] <= x.span[1], `span of ${x.code}`);
    }
  }
}

async function withDns(v: RecordVector): Promise<void> {
  const domain = v.domain ?? 'example.com';
  const resolver = loggingResolver({ ...(v.zone ?? {}), [`_dmarc.${domain}`]: { TXT: [[v.record]] } });
  const d = await discoverDmarc(domain, { resolver });
  assert.equal(d.status, 'found');
  for (const cls of v.verdict.warnings_contain_class ?? []) {
    assert.equal(cls, 'UnverifiedDMARCURIDestination');
    assert.ok(has(d.findings, 'dmarc.report-unauthorized', 'warning'), codes(d.findings));
    const f = d.findings.find((x) => x.code === 'dmarc.report-unauthorized')!;
    assert.match(f.fix ?? '', new RegExp(`${domain.replace('.', '\\.')}\\._report\\._dmarc\\.`));
  }
  for (const cls of v.verdict.warnings_not_contain_class ?? []) {
    assert.equal(cls, 'UnverifiedDMARCURIDestination');
    assert.ok(!has(d.findings, 'dmarc.report-unauthorized'), codes(d.findings));
  }
  for (const text of v.verdict.warnings_contain ?? []) {
    if (!text.includes('no MX records')) continue;
    // checkdmarc warns; RFC 5321 §5.1 (implicit MX via the A record) makes it info here.
    assert.ok(has(d.findings, 'dmarc.report-no-mx', 'info'), codes(d.findings));
    noteDisagreement({
      id: v.id,
      source: v.source,
      sourceSays: 'warning: report domain has no MX',
      rfcSays: 'info: RFC 5321 §5.1 delivers to the A record (implicit MX)',
    });
  }
}

describe('record-lint-vectors.json tag_values (Mail::DMARC setter)', () => {
  const probe = (tag: string, value: string, mode: 'rfc9989' | 'rfc7489' = 'rfc9989') => {
    const record =
      tag === 'v'
        ? `v=${value}; p=none`
        : tag === 'p'
          ? `v=DMARC1; p=${value}`
          : `v=DMARC1; p=none; ${tag}=${value}`;
    const lint = lintDmarcRecord(record, { mode });
    // the value is accepted when no error is reported about it
    return !lint.findings.some((f) => f.severity === 'error');
  };
  // RFC 9989 removed pct/rf/ri: judged by RFC 7489 (whose receivers still read them).
  const modeOf = (tag: string) => (['pct', 'rf', 'ri'].includes(tag) ? 'rfc7489' : 'rfc9989');
  for (const [tag, values] of Object.entries(vectors.tag_values.accept)) {
    for (const value of values) {
      test(`accept ${tag}=${value}`, () => {
        if (tag === 'v' && value === 'dmarc1') {
          // RFC 9989 v tag: "DMARC1" is case-sensitive; Mail::DMARC accepts "dmarc1".
          assert.equal(probe(tag, value), false);
          noteDisagreement({
            id: 'tag_values v=dmarc1',
            source: 'Mail::DMARC',
            sourceSays: 'accepted',
            rfcSays: 'v value is case-sensitive (RFC 9989)',
          });
          return;
        }
        assert.equal(probe(tag, value, modeOf(tag)), true);
      });
    }
  }
  for (const [tag, values] of Object.entries(vectors.tag_values.reject)) {
    for (const value of values) {
      test(`reject ${tag}=${value}`, () => {
        if ((tag === 'rua' || tag === 'ruf') && !value.startsWith('mail:')) {
          // RFC 9989 allows any URI in rua/ruf; receivers need only support mailto:. A non-mailto
          // URI is a warning (dmarc.uri-not-mailto), not an invalid record.
          const lint = lintDmarcRecord(`v=DMARC1; p=none; ${tag}=${value}`);
          assert.ok(has(lint.findings, 'dmarc.uri-not-mailto', 'warning'));
          assert.equal(lint.valid, true);
          noteDisagreement({
            id: `tag_values ${tag}=${value}`,
            source: 'Mail::DMARC',
            sourceSays: 'rejected',
            rfcSays: 'any URI is syntactically allowed; warning that only mailto: is supported',
          });
          return;
        }
        assert.equal(probe(tag, value, modeOf(tag)), false);
      });
    }
  }
  test('removed tags with bad values are warnings only in RFC 9989 mode', () => {
    for (const [tag, value] of [
      ['pct', '101'],
      ['rf', 'iodef2'],
      ['ri', 'a'],
    ]) {
      const lint = lintDmarcRecord(`v=DMARC1; p=none; rua=mailto:d@example.com; ${tag}=${value}`);
      assert.equal(lint.valid, true);
      assert.ok(has(lint.findings, 'dmarc.removed-tag', 'warning'));
    }
  });
});

after(() => {
  const mine = disagreements.filter((d) => !d.id.startsWith('lookup') && !d.id.startsWith('eval'));
  console.log(`# record-lint disagreements decided by the RFC: ${mine.length}`);
  for (const d of mine) console.log(`#   ${d.id} [${d.source}] source: ${d.sourceSays}; RFC: ${d.rfcSays}`);
});
