// DMARC for one message under one set of rules: the verdict comes from src/auth/dmarc's
// evaluateDmarc (RFC 9989 / RFC 7489). The message doctor also wants to know how each identity's
// DOMAIN relates to the From domain even when its result is not a pass (an aligned signature that
// fails is a different fault from one that never could align), so that relation is added here.
import type { Resolver } from '../../types.js';
import {
  type DmarcEvaluation,
  evaluateDmarc,
  identifiersAlign,
  type OrgDomainResult,
} from '../dmarc/index.js';
import type { DmarcMode } from '../dmarc/tags.js';
import { type Alignment, alignmentOf } from './alignment.js';
import type { DmarcVerdict } from './types.js';

/** An authenticated identity offered to DMARC. Only pass results can align (RFC 7489 §4.2). */
export interface DmarcCandidate {
  method: 'spf' | 'dkim';
  domain: string;
  result: string;
  selector?: string;
}

export interface DmarcStepResult {
  verdict: DmarcVerdict;
  /** how each candidate's domain relates to the From domain, same order */
  alignments: Alignment[];
  evaluation: DmarcEvaluation;
}

export async function evaluateMessageDmarc(
  fromDomain: string,
  candidates: DmarcCandidate[],
  mode: DmarcMode,
  resolver: Resolver,
): Promise<DmarcStepResult> {
  const ev = await evaluateDmarc(
    {
      fromDomain,
      spf: candidates
        .filter((c) => c.method === 'spf')
        .map((c) => ({ domain: c.domain, result: c.result, scope: 'mfrom' })),
      dkim: candidates
        .filter((c) => c.method === 'dkim')
        .map((c) => ({ domain: c.domain, result: c.result, selector: c.selector })),
    },
    { resolver, mode },
  );
  const rec = ev.discovery.policy;
  const cache = new Map<string, Promise<OrgDomainResult>>();
  const alignments: Alignment[] = [];
  for (const c of candidates) {
    const m = (c.method === 'spf' ? rec?.aspf : rec?.adkim) === 's' ? 'strict' : 'relaxed';
    const rel = await identifiersAlign(fromDomain, c.domain, m, { resolver, mode, cache });
    if (rel.aligned === 'temperror') {
      alignments.push({
        aligned: false,
        mode: m,
        why: 'DNS failed while finding the organizational domains',
      });
    } else {
      alignments.push(alignmentOf(fromDomain, c.domain, m, rel.authorOrg, rel.identifierOrg));
    }
  }
  const verdict: DmarcVerdict = {
    mode,
    result: ev.result,
    source: 'evaluated',
    policy: ev.policy ?? undefined,
    policyDomain: ev.policyDomain,
    record: ev.discovery.record,
    adkim: rec?.adkim,
    aspf: rec?.aspf,
    why: describe(ev),
  };
  return { verdict, alignments, evaluation: ev };
}

function describe(ev: DmarcEvaluation): string {
  if (ev.result !== 'pass' && ev.result !== 'fail') {
    // a clause inside our own sentences: "No usable record applies." -> "no usable record applies"
    const r = ev.reason.replace(/\.$/, '');
    return r.charAt(0).toLowerCase() + r.slice(1);
  }
  const where = ev.policyDomain ? ` (record at _dmarc.${ev.policyDomain}` : ' (';
  const tag =
    ev.policySource === 'missing-p-with-rua'
      ? 'no valid p= but a valid rua=: treated as p=none'
      : `${ev.policySource}=${ev.publishedPolicy}`;
  const testing = ev.testing ? ', one step milder because of t=y' : '';
  const pct =
    ev.pct < 100 ? `, pct=${ev.pct}: applied to that share of failing mail by RFC 7489 receivers` : '';
  return `${ev.reason.replace(/\.$/, '')}${where}, ${tag}${testing}${pct})`;
}
