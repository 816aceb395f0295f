// lintSpf(): everything wrong with a domain's SPF, each fault at its characters, with the
// corrected record where one can be proposed.

import { cachingResolver } from '../../dns/index.js';
import type { DnsResult, Resolver } from '../../types.js';
import { capRepeatedFindings } from '../dmarc/cap-findings.js';
import { applyEdits, tidySpaces } from './edits.js';
import { SPF_LIMITS } from './evaluate.js';
import { termFaults } from './lint-terms.js';
import { type Draft, selectRecords, textFaults } from './lint-text.js';
import { newWalk, numberTree, walkRecord } from './lint-tree.js';
import { isSpfRecord, parseSpf } from './parse.js';
import type { SpfLintResult, SpfLookupNode, SpfRecordFound, SpfResult } from './types.js';

export interface LintSpfOptions {
  resolver: Resolver;
  /** the domain sends no mail: its record should be exactly "v=spf1 -all" */
  parked?: boolean;
}

const COULD_NOT_ASK = new Set<DnsResult['rcode']>(['SERVFAIL', 'TIMEOUT', 'REFUSED', 'ERROR']);

/** Classic DNS over UDP without EDNS0 carries 512 octets (RFC 1035 §4.2.1). */
const UDP_LIMIT = 512;
/** One character-string holds at most 255 octets (RFC 1035 §3.3). */
const STRING_LIMIT = 255;

/** Approximate size of the TXT answer: header, question, and each RR with its strings. */
function answerSize(domain: string, answers: string[][]): number {
  const name = domain.replace(/\.$/, '').length + 2;
  let size = 12 + name + 4;
  for (const strings of answers) size += 12 + strings.reduce((n, s) => n + 1 + Buffer.byteLength(s), 0);
  return size;
}

/** One record from several: their terms in order without repeats, one all/redirect/exp. */
function mergeRecords(records: string[]): string {
  const terms: string[] = [];
  const seen = new Set<string>();
  let all: string | undefined;
  let redirect: string | undefined;
  let exp: string | undefined;
  for (const r of records) {
    for (const t of parseSpf(r).terms) {
      if (t.kind === 'mechanism' && t.name === 'all') all ??= t.text;
      else if (t.kind === 'modifier' && t.name === 'redirect') redirect ??= t.text;
      else if (t.kind === 'modifier' && t.name === 'exp') exp ??= t.text;
      else if (!seen.has(t.text.toLowerCase())) {
        seen.add(t.text.toLowerCase());
        terms.push(t.text);
      }
    }
  }
  const tail = all ? [all] : redirect ? [redirect] : [];
  return ['v=spf1', ...terms, ...tail, ...(exp ? [exp] : [])].join(' ');
}

function verdictOf(findings: Draft[], unavailable: boolean): SpfLintResult['verdict'] {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (unavailable) return 'unknown';
  return findings.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
}

