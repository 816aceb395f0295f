// DMARC for one message (RFC 7489 §6.6, RFC 9989 "DMARC Policy Discovery" and "Identifier
// Alignment"): find the policy for the From domain, decide which authenticated identities align,
// and which policy the receiver is asked to apply. Discovery and organizational domains come from
// src/auth/dmarc; the per-message decision is made here.
import type { Resolver } from '../../types.js';
import { discoverDmarc } from '../dmarc/discover.js';
import { organizationalDomain } from '../dmarc/orgdomain.js';
import type { DmarcMode } from '../dmarc/tags.js';
import { type Alignment, alignmentOf } from './alignment.js';
import type { DmarcVerdict } from './types.js';

/** An authenticated identity offered to DMARC. Only pass results can align (RFC 7489 §4.2). */
export interface DmarcCandidate {
  method: 'spf' | 'dkim';
  domain: string;
  result: string;
}

export interface DmarcStepResult {
  verdict: DmarcVerdict;
  /** alignment of each candidate, same order */
  alignments: Alignment[];
  /** organizational domain of the From domain under this mode */
  fromOrg?: string;
}

export async function evaluateMessageDmarc(
  fromDomain: string,
  candidates: DmarcCandidate[],
  mode: DmarcMode,
  resolver: Resolver,
): Promise<DmarcStepResult> {
  const disc = await discoverDmarc(fromDomain, {
    resolver,
    mode,
    checkApex: false,
    checkReportAuthorization: false,
  });
  const orgCache = new Map<string, Promise<string | undefined>>();
  const orgOf = (d: string) => {
    let p = orgCache.get(d);
    if (!p) {
      p = organizationalDomain(d, { resolver, mode }).then((o) => (o.error ? undefined : o.domain));
      orgCache.set(d, p);
    }
    return p;
  };
  const fromOrg = disc.organizationalDomain ?? (await orgOf(fromDomain));
  const adkim = disc.policy?.adkim ?? 'r';
  const aspf = disc.policy?.aspf ?? 'r';
  const alignments: Alignment[] = [];
  for (const c of candidates) {
    const m = (c.method === 'spf' ? aspf : adkim) === 's' ? 'strict' : 'relaxed';
    const idOrg = m === 'relaxed' && c.domain !== fromDomain ? await orgOf(c.domain) : undefined;
    alignments.push(alignmentOf(fromDomain, c.domain, m, fromOrg, idOrg));
  }
  const passing = candidates
    .map((c, i) => ({ c, a: alignments[i] }))
    .filter(({ c, a }) => c.result === 'pass' && a.aligned);

  const base = { mode, source: 'evaluated' as const, adkim, aspf };
  const where = disc.location ? `_dmarc.${disc.location}` : undefined;
  if (disc.status === 'temperror') {
    return {
      verdict: {
        ...base,
        result: 'temperror',
        why: `the DMARC record could not be fetched (DNS ${disc.dnsError ?? 'failure'})`,
      },
      alignments,
      fromOrg,
    };
  }
  if (disc.status === 'multiple') {
    return {
      verdict: {
        ...base,
        result: 'none',
        why: `several DMARC records at one name: receivers discard them all and apply no policy`,
      },
      alignments,
      fromOrg,
    };
  }
  if (disc.status === 'none' || !disc.policy || !disc.record) {
    const broken = disc.findings.some(
      (f) => f.code === 'dmarc.record-unusable' || f.code === 'dmarc.record-ignored',
    );
    return {
      verdict: {
        ...base,
        result: 'none',
        why: broken
          ? `the DMARC record for ${fromDomain} is broken, so receivers apply no DMARC policy`
          : `no DMARC record applies to ${fromDomain}`,
        record: disc.record,
      },
      alignments,
      fromOrg,
    };
  }
  const pol = disc.policy;
  // which policy: p at the author domain; else np (non-existent domain, RFC 9989), sp, then p
  let policy = pol.p ?? 'none';
  let which = 'p';
  if (disc.treatedAsNone) {
    policy = 'none';
    which = 'no valid p, but a valid rua: treated as p=none';
  } else if (disc.source !== 'author') {
    if (mode === 'rfc9989' && disc.domainExists === false && pol.np) {
      policy = pol.np;
      which = 'np (the From domain does not exist)';
    } else if (pol.sp) {
      policy = pol.sp;
      which = 'sp (subdomain policy)';
    }
  }
  if (pol.testing && policy !== 'none') {
    // RFC 9989 t=y: one step milder (reject -> quarantine, quarantine -> none)
    policy = policy === 'reject' ? 'quarantine' : 'none';
    which += ', one step milder because of t=y';
  }
  const result = passing.length > 0 ? 'pass' : 'fail';
  const by = passing
    .map(({ c }) => (c.method === 'spf' ? `SPF for ${c.domain}` : `DKIM d=${c.domain}`))
    .join(' and ');
  const pctNote =
    mode === 'rfc7489' && pol.pct < 100 ? ` (pct=${pol.pct}: applied to that share of failing mail)` : '';
  return {
    verdict: {
      ...base,
      result,
      policy,
      policyDomain: disc.location,
      record: disc.record,
      why:
        result === 'pass'
          ? `aligned ${by} passed; record ${where}: p=${pol.p ?? 'none'}`
          : `no identity both passed and aligned with ${fromDomain}; policy ${policy} from ${where} (${which})${pctNote}`,
    },
    alignments,
    fromOrg,
  };
}
