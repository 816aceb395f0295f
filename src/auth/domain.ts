// The domain doctor: DMARC, SPF, DKIM and MX of one sending domain, checked together.
//
// The four checks do not depend on each other's answers, so they run in parallel; within each,
// queries run in parallel where the data allows. Every question goes through one caching
// resolver, so a name asked by two checks (the apex TXT by SPF and by DMARC's apex check) is asked
// once per run. A DNS failure makes a record "could not check", never "missing".
import { cachingResolver } from '../dns/index.js';
import type { Clock, Finding, Resolver } from '../types.js';
import { checkDkim, type DkimResult, type DkimSelectorResult } from './dkim/lookup.js';
import { type DmarcDiscovery, type DmarcMode, discoverDmarc } from './dmarc/index.js';
import { bySeverity, finding, type Verdict, verdictOf, worstVerdict } from './findings.js';
import { checkMx, type MxResult } from './mx.js';
import { isPublicSuffix } from './public-suffix.js';
import { isSpfRecord, lintSpf, parseSpf, type SpfLintResult } from './spf/index.js';

export type CheckedRecord = 'dmarc' | 'spf' | 'dkim' | 'mx' | 'domain';

/** A finding with the check it came from. */
export type DomainFinding = Finding & { check: CheckedRecord };

export interface CheckDomainOptions {
  resolver: Resolver;
  /** DKIM selectors to check; without them the common selectors are tried */
  selectors?: string[];
  clock?: Clock;
  /** DMARC discovery: RFC 9989's DNS tree walk (default) or RFC 7489's public suffix list */
  dmarcMode?: DmarcMode;
}

/** A record that should be replaced, and what to replace it with. */
export interface CorrectedRecord {
  check: Exclude<CheckedRecord, 'domain'>;
  /** the DNS name the record lives at */
  name: string;
  /** the record as published, when known */
  record?: string;
  fixed: string;
}

export interface DomainCheck {
  domain: string;
  /** false when DNS said the domain does not exist (NXDOMAIN): then nothing else was asked */
  exists: boolean;
  /** when the check ran (ISO 8601, from the injected clock) */
  checkedAt: string;
  dmarcMode: DmarcMode;
  dmarc: DmarcDiscovery;
  spf: SpfLintResult;
  dkim: DkimSelectorResult[];
  /** how the DKIM selectors were chosen: given, or tried from the common list */
  dkimSelectors: { probed: boolean; tried: number };
  mx: MxResult;
  /** the corrected records to publish, one per record that can be repaired */
  corrected: CorrectedRecord[];
  verdicts: Record<Exclude<CheckedRecord, 'domain'>, Verdict>;
  verdict: Verdict;
  /** every finding of every check, errors first */
  findings: DomainFinding[];
  /** DNS questions: asked by the checks, and sent (distinct) */
  dns: { asked: number; queries: number };
}

export async function checkDomain(domainInput: string, options: CheckDomainOptions): Promise<DomainCheck> {
  const domain = domainInput.trim().toLowerCase().replace(/\.$/, '');
  const resolver = cachingResolver(options.resolver);
  const clock = options.clock ?? (() => new Date());
  const dmarcMode = options.dmarcMode ?? 'rfc9989';
  const checkedAt = clock().toISOString();

  // RFC 8020: after NXDOMAIN for the domain itself nothing exists at or below it, so its _dmarc
  // and DKIM selector names need not be asked: one question (the TXT that SPF asks anyway) settles
  // it. Only NXDOMAIN counts: a failure (TIMEOUT, SERVFAIL) is "could not check", and a name with
  // no A record but other data answers NOERROR. An alias to a missing name exists itself (the
  // answer names its target); it is checked as usual.
  const own = await resolver(domain, 'TXT');
  if (own.rcode === 'NXDOMAIN' && !own.canonicalName) {
    return nonexistent(domain, checkedAt, dmarcMode, options.selectors, resolver.stats);
  }

  // a check that throws (a bug, never the domain's fault) leaves the others standing
  const [dmarc, spf, dkim, mx] = await Promise.all([
    discoverDmarc(domain, { resolver, mode: dmarcMode }).catch((err: unknown) =>
      dmarcFailed(domain, dmarcMode, err),
    ),
    lintSpf(domain, { resolver }).catch((err: unknown) => spfFailed(domain, err)),
    checkDkim(domain, resolver, options.selectors).catch((err: unknown) => dkimFailed(err)),
    checkMx(domain, resolver).catch((err: unknown) => mxFailed(domain, err)),
  ]);

  const noMail = sendsNoMail(spf);
  const domainFindings = [...publicSuffixNote(domain), ...crossChecks(domain, noMail, spf, dkim, mx)];
  const verdicts = {
    dmarc: dmarcVerdict(dmarc),
    spf: spfVerdict(spf),
    // crossChecks may have changed given selectors' verdicts; tried ones are summed up in dkim.verdict
    dkim: dkim.probed ? dkim.verdict : worstVerdict(dkim.selectors.map((s) => s.verdict)),
    mx: mx.verdict,
  };
  const findings: DomainFinding[] = [
    ...tag('dmarc', dmarc.findings),
    ...tag('spf', spf.findings),
    ...tag('dkim', [...dkim.findings, ...dkim.selectors.flatMap((s) => s.findings)]),
    ...tag('mx', mx.findings),
    ...tag('domain', domainFindings),
  ];
  findings.sort(bySeverity);
  return {
    domain,
    exists: true,
    checkedAt,
    dmarcMode,
    dmarc,
    spf,
    dkim: dkim.selectors,
    dkimSelectors: { probed: dkim.probed, tried: dkim.tried },
    mx,
    corrected: correctedRecords(domain, dmarc, spf, dkim.selectors, mx),
    verdicts,
    // a domain that sends no mail needs no DKIM key: its absence does not count against it
    verdict: worstVerdict(
      Object.entries(verdicts).map(([k, v]) => (k === 'dkim' && noMail && v === 'missing' ? 'ok' : v)),
    ),
    findings,
    dns: { asked: resolver.stats.asked, queries: resolver.stats.queries },
  };
}

