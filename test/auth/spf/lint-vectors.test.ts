// SPF lint vectors (../shared/corpus/spf/record-lint-vectors.json, facts from checkdmarc's tests).
// Each case is asserted as the kind of finding (code + severity), not checkdmarc's words. Where
// a vector disagrees with RFC 7208, the RFC decides; those cases say so below.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkHost, lintSpf, type SpfLintResult } from '../../../src/auth/spf/index.js';
import { type MemoryZone, memoryResolver } from '../../../src/dns/index.js';
import type { Severity } from '../../../src/types.js';

interface Verdict {
  valid?: boolean;
  error?: string;
  warnings?: number;
  warnings_contain?: string[];
  dns_lookups?: number;
  void_dns_lookups?: number;
  all?: string;
  record?: string;
}
interface RecordCase {
  id: string;
  domain: string;
  record: string | string[];
  zone?: MemoryZone;
  options?: { parked?: boolean };
  verdict: Verdict;
}
interface LookupCase {
  id: string;
  domain: string;
  txt_rrset: string[][];
  spf_type_rrset?: string[][];
  verdict: Verdict;
}

const file = new URL('../../../../shared/corpus/spf/record-lint-vectors.json', import.meta.url);
const vectors = JSON.parse(readFileSync(file, 'utf8')) as { records: RecordCase[]; lookups: LookupCase[] };

type Kind = [code: string, severity: Severity];

/** checkdmarc's exception classes -> our finding. */
const ERROR_CLASS: Record<string, Kind> = {
  SPFTooManyDNSLookups: ['spf.too-many-lookups', 'error'],
  SPFTooManyVoidDNSLookups: ['spf.too-many-void-lookups', 'error'],
  SPFIncludeLoop: ['spf.include-loop', 'error'],
  SPFRedirectLoop: ['spf.redirect-loop', 'error'],
  SPFRecordNotFound: ['spf.no-record', 'error'],
  MultipleSPFRTXTRecords: ['spf.multiple-records', 'error'],
};

/** SPFSyntaxError is one class for many faults; which finding each case means. */
const SYNTAX_KIND: Record<string, string> = {
  'syntax-space-after-include': 'spf.space-after-colon',
  'ip4-hostname': 'spf.ip-hostname',
  'ip4-given-ipv6': 'spf.ip4-given-ipv6',
  'ip4-bad-cidr': 'spf.bad-cidr',
  'ip6-bad-char': 'spf.bad-ip6',
  'ip6-given-ipv4': 'spf.ip6-given-ipv4',
  'ip6-bad-cidr': 'spf.bad-cidr',
  'no-space-before-all': 'spf.missing-space',
  'macro-in-ip4': 'spf.macro-in-ip',
  'macro-in-ip6': 'spf.macro-in-ip',
};

/** A substring of checkdmarc's warning -> our finding. */
const WARNING_KIND: [string, Kind][] = [
  ['Any text after the all mechanism', ['spf.terms-after-all', 'warning']],
  ['does not have any MX records', ['spf.mx-no-records', 'warning']],
  ['does not have any A/AAAA records', ['spf.a-no-address', 'warning']],
  ['ptr mechanism should not be used', ['spf.ptr', 'warning']],
  ['parked domains should be', ['spf.parked-domain', 'warning']],
  ['No TXT records at exp value', ['spf.exp-no-txt', 'warning']],
  ['Too many TXT records at exp value', ['spf.exp-multiple-txt', 'warning']],
  ['deprecated Sender ID record', ['spf.sender-id', 'info']],
  ['DNS Type SPF has been', ['spf.type99-record', 'info']],
  ['(>255)', ['spf.string-too-long', 'warning']],
  ['> 512 bytes', ['spf.answer-over-512', 'warning']],
];

/**
 * Cases where checkdmarc disagrees with RFC 7208; the RFC decides.
 * - include-nxdomain: an include whose target has no SPF record makes check_host() return
 *   permerror (RFC 7208 §5.2 table: "none" -> permerror); checkdmarc calls it a warning.
 * - exp-trailing-text: "extra" after exp= is not a modifier and not a mechanism, so the record
 *   has a syntax error and evaluates to permerror (RFC 7208 §4.6); checkdmarc warns only.
 * - mx-hosts-void: void lookups are counted per term (RFC 7208 §4.6.4 "terms for which DNS
 *   queries return ..."); the MX query answered, so the MX hosts without addresses are a
 *   warning of their own, not three void lookups.
 * - ptr-no-a: the ptr mechanism looks up the client's PTR names and their addresses (§5.5), not
 *   the A records of the domain, so no "no A records" warning is due; the ptr warning is.
 * - undecodable-other-txt: the JSON cannot carry the undecodable bytes of the original mock; the
 *   unrelated TXT record is none of SPF's business (§4.5), so only the SPF record is checked.
 */