/** Lint the SPF setup of `domain`. Never throws; DNS failures are reported as "could not check". */
export async function lintSpf(domain: string, opts: LintSpfOptions): Promise<SpfLintResult> {
  const resolver = cachingResolver(opts.resolver);
  // the type-99 question runs alongside the whole check and is awaited last: some servers never
  // answer it, and it only feeds an info finding
  const type99Pending = resolver(domain, 'SPF');
  const txt = await resolver(domain, 'TXT');
  const findings: Draft[] = [];
  const result: SpfLintResult = {
    domain,
    records: [],
    findings: [],
    lookups: 0,
    voidLookups: 0,
    verdict: 'ok',
  };

  if (COULD_NOT_ASK.has(txt.rcode)) {
    result.findings.push({
      code: 'spf.dns-unavailable',
      severity: 'warning',
      message: `Could not check: the TXT query for ${domain} gave ${txt.rcode}. This says nothing about whether an SPF record exists; receivers seeing the same return temperror.`,
      fix: "Check that the domain's name servers answer, then run the check again.",
    });
    result.verdict = 'unknown';
    result.receiverResult = 'temperror';
    return result;
  }

  const answers = txt.answers.map((a) => (Array.isArray(a) ? a : [String(a)]));
  const sel = selectRecords(answers);
  result.records = [...sel.valid, ...sel.lookalike];

  for (const s of sel.senderId) {
    findings.push({
      code: 'spf.sender-id',
      severity: 'info',
      message:
        'A Sender ID record (spf2.0/, RFC 4406, experimental and abandoned) is published; receivers ignore it.',
      fix: 'Remove it; it does no harm but is not used.',
      record: s.text,
      span: [0, s.text.indexOf(' ') < 0 ? s.text.length : s.text.indexOf(' ')],
    });
  }
  for (const r of result.records) {
    let at = 0;
    for (const s of r.strings) {
      if (Buffer.byteLength(s) > STRING_LIMIT) {
        findings.push({
          code: 'spf.string-too-long',
          severity: 'warning',
          message: `One character-string is ${Buffer.byteLength(s)} octets; DNS allows ${STRING_LIMIT} per string, so the zone tool must split it (and some refuse or truncate it).`,
          fix: 'Split the value into quoted strings of up to 255 characters each ("..." "..."), breaking at a space.',
          record: r.text,
          span: [at, at + s.length],
        });
      }
      at += s.length;
    }
  }
  const size = answerSize(domain, answers);
  if (size > UDP_LIMIT && result.records.length > 0) {
    findings.push({
      code: 'spf.answer-over-512',
      severity: 'warning',
      message: `The TXT answer for ${domain} is about ${size} bytes, over the ${UDP_LIMIT} bytes of plain UDP DNS; receivers must retry over TCP or EDNS0, and some give temperror.`,
      fix: 'Shorten the SPF record (fewer ip4: terms, use CIDR ranges) or remove unneeded TXT records at this name.',
      record: result.records[0].text,
    });
  }
  // which record is checked further
  let checked: string | undefined;
  let chosen: SpfRecordFound | undefined;
  if (sel.valid.length > 1) {
    checked = mergeRecords(sel.valid.map((r) => r.text));
    findings.push({
      code: 'spf.multiple-records',
      severity: 'error',
      message: `${sel.valid.length} SPF records are published at ${domain}; receivers return permerror (RFC 7208 §4.5), whichever comes first.`,
      fix: 'Merge them into one record.',
      record: sel.valid.map((r) => r.text).join(' | '),
      fixable: true,
    });
  } else if (sel.valid.length === 1) {
    chosen = sel.valid[0];
  } else if (sel.lookalike.length > 0) {
    chosen = sel.lookalike[0];
  }

  if (chosen) {
    const text = textFaults(chosen);
    findings.push(...text.findings);
    checked = applyEdits(chosen.text, text.edits);
  }
  if (sel.valid.length === 0) {
    // A record meant as SPF but broken is what to report, and its repair the fix: receivers discard
    // it (RFC 7208 §4.5: only "v=spf1" records are selected), but a new "v=spf1 mx ~all" in its place
    // would drop the servers it lists.
    const repairable = checked !== undefined && isSpfRecord(checked);
    findings.push({
      code: 'spf.no-record',
      severity: 'error',
      message: chosen
        ? `The SPF record at ${domain} is broken: ${JSON.stringify(chosen.text.slice(0, 60))} is not a valid SPF record (see the faults on it), so receivers ignore it (RFC 7208 §4.5), get "none" and cannot tell forged mail from real mail.`
        : `No valid SPF record at ${domain}: receivers get "none" and cannot tell forged mail from real mail.`,
      fix: chosen
        ? repairable
          ? 'Replace it with the corrected record.'
          : 'Correct the record (see the faults on it); do not publish a second one beside it.'
        : `Publish one TXT record at ${domain} listing the servers that send its mail, e.g. "v=spf1 mx ~all"; "v=spf1 -all" if it sends none.`,
      record: chosen?.text,
      fixable: Boolean(chosen),
    });
    if (checked !== undefined && !isSpfRecord(checked)) {
      const word = /\S+/.exec(chosen?.text ?? '');
      const version = word?.[0] ?? '';
      findings.push({
        code: 'spf.bad-version',
        severity: 'error',
        message: `"${version}" is not the SPF version tag: a record must begin with exactly "v=spf1" followed by a space or its end (RFC 7208 §4.5).`,
        fix: 'Begin the record with "v=spf1 ".',
        record: chosen?.text,
        span: [word?.index ?? 0, (word?.index ?? 0) + version.length],
      });
      checked = undefined;
    }
  }

  if (sel.valid.length > 0) {
    for (const other of sel.lookalike) {
      findings.push({
        code: 'spf.ignored-record',
        severity: 'warning',
        message: `Another TXT record looks like SPF but does not begin with exactly "v=spf1 ", so receivers ignore it; whatever it was meant to allow is not allowed.`,
        fix: 'Remove it, or merge its terms into the SPF record.',
        record: other.text,
      });
    }
  }

  let fixed: string | undefined;
  if (checked !== undefined) {
    result.record = chosen?.text;
    const terms = termFaults(checked);
    findings.push(...terms.findings);
    fixed = tidySpaces(terms.fixed);

    const walk = newWalk(resolver);
    // the tree is of the record as published: terms that do not parse are not followed
    const published = parseSpf(checked);
    const children = await walkRecord(walk, domain, published, [domain.toLowerCase().replace(/\.$/, '')]);
    for (const f of walk.findings) {
      // an include/redirect that loops back to this record: removing it is the obvious repair
      const loopTerm =
        f.code.endsWith('-loop') && f.record === checked && f.span
          ? checked.slice(f.span[0], f.span[1])
          : undefined;
      if (loopTerm && fixed !== undefined) {
        fixed = tidySpaces(
          fixed
            .split(' ')
            .filter((t) => t !== loopTerm)
            .join(' '),
        );
        findings.push({ ...f, fixable: true });
      } else findings.push(f);
    }
    const { lookups, voids } = numberTree(children);
    const root: SpfLookupNode = {
      term: domain,
      domain,
      lookups,
      runningTotal: lookups,
      status: 'NOERROR',
      record: checked,
      children,
    };
    result.tree = root;
    result.lookups = lookups;
    result.voidLookups = voids;
    if (lookups > SPF_LIMITS.lookups) {
      const costly = [...children].sort((a, b) => b.lookups - a.lookups).filter((n) => n.lookups > 1);
      const names = costly
        .slice(0, 3)
        .map((n) => `${n.term} (${n.lookups})`)
        .join(', ');
      const top = costly[0];
      findings.push({
        code: 'spf.too-many-lookups',
        severity: 'error',
        message: `${lookups} DNS-querying terms through includes and redirects; receivers stop at ${SPF_LIMITS.lookups} and return permerror (RFC 7208 §4.6.4).${names ? ` Costliest: ${names}.` : ''}`,
        fix: top
          ? `Drop "${top.term}" if that service is unused, or flatten it into ip4:/ip6: terms (saves ${top.lookups}); ${lookups - SPF_LIMITS.lookups} must go.`
          : `Replace a:/mx: terms with ip4:/ip6: terms; ${lookups - SPF_LIMITS.lookups} must go.`,
        record: checked,
        span: top ? published.terms.find((t) => t.text === top.term)?.span : undefined,
      });
    }
    if (voids > SPF_LIMITS.voidLookups) {
      findings.push({
        code: 'spf.too-many-void-lookups',
        severity: 'error',
        message: `${voids} lookups find nothing (NXDOMAIN or no records); receivers return permerror above ${SPF_LIMITS.voidLookups} (RFC 7208 §4.6.4).`,
        fix: 'Remove the terms whose names do not exist or have no records.',
        record: checked,
      });
    }
    if (walk.unavailable.length > 0) {
      findings.push({
        code: 'spf.dns-unavailable',
        severity: 'warning',
        message: `Could not check ${[...new Set(walk.unavailable)].join(', ')} (DNS timeout or server failure); receivers seeing the same return temperror.`,
        fix: "Run the check again; if it persists, the named domains' servers are at fault.",
        record: checked,
      });
    }
  }

  if (opts.parked && (checked === undefined || checked.trim().toLowerCase() !== 'v=spf1 -all')) {
    findings.push({
      code: 'spf.parked-domain',
      severity: 'warning',
      message:
        'A domain that sends no mail should publish exactly "v=spf1 -all", so that all mail claiming to be from it fails SPF.',
      fix: 'Publish "v=spf1 -all".',
      record: checked,
      fixable: true,
    });
    fixed = 'v=spf1 -all';
  }

  // NXDOMAIN means the name holds no record of any type (RFC 8020): no type-99 answer to wait for
  const type99 = txt.rcode === 'NXDOMAIN' ? txt : await type99Pending;
  if (type99.rcode === 'NOERROR' && type99.answers.length > 0) {
    findings.push({
      code: 'spf.type99-record',
      severity: 'info',
      message:
        'An SPF-type (99) record is published; RFC 7208 §3.1 retired that type and receivers only read TXT.',
      fix: 'Remove the type-99 record; keep the TXT record.',
      record: (Array.isArray(type99.answers[0]) ? type99.answers[0] : [String(type99.answers[0])]).join(''),
    });
  }

  // a corrected record is proposed only when some finding has an obvious repair
  if (fixed !== undefined && findings.some((f) => f.fixable)) result.fixed = fixed;
  const rank = { error: 0, warning: 1, info: 2 };
  findings.sort((a, b) => rank[a.severity] - rank[b.severity] || (a.span?.[0] ?? -1) - (b.span?.[0] ?? -1));
  result.findings = capRepeatedFindings(
    findings.map(({ fixable, ...f }) => (fixable && result.fixed ? { ...f, fixed: result.fixed } : f)),
  );
  result.verdict = verdictOf(
    findings,
    findings.some((f) => f.code === 'spf.dns-unavailable'),
  );
  result.receiverResult = receiverResult(result, sel.valid.length);
  return result;
}

/** Error findings that do not make receivers return permerror. */
const NOT_PERMERROR = new Set(['spf.pass-all', 'spf.allows-everything']);

/** What receivers conclude for mail from a server the record does not list, when the record decides it. */
function receiverResult(r: SpfLintResult, validRecords: number): SpfResult | undefined {
  if (validRecords === 0) return 'none';
  if (r.findings.some((f) => f.severity === 'error' && !NOT_PERMERROR.has(f.code))) return 'permerror';
  if (r.findings.some((f) => f.code === 'spf.dns-unavailable')) return 'temperror';
  return undefined;
}