/** The result for a domain that does not exist: one finding, every record missing. */
function nonexistent(
  domain: string,
  checkedAt: string,
  dmarcMode: DmarcMode,
  selectors: string[] | undefined,
  stats: { asked: number; queries: number },
): DomainCheck {
  const gone = finding(
    'domain.nxdomain',
    'error',
    `${domain} does not exist in DNS: its name servers answer NXDOMAIN (no such domain), so it has no DMARC, SPF, DKIM or MX record, and no name below it exists (RFC 8020). Receivers refuse mail from a sender domain that does not exist.`,
    {
      fix: `Check the spelling of ${domain}. If it is yours, make sure it is registered and delegated to name servers that serve its zone, then run the check again.`,
    },
  );
  return {
    domain,
    exists: false,
    checkedAt,
    dmarcMode,
    dmarc: { domain, mode: dmarcMode, status: 'none', domainExists: false, dmarcQueries: [], findings: [] },
    spf: { domain, records: [], findings: [], lookups: 0, voidLookups: 0, verdict: 'ok' },
    dkim: [],
    dkimSelectors: { probed: selectors === undefined, tried: 0 },
    mx: {
      domain,
      rcode: 'NXDOMAIN',
      records: [],
      hosts: [],
      nullMx: false,
      findings: [],
      verdict: 'missing',
    },
    corrected: [],
    verdicts: { dmarc: 'missing', spf: 'missing', dkim: 'missing', mx: 'missing' },
    verdict: 'errors',
    findings: [{ ...gone, check: 'domain' }],
    dns: { asked: stats.asked, queries: stats.queries },
  };
}

/** The note for a check that failed inside bouncedoc. */
function failed(check: CheckedRecord, err: unknown): Finding {
  const why = err instanceof Error ? err.message : String(err);
  return finding(
    `${check}.check-failed`,
    'info',
    `The ${check.toUpperCase()} check failed inside bouncedoc (${why.split('\n')[0]}); this says nothing about the record.`,
    {
      fix: 'Please report this as a bug, with the domain if you can.',
    },
  );
}

function dmarcFailed(domain: string, mode: DmarcMode, err: unknown): DmarcDiscovery {
  return { domain, mode, status: 'temperror', dmarcQueries: [], findings: [failed('dmarc', err)] };
}

function spfFailed(domain: string, err: unknown): SpfLintResult {
  return {
    domain,
    records: [],
    findings: [failed('spf', err)],
    lookups: 0,
    voidLookups: 0,
    verdict: 'unknown',
  };
}

function dkimFailed(err: unknown): DkimResult {
  return {
    selectors: [],
    probed: false,
    tried: 0,
    findings: [failed('dkim', err)],
    verdict: 'could-not-check',
  };
}

function mxFailed(domain: string, err: unknown): MxResult {
  const findings = [failed('mx', err)];
  return {
    domain,
    rcode: 'ERROR',
    records: [],
    hosts: [],
    nullMx: false,
    findings,
    verdict: 'could-not-check',
  };
}

function tag(check: CheckedRecord, findings: readonly Finding[]): DomainFinding[] {
  return findings.map((f) => ({ ...f, check }));
}

function dmarcVerdict(d: DmarcDiscovery): Verdict {
  if (d.status === 'temperror') return 'could-not-check';
  const v = verdictOf(d.findings);
  if (v === 'errors') return v;
  if (d.status === 'none') return 'missing';
  return v;
}