const RFC_DECIDES: Record<string, { must: Kind[]; mustNot: string[] }> = {
  'include-nxdomain': { must: [['spf.include-no-spf', 'error']], mustNot: [] },
  'exp-trailing-text': { must: [['spf.unknown-mechanism', 'error']], mustNot: [] },
  'mx-hosts-void': { must: [['spf.mx-host-no-address', 'warning']], mustNot: ['spf.too-many-void-lookups'] },
  'ptr-no-a': { must: [['spf.ptr', 'warning']], mustNot: ['spf.a-no-address'] },
  'undecodable-other-txt': { must: [], mustNot: ['spf.no-record', 'spf.multiple-records'] },
};

function hasKind(r: SpfLintResult, [code, severity]: Kind): boolean {
  return r.findings.some((f) => f.code === code && f.severity === severity);
}

function show(r: SpfLintResult): string {
  return r.findings.map((f) => `${f.severity} ${f.code}`).join(', ') || '(no findings)';
}

function expectedKinds(id: string, v: Verdict): Kind[] {
  const kinds: Kind[] = [];
  if (v.error === 'SPFSyntaxError') kinds.push([SYNTAX_KIND[id] ?? 'spf.bad-macro', 'error']);
  else if (v.error === 'SPFTooManyDNSLookups' && id === 'mx-over-10')
    kinds.push(['spf.mx-too-many', 'error']);
  else if (v.error) kinds.push(ERROR_CLASS[v.error]);
  for (const w of v.warnings_contain ?? []) {
    const kind = WARNING_KIND.find(([s]) => w.includes(s));
    if (kind) kinds.push(kind[1]);
  }
  return kinds;
}

function assertCase(id: string, r: SpfLintResult, v: Verdict): void {
  const override = RFC_DECIDES[id];
  const must = override ? override.must : expectedKinds(id, v);
  for (const kind of must) assert.ok(hasKind(r, kind), `${id}: want ${kind.join(' ')}; got ${show(r)}`);
  for (const code of override?.mustNot ?? [])
    assert.ok(!r.findings.some((f) => f.code === code), `${id}: must not report ${code}`);
  if (!override && v.valid === true) {
    assert.ok(!r.findings.some((f) => f.severity === 'error'), `${id}: valid record, got ${show(r)}`);
  }
  if (v.valid === false && !override) assert.equal(r.verdict, 'error', `${id}: ${show(r)}`);
  if (v.warnings === 0) assert.ok(!r.findings.some((f) => f.severity !== 'info'), `${id}: ${show(r)}`);
  if (v.dns_lookups !== undefined) assert.equal(r.lookups, v.dns_lookups, `${id}: lookups`);
  if (v.void_dns_lookups !== undefined)
    assert.equal(r.voidLookups, v.void_dns_lookups, `${id}: void lookups`);
}

for (const c of vectors.records) {
  test(`record ${c.id}`, async () => {
    const strings = Array.isArray(c.record) ? c.record : [c.record];
    const zone: MemoryZone = structuredClone(c.zone ?? {});
    const own = zone[c.domain];
    zone[c.domain] = { ...(typeof own === 'object' ? own : {}), TXT: [strings] };
    const resolver = memoryResolver(zone);
    const r = await lintSpf(c.domain, { resolver, parked: c.options?.parked });
    assertCase(c.id, r, c.verdict);
    if (c.verdict.all) {
      // what a receiver concludes for a server the record does not list
      const evaluated = await checkHost('203.0.113.250', c.domain, `postmaster@${c.domain}`, { resolver });
      assert.equal(evaluated.result, c.verdict.all);
    }
  });
}

for (const c of vectors.lookups) {
  test(`record selection ${c.id}`, async () => {
    const zone: MemoryZone = {
      [c.domain]: { TXT: c.txt_rrset, ...(c.spf_type_rrset ? { SPF: c.spf_type_rrset } : {}) },
    };
    const r = await lintSpf(c.domain, { resolver: memoryResolver(zone) });
    assertCase(c.id, r, c.verdict);
    if (c.verdict.record !== undefined) {
      assert.equal(r.record, c.verdict.record);
      assert.ok(
        !r.findings.some((f) => f.code === 'spf.no-record' || f.code === 'spf.multiple-records'),
        show(r),
      );
    }
  });
}

test('the vectors are all here', () => {
  assert.equal(vectors.records.length, 53);
  assert.equal(vectors.lookups.length, 18);
});
