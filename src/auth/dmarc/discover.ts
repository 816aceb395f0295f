// DMARC policy discovery for a domain (RFC 9989 "DMARC Policy Discovery"; RFC 7489 §6.6.3 as an
// option): the record in force and where it came from, plus what the domain doctor must say about
// the DNS data around it (several records, unrelated TXT, a record at the apex, DNS failures,
// external report destinations without authorization).
import { cachingResolver } from '../../dns/cache.js';
import type { DnsResult, Finding, Resolver } from '../../types.js';
import { type DmarcLintResult, lintDmarcRecord } from './lint.js';
import {
  type DnsFailure,
  isFailure,
  normalizeDomain,
  organizationalDomain,
  queryDmarc,
} from './orgdomain.js';
import { type DmarcPolicyRecord, isDmarcRecord, readDmarcRecord } from './record.js';
import type { DmarcMode } from './tags.js';

export interface DmarcDiscoveryOptions {
  resolver: Resolver;
  /** default 'rfc9989' (DNS tree walk); 'rfc7489' uses the public suffix list */
  mode?: DmarcMode;
  /** also look for a misplaced record at the domain's apex (domain doctor); default true */
  checkApex?: boolean;
  /** check external report destinations' authorization records; default true */
  checkReportAuthorization?: boolean;
}

export interface DmarcDiscovery {
  domain: string;
  mode: DmarcMode;
  /**
   * found: a record applies; none: no record applies (no DMARC processing); multiple: several records
   * at one name (none applies); temperror: DNS failed, so it could not be checked (never "no record").
   */
  status: 'found' | 'none' | 'multiple' | 'temperror';
  /** the record in force */
  record?: string;
  /** where it was found (the policy domain: `_dmarc.<location>`) */
  location?: string;
  /** author: at the domain itself; organizational: its organizational domain; public-suffix: a PSD record */
  source?: 'author' | 'organizational' | 'public-suffix';
  organizationalDomain?: string;
  /** a receiver's reading of the record in force */
  policy?: DmarcPolicyRecord;
  /** RFC 9989 §4.10.1: p missing/invalid (or sp/np invalid) with a valid rua: treated as p=none */
  treatedAsNone?: boolean;
  /** false when the domain itself does not exist (NXDOMAIN): np applies; undefined when not asked */
  domainExists?: boolean;
  /** names whose _dmarc TXT was asked, in order */
  dmarcQueries: string[];
  /** the lint of the record in force (or of the broken record receivers ignore) */
  lint?: DmarcLintResult;
  findings: Finding[];
  /** the DNS failure behind temperror */
  dnsError?: DnsFailure;
}

