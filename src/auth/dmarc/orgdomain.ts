// Organizational domain and the DNS Tree Walk (RFC 9989 "DNS Tree Walk", "Identifier Alignment
// Evaluation"), or RFC 7489 §3.2's public-suffix way (tldts, PSL with its private section).
import { domainToASCII } from 'node:url';
import type { DnsResult, Resolver } from '../../types.js';
import { registrableDomain } from '../public-suffix.js';
import { isDmarcRecord, readDmarcRecord } from './record.js';
import type { DmarcMode } from './tags.js';

/** The walk asks at most this many names (RFC 9989: authors with more labels are shortened). */
export const MAX_WALK_QUERIES = 8;

/**
 * Lower case, no trailing dot, no empty labels (".mac.com." -> "mac.com"); U-labels become A-labels
 * (RFC 9989 "Extract Author Domain": a U-label MUST be converted, RFC 5890 §2.3).
 */
export function normalizeDomain(domain: string): string {
  const plain = domain
    .trim()
    .toLowerCase()
    .split('.')
    .filter((l) => l.length > 0)
    .join('.');
  return /[^\x00-\x7f]/.test(plain) ? domainToASCII(plain) || plain : plain;
}

/**
 * The names a tree walk asks about, in order (RFC 9989 steps 3-7): the name itself; then, for names of
 * 8 or more labels, the last 7 labels; then one label less each time down to the top-level label.
 */
export function treeWalkTargets(domain: string): string[] {
  const labels = normalizeDomain(domain).split('.').filter(Boolean);
  if (labels.length === 0) return [];
  const out = [labels.join('.')];
  let n = labels.length >= 8 ? 7 : labels.length - 1;
  while (n >= 1) {
    out.push(labels.slice(labels.length - n).join('.'));
    n--;
  }
  return out;
}

export type DnsFailure = 'TIMEOUT' | 'SERVFAIL' | 'REFUSED' | 'ERROR';

/** What one `_dmarc.<name>` TXT question returned. */
export interface DmarcAnswer {
  name: string;
  rcode: DnsResult['rcode'];
  /** every TXT record, character-strings joined without separator (RFC 7208 §3.3 / RFC 9989 alike) */
  txt: string[];
  /** the records that are DMARC records (start with v=DMARC1) */
  dmarc: string[];
}

export const isFailure = (rcode: DnsResult['rcode']): rcode is DnsFailure =>
  rcode === 'TIMEOUT' || rcode === 'SERVFAIL' || rcode === 'REFUSED' || rcode === 'ERROR';

/** Ask for `_dmarc.<name>` TXT. Never throws (a throwing resolver counts as ERROR). */
export async function queryDmarc(resolver: Resolver, name: string): Promise<DmarcAnswer> {
  let res: DnsResult;
  try {
    res = await resolver(`_dmarc.${name}`, 'TXT');
  } catch {
    res = { rcode: 'ERROR', answers: [] };
  }
  const txt = res.answers.map((a) => (Array.isArray(a) ? a.join('') : typeof a === 'string' ? a : ''));
  return { name, rcode: res.rcode, txt, dmarc: txt.filter(isDmarcRecord) };
}

export interface OrgDomainResult {
  domain: string;
  /** how it was chosen */
  via: 'psd=n' | 'psd=y' | 'highest-record' | 'self' | 'psl';
  /** names whose _dmarc was asked */
  queries: string[];
  /** a DNS failure stopped the walk: the answer is unknown */
  error?: DnsFailure;
  /** the records found on the way (name -> record), longest name first */
  found: { name: string; record: string }[];
}

export interface OrgDomainOptions {
  resolver: Resolver;
  mode?: DmarcMode;
}

/** The organizational domain of a name (RFC 9989 tree walk by default; RFC 7489 PSL as an option). */
export async function organizationalDomain(
  domain: string,
  options: OrgDomainOptions,
): Promise<OrgDomainResult> {
  const start = normalizeDomain(domain);
  if (options.mode === 'rfc7489') {
    const org = registrableDomain(start, { allowPrivateDomains: true }) ?? start;
    return { domain: org, via: 'psl', queries: [], found: [] };
  }
  const queries: string[] = [];
  const found: { name: string; record: string }[] = [];
  for (const name of treeWalkTargets(start).slice(0, MAX_WALK_QUERIES)) {
    queries.push(name);
    const ans = await queryDmarc(options.resolver, name);
    if (isFailure(ans.rcode)) return { domain: start, via: 'self', queries, error: ans.rcode, found };
    if (ans.dmarc.length !== 1) continue; // none, or several (all discarded)
    found.push({ name, record: ans.dmarc[0] });
    const psd = readDmarcRecord(ans.dmarc[0])?.psd;
    if (psd === 'n') return { domain: name, via: 'psd=n', queries, found };
    if (psd === 'y') {
      // psd=y at the starting name itself is not a boundary below it: fall through to the rules below.
      if (name !== start) return { domain: oneLabelBelow(start, name), via: 'psd=y', queries, found };
      break;
    }
  }
  if (found.length > 0)
    return { domain: found[found.length - 1].name, via: 'highest-record', queries, found };
  return { domain: start, via: 'self', queries, found };
}

/** "a.b.example.com" below "com" -> "example.com". */
export function oneLabelBelow(start: string, suffix: string): string {
  const labels = start.split('.');
  const n = suffix.split('.').length + 1;
  return labels.slice(Math.max(0, labels.length - n)).join('.');
}