function spfVerdict(s: SpfLintResult): Verdict {
  if (s.verdict === 'unknown') return 'could-not-check';
  if (s.verdict === 'error') return 'errors';
  if (s.records.length === 0) return 'missing';
  return s.verdict === 'warning' ? 'warnings' : 'ok';
}

/**
 * An SPF record that authorizes nobody ("v=spf1 -all", alone): the domain declares that it sends
 * no mail, so it needs no DKIM key.
 */
export function sendsNoMail(spf: SpfLintResult): boolean {
  if (spf.records.length !== 1 || !spf.record || !isSpfRecord(spf.record)) return false;
  const parsed = parseSpf(spf.record);
  if (parsed.errors.length > 0 || parsed.terms.length !== 1) return false;
  const [only] = parsed.terms;
  return only.kind === 'mechanism' && only.name === 'all' && only.qualifier === '-';
}

/**
 * A public suffix (a top-level domain such as "com", or "co.uk") is checked like any domain: its
 * operator may publish DMARC for the names below it (RFC 9989 psd=y), "v=spf1 -all" or a null MX,
 * and those are worth linting. But nobody's mail is sent as the suffix itself, so say so first:
 * whoever typed "com" likely meant a domain under it.
 */
function publicSuffixNote(domain: string): Finding[] {
  if (!isPublicSuffix(domain)) return [];
  return [
    finding(
      'domain.public-suffix',
      'info',
      `${domain} is a public suffix (${domain.includes('.') ? 'names are registered under it' : 'a top-level domain'}): mail is sent from the domains registered under it, not from ${domain} itself. Its records matter to those domains only where they apply to them, such as a public suffix DMARC record (RFC 9989, psd=y).`,
      { fix: `To check a mail domain, name it: bouncedoc check example.${domain}` },
    ),
  ];
}

/** What only the records together show. Adjusts DKIM findings in place for a domain that sends no mail. */
function crossChecks(
  domain: string,
  noMail: boolean,
  spf: SpfLintResult,
  dkim: DkimResult,
  mx: MxResult,
): Finding[] {
  const out: Finding[] = [];
  if (noMail) {
    const notNeeded = ` ${domain}'s SPF record (v=spf1 -all) says it sends no mail, so it needs no DKIM key.`;
    for (const sel of dkim.selectors) {
      for (const f of sel.findings) {
        if (f.code !== 'dkim.key-missing' || f.severity !== 'error') continue;
        f.severity = 'info';
        f.message += notNeeded;
      }
      if (sel.verdict === 'errors' && verdictOf(sel.findings) !== 'errors') sel.verdict = 'missing';
    }
    for (const f of dkim.findings) {
      if (f.code !== 'dkim.no-common-selector') continue;
      f.severity = 'info';
      f.message += notNeeded;
    }
  }
  if (mx.nullMx && !noMail && spf.records.length > 0) {
    out.push(
      finding(
        'domain.null-mx-sender',
        'warning',
        `${domain} publishes a null MX (it receives no mail) but its SPF record authorizes senders: bounces to it cannot be delivered, and receivers may refuse its mail (RFC 7505 §4.2, 550 5.7.27).`,
        {
          fix: `If ${domain} sends mail, give it an MX that accepts bounces; if it does not, publish "v=spf1 -all".`,
        },
      ),
    );
  }
  return out;
}

/**
 * The corrected record of each check: the linter's own proposal for the whole record where it made
 * one, else the first one its findings carry.
 */
function correctedRecords(
  domain: string,
  dmarc: DmarcDiscovery,
  spf: SpfLintResult,
  dkim: DkimSelectorResult[],
  mx: MxResult,
): CorrectedRecord[] {
  const out: CorrectedRecord[] = [];
  const firstFixed = (findings: readonly Finding[]) =>
    findings.find((f) => f.fixed && f.severity === 'error') ??
    findings.find((f) => f.fixed && f.severity === 'warning');
  const dmarcFixed = dmarc.lint?.fixed ?? firstFixed(dmarc.findings)?.fixed;
  if (dmarcFixed) {
    const record = dmarc.lint?.record ?? dmarc.record;
    if (dmarcFixed !== record) {
      out.push({
        check: 'dmarc',
        name: `_dmarc.${dmarc.location ?? domain}`,
        ...(record ? { record } : {}),
        fixed: dmarcFixed,
      });
    }
  }
  const spfFixed = spf.fixed ?? firstFixed(spf.findings)?.fixed;
  if (spfFixed)
    out.push({ check: 'spf', name: domain, ...(spf.record ? { record: spf.record } : {}), fixed: spfFixed });
  for (const sel of dkim) {
    if (sel.key?.fixed)
      out.push({ check: 'dkim', name: sel.name, record: sel.key.record, fixed: sel.key.fixed });
  }
  for (const f of mx.findings) {
    if (f.fixed)
      out.push({ check: 'mx', name: domain, ...(f.record ? { record: f.record } : {}), fixed: f.fixed });
  }
  return out;
}