/** A TXT string that is meant as DMARC but that receivers do not recognise. */
function looksLikeDmarc(text: string): boolean {
  return /^[\s"'“”‘’\\]*v\s*[=:]\s*dmarc/i.test(text) || /\bdmarc1\b/i.test(text.slice(0, 40));
}

/** Discover the DMARC record in force for a domain. Never throws. */
export async function discoverDmarc(
  domainInput: string,
  options: DmarcDiscoveryOptions,
): Promise<DmarcDiscovery> {
  const mode = options.mode ?? 'rfc9989';
  // one discovery asks each question once (the caller may share a cache across checks too)
  const resolver = cachingResolver(options.resolver);
  const domain = normalizeDomain(domainInput);
  const findings: Finding[] = [];
  const out: DmarcDiscovery = { domain, mode, status: 'none', dmarcQueries: [], findings };
  const fail = (rcode: DnsFailure, name: string): DmarcDiscovery => {
    findings.push({
      code: 'dmarc.dns-error',
      severity: 'warning',
      message: `Could not check DMARC: the DNS query for ${name} failed (${rcode}). This says nothing about whether a record exists.`,
      fix: "Try again later; if it persists, check the domain's name servers.",
    });
    return { ...out, status: 'temperror', dnsError: rcode };
  };
  if (domain.length === 0) return out;

  // 1. the author domain's own record
  const own = await queryDmarc(resolver, domain);
  out.dmarcQueries.push(`_dmarc.${domain}`);
  if (isFailure(own.rcode)) return fail(own.rcode, `_dmarc.${domain}`);
  reportRRset(own.txt, own.dmarc, `_dmarc.${domain}`, findings, mode, out);

  if (options.checkApex !== false) await checkApex(resolver, domain, own.dmarc.length > 0, findings);

  const multiple = own.dmarc.length > 1;
  if (multiple && mode === 'rfc7489') {
    // RFC 7489 §6.6.3 step 4: several records end policy discovery; no DMARC processing.
    return { ...out, status: 'multiple' };
  }
  // RFC 9989 tree walk step 2: several records are all discarded. Policy discovery then continues
  // as when no valid record was found ("If no valid DMARC Policy Record is found by the first
  // query, then perform a DNS Tree Walk"), so a record higher up may apply. mailauth's test suite
  // stops here instead; the RFC text decides.

  let record: string | undefined;
  let location: string | undefined;
  let source: DmarcDiscovery['source'];
  let orgDomain: string | undefined;
  if (own.dmarc.length === 1) {
    record = own.dmarc[0];
    location = domain;
    source = 'author';
  } else {
    const org = await organizationalDomain(domain, { resolver, mode });
    if (mode === 'rfc9989') out.dmarcQueries.push(...org.queries.slice(1).map((n) => `_dmarc.${n}`));
    if (org.error) return fail(org.error, `_dmarc.${org.queries[org.queries.length - 1]}`);
    orgDomain = org.domain;
    if (mode === 'rfc7489') {
      if (org.domain !== domain) {
        const ans = await queryDmarc(resolver, org.domain);
        out.dmarcQueries.push(`_dmarc.${org.domain}`);
        if (isFailure(ans.rcode)) return fail(ans.rcode, `_dmarc.${org.domain}`);
        reportRRset(ans.txt, ans.dmarc, `_dmarc.${org.domain}`, findings, mode, out);
        if (ans.dmarc.length > 1) return { ...out, organizationalDomain: orgDomain, status: 'multiple' };
        if (ans.dmarc.length === 1) {
          record = ans.dmarc[0];
          location = org.domain;
          source = 'organizational';
        }
      }
    } else {
      const atOrg = org.found.find((f) => f.name === org.domain);
      const psd = org.via === 'psd=y' ? org.found[org.found.length - 1] : undefined;
      if (atOrg) {
        record = atOrg.record;
        location = atOrg.name;
        source = 'organizational';
      } else if (psd) {
        // RFC 9989: the PSD's record applies only when the organizational domain publishes none.
        record = psd.record;
        location = psd.name;
        source = 'public-suffix';
      }
    }
  }
  if (orgDomain === undefined) {
    const org = await organizationalDomain(domain, { resolver, mode });
    orgDomain = org.error ? undefined : org.domain;
  }
  out.organizationalDomain = orgDomain;
  if ((record === undefined || location === undefined) && multiple) return { ...out, status: 'multiple' };
  if (record === undefined || location === undefined) {
    const ignored = findings.find((f) => f.code === 'dmarc.record-ignored');
    if (ignored) {
      // A record is published but broken: receivers discard it (RFC 7489 §6.6.3 step 3, RFC 9989
      // policy discovery: only a record starting with "v=DMARC1" counts), which leaves the domain
      // without policy. The finding is the broken record and its fix the corrected record; a new
      // "p=none" record would weaken the owner's policy (p=reject mistyped is still meant as reject).
      ignored.message += ` No other DMARC record applies to ${domain}, so receivers apply no DMARC policy to its mail.`;
      return out;
    }
    findings.push({
      code: 'dmarc.no-record',
      severity: 'warning',
      message: `No DMARC record applies to ${domain}: receivers apply no DMARC policy, and anyone can send mail in its name.`,
      fix: `Publish a TXT record at _dmarc.${orgDomain ?? domain}: "v=DMARC1; p=none; rua=mailto:dmarc-reports@${orgDomain ?? domain}", then tighten p.`,
      fixed: `v=DMARC1; p=none; rua=mailto:dmarc-reports@${orgDomain ?? domain}`,
    });
    return out;
  }

  const policy = readDmarcRecord(record, mode)!;
  Object.assign(out, { record, location, source, policy });
  if (source !== 'author') {
    findings.push({
      code: 'dmarc.inherited',
      severity: 'info',
      message: `${domain} has no record of its own; the record at _dmarc.${location} applies (${source === 'public-suffix' ? 'public suffix domain' : 'organizational domain'}).`,
      fix: `Publish _dmarc.${domain} only if ${domain} needs a policy of its own.`,
      record,
    });
    if (mode === 'rfc9989') {
      // the tree walk found it without linting it (RFC 7489 mode lints it in reportRRset)
      out.lint = lintDmarcRecord(record, { mode });
      findings.push(...out.lint.findings);
    }
  }
  if (policy.policyTagsBroken || policy.duplicateTags.length > 0) {
    if (policy.hasValidRua && policy.duplicateTags.length === 0) out.treatedAsNone = true;
    else {
      findings.push({
        code: 'dmarc.record-unusable',
        severity: 'error',
        message:
          policy.duplicateTags.length > 0
            ? `The record at _dmarc.${location} repeats a tag (${policy.duplicateTags.join(', ')}); such a record is invalid and receivers may ignore it.`
            : `The record at _dmarc.${location} has no valid p (or an invalid sp/np) and no valid rua: receivers apply no DMARC (RFC 9989 §4.10.1).`,
        fix: 'Correct the record (see the findings on it).',
        record,
      });
      return { ...out, status: 'none' };
    }
  }

  // np: the author domain does not exist. RFC 9989 "Non-existent Domains" follows RFC 8020: an
  // NXDOMAIN answer (a name with only TXT or MX records exists). Only matters for an inherited record.
  if (source !== 'author' && mode === 'rfc9989') {
    let res: DnsResult;
    try {
      res = await resolver(domain, 'A');
    } catch {
      res = { rcode: 'ERROR', answers: [] };
    }
    if (res.rcode === 'NXDOMAIN') out.domainExists = false;
    else if (!isFailure(res.rcode)) out.domainExists = true;
  }

  if (options.checkReportAuthorization !== false && orgDomain !== undefined) {
    await checkReportDestinations(resolver, location, policy, mode, findings, record);
  }
  return { ...out, status: 'found' };
}

/** Findings about one _dmarc RRset: unrelated TXT beside the record, broken records, several records. */
function reportRRset(
  txt: string[],
  dmarc: string[],
  name: string,
  findings: Finding[],
  mode: DmarcMode,
  out: DmarcDiscovery,
): void {
  for (const t of txt) {
    if (isDmarcRecord(t)) continue;
    if (looksLikeDmarc(t)) {
      const lint = lintDmarcRecord(t, { mode });
      if (dmarc.length === 0) out.lint = lint;
      findings.push({
        code: 'dmarc.record-ignored',
        severity: 'error',
        message: `The TXT record at ${name} is meant as DMARC but does not start with "v=DMARC1" exactly, so receivers ignore it.`,
        fix: lint.fixed ? `Replace it with: ${lint.fixed}` : 'Correct the record (see the findings on it).',
        record: t,
        ...(lint.fixed ? { fixed: lint.fixed } : {}),
      });
      findings.push(...lint.findings);
    } else {
      // RFC 9989 step 2: records not starting with v=DMARC1 are discarded; harmless, but confusing.
      findings.push({
        code: 'dmarc.unrelated-txt',
        severity: 'info',
        message: `${name} also holds a TXT record that is not DMARC ("${t.slice(0, 60)}"); receivers ignore it.`,
        fix: 'Remove it unless something else needs it there.',
        record: t,
      });
    }
  }
  if (dmarc.length > 1) {
    findings.push({
      code: 'dmarc.multiple-records',
      severity: 'error',
      message: `${name} has ${dmarc.length} DMARC records; receivers discard them all: RFC 7489 receivers then apply no DMARC, RFC 9989 receivers look for a record higher up.`,
      fix: 'Keep exactly one record; merge what you need into it.',
      record: dmarc.join('\n'),
    });
  } else if (dmarc.length === 1) {
    const lint = lintDmarcRecord(dmarc[0], { mode });
    out.lint = lint;
    findings.push(...lint.findings);
  }
}

/** A DMARC record at the domain's apex instead of _dmarc.<domain>: a common mistake. */
async function checkApex(
  resolver: Resolver,
  domain: string,
  hasOwn: boolean,
  findings: Finding[],
): Promise<void> {
  let res: DnsResult;
  try {
    res = await resolver(domain, 'TXT');
  } catch {
    return;
  }
  const at = res.answers
    .map((a) => (Array.isArray(a) ? a.join('') : typeof a === 'string' ? a : ''))
    .filter((t) => /^\s*v\s*=\s*dmarc1/i.test(t));
  for (const t of at) {
    findings.push({
      code: 'dmarc.record-at-apex',
      severity: hasOwn ? 'warning' : 'error',
      message: hasOwn
        ? `A DMARC record is published at ${domain} itself; it has no effect (the one at _dmarc.${domain} applies).`
        : `The DMARC record is published at ${domain} itself; receivers only look at _dmarc.${domain}, so it has no effect.`,
      fix: hasOwn
        ? `Remove the TXT record "${t}" from ${domain}.`
        : `Move it: publish it as TXT at _dmarc.${domain} and remove it from ${domain}.`,
      record: t,
    });
  }
}

/**
 * External report destinations (RFC 7489 §7.1; RFC 9990, external destinations): a rua/ruf address outside the policy
 * domain's organizational domain receives reports only if `<policy domain>._report._dmarc.<dest>`
 * holds a v=DMARC1 record (a wildcard `*._report._dmarc.<dest>` is accepted too).
 */
async function checkReportDestinations(
  resolver: Resolver,
  policyDomain: string,
  policy: DmarcPolicyRecord,
  mode: DmarcMode,
  findings: Finding[],
  record: string,
): Promise<void> {
  const own = await organizationalDomain(policyDomain, { resolver, mode });
  const dests = new Set<string>();
  for (const u of [...policy.rua, ...policy.ruf]) if (u.validMailto && u.domain) dests.add(u.domain);
  for (const dest of dests) {
    if (dest === policyDomain || dest.endsWith(`.${own.domain}`) || dest === own.domain) continue;
    const destOrg = await organizationalDomain(dest, { resolver, mode });
    if (!destOrg.error && destOrg.domain === own.domain) continue;
    const name = `${policyDomain}._report._dmarc.${dest}`;
    const authorized = await hasDmarcTxt(resolver, name);
    const wildcard = authorized === false ? await hasDmarcTxt(resolver, `*._report._dmarc.${dest}`) : false;
    if (authorized === 'failure' || wildcard === 'failure') {
      findings.push({
        code: 'dmarc.report-authorization-unchecked',
        severity: 'info',
        message: `Could not check whether ${dest} accepts reports for ${policyDomain} (DNS failure).`,
        fix: 'Try again later.',
        record,
      });
    } else if (!authorized && !wildcard) {
      findings.push({
        code: 'dmarc.report-unauthorized',
        severity: 'warning',
        message: `Reports go to ${dest}, outside ${policyDomain}; receivers send them only if ${dest} publishes ${name} TXT "v=DMARC1", and it does not.`,
        fix: `Ask the operator of ${dest} to publish: ${name}. TXT "v=DMARC1" (or a wildcard *._report._dmarc.${dest}).`,
        record,
      });
    }
    await checkDestinationMail(resolver, dest, findings, record);
  }
}

async function hasDmarcTxt(resolver: Resolver, name: string): Promise<boolean | 'failure'> {
  let res: DnsResult;
  try {
    res = await resolver(name, 'TXT');
  } catch {
    return 'failure';
  }
  if (isFailure(res.rcode)) return 'failure';
  return res.answers.some((a) => /^v=DMARC1(\s*;|\s*$)/.test(Array.isArray(a) ? a.join('') : String(a)));
}

/** A report address whose domain cannot receive mail. RFC 5321 §5.1: an A record is an implicit MX. */
async function checkDestinationMail(
  resolver: Resolver,
  dest: string,
  findings: Finding[],
  record: string,
): Promise<void> {
  let mx: DnsResult;
  try {
    mx = await resolver(dest, 'MX');
  } catch {
    return;
  }
  if (isFailure(mx.rcode) || mx.answers.length > 0) return;
  let a: DnsResult;
  try {
    a = await resolver(dest, 'A');
  } catch {
    return;
  }
  if (isFailure(a.rcode)) return;
  const implicit = a.answers.length > 0;
  findings.push({
    code: 'dmarc.report-no-mx',
    severity: implicit ? 'info' : 'warning',
    message: implicit
      ? `The report domain ${dest} has no MX records; mail still reaches it through its A record (implicit MX), but many senders give up.`
      : `The report domain ${dest} has no MX and no address: reports to it cannot be delivered.`,
    fix: `Publish an MX record for ${dest}, or use another report address.`,
    record,
  });
}
