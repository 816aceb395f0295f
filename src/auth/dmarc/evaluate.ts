// DMARC evaluation of one message (RFC 9989 "Mail Receiver Actions"; RFC 7489 §6.6 as an option):
// the record in force, identifier alignment of each authenticated identifier, pass/fail and the
// policy the domain owner requests. Only SPF results of scope MAIL FROM count (RFC 7489 §3.1.2,
// RFC 9989 "SPF-Authenticated Identifiers"); HELO results never do. Only "pass" results can align.
import { cachingResolver } from '../../dns/cache.js';
import type { Resolver } from '../../types.js';
import { identifiersAlign } from './align.js';
import { type DmarcDiscovery, discoverDmarc } from './discover.js';
import { normalizeDomain, type OrgDomainResult } from './orgdomain.js';
import type { DmarcMode, PolicyRequest } from './tags.js';

export interface SpfIdentity {
  domain: string;
  result: string;
  /** mfrom (default) or helo; helo never counts for DMARC */
  scope?: 'mfrom' | 'helo';
}

export interface DkimIdentity {
  /** the signature's d= */
  domain: string;
  result: string;
  selector?: string;
}

export interface DmarcEvalInput {
  /** the RFC5322.From domain (the Author Domain) */
  fromDomain: string;
  spf: SpfIdentity[];
  dkim: DkimIdentity[];
}

export interface DmarcEvalOptions {
  resolver: Resolver;
  mode?: DmarcMode;
}

export interface IdentifierAlignment {
  kind: 'spf' | 'dkim';
  domain: string;
  selector?: string;
  result: string;
  scope?: 'mfrom' | 'helo';
  aligned: boolean;
  /** the alignment mode of the record in force */
  mode: 'relaxed' | 'strict';
  /** the identifier's organizational domain, when it was needed */
  organizationalDomain?: string;
  why: string;
}

export interface DmarcEvaluation {
  result: 'pass' | 'fail' | 'none' | 'temperror' | 'permerror';
  fromDomain: string;
  /** where the record in force was found */
  policyDomain?: string;
  organizationalDomain?: string;
  /** p, sp or np as published for this From domain (before t=y) */
  publishedPolicy?: PolicyRequest;
  /** the policy requested for failing mail: after p/sp/np selection and the t=y downgrade */
  policy: PolicyRequest | null;
  /** which tag the policy came from */
  policySource?: 'p' | 'sp' | 'np' | 'missing-p-with-rua';
  /** t=y (RFC 9989) */
  testing: boolean;
  /** RFC 7489 pct: the policy applies to this share of failing mail (100 in rfc9989 mode) */
  pct: number;
  /** what receivers do with a failing message, in practice the policy (none for pass) */
  disposition: PolicyRequest | null;
  alignment: {
    spf: { aligned: boolean; domain?: string; mode: 'relaxed' | 'strict' };
    dkim: { aligned: boolean; domain?: string; mode: 'relaxed' | 'strict' };
  };
  identifiers: IdentifierAlignment[];
  discovery: DmarcDiscovery;
  /** one sentence: why this result */
  reason: string;
}

const DOWNGRADE: Record<PolicyRequest, PolicyRequest> = {
  reject: 'quarantine',
  quarantine: 'none',
  none: 'none',
};

/** Evaluate DMARC for one message's identities. Never throws. */
export async function evaluateDmarc(
  input: DmarcEvalInput,
  options: DmarcEvalOptions,
): Promise<DmarcEvaluation> {
  const mode = options.mode ?? 'rfc9989';
  const resolver = cachingResolver(options.resolver); // discovery and alignment share answers
  const from = normalizeDomain(input.fromDomain ?? '');
  const base = (
    discovery: DmarcDiscovery,
    result: DmarcEvaluation['result'],
    reason: string,
  ): DmarcEvaluation => ({
    result,
    fromDomain: from,
    policy: null,
    testing: false,
    pct: 100,
    disposition: null,
    alignment: { spf: { aligned: false, mode: 'relaxed' }, dkim: { aligned: false, mode: 'relaxed' } },
    identifiers: [],
    discovery,
    reason,
  });
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/i.test(from)) {
    const empty: DmarcDiscovery = { domain: from, mode, status: 'none', dmarcQueries: [], findings: [] };
    return base(empty, 'permerror', `"${input.fromDomain}" is not a usable From domain.`);
  }
  const discovery = await discoverDmarc(from, {
    resolver,
    mode,
    checkApex: false,
    checkReportAuthorization: false,
  });
  if (discovery.status === 'temperror')
    return base(discovery, 'temperror', 'A DNS query failed; DMARC could not be evaluated.');
  if (discovery.status === 'multiple')
    return base(discovery, 'none', `Several DMARC records at _dmarc.${from}: none applies.`);
  if (discovery.status !== 'found' || !discovery.policy) {
    return base(discovery, 'none', `No usable DMARC record applies to ${from}.`);
  }
  const rec = discovery.policy;
  const author = from;
  const policyDomain = discovery.location!;

  // policy selection (RFC 9989 "DMARC Policy Discovery"; RFC 7489 §6.6.3)
  let published: PolicyRequest;
  let source: DmarcEvaluation['policySource'];
  if (discovery.treatedAsNone) {
    published = 'none';
    source = 'missing-p-with-rua';
  } else if (policyDomain === author) {
    published = rec.p!;
    source = 'p';
  } else if (discovery.domainExists === false && (rec.np || rec.sp)) {
    // np absent: sp, then p, applies to non-existent subdomains
    published = (rec.np ?? rec.sp)!;
    source = rec.np ? 'np' : 'sp';
  } else if (rec.sp) {
    published = rec.sp;
    source = 'sp';
  } else {
    published = rec.p!;
    source = 'p';
  }
  const policy = rec.testing ? DOWNGRADE[published] : published;

  // identifier alignment
  const cache = new Map<string, Promise<OrgDomainResult>>();
  let dnsTrouble = false;
  const identifiers: IdentifierAlignment[] = [];
  const check = async (
    kind: 'spf' | 'dkim',
    domainIn: string,
    result: string,
    extra: Partial<IdentifierAlignment>,
  ): Promise<void> => {
    const domain = normalizeDomain(domainIn ?? '');
    const alignMode = (kind === 'spf' ? rec.aspf : rec.adkim) === 's' ? 'strict' : 'relaxed';
    const item: IdentifierAlignment = {
      kind,
      domain,
      result,
      aligned: false,
      mode: alignMode,
      why: '',
      ...extra,
    };
    identifiers.push(item);
    if (kind === 'spf' && extra.scope === 'helo') {
      item.why = 'SPF of the HELO name never counts for DMARC; only the MAIL FROM domain does.';
      return;
    }
    if (String(result).toLowerCase() !== 'pass') {
      item.why = `${kind.toUpperCase()} result is ${result}; only a pass can align.`;
      return;
    }
    const al = await identifiersAlign(author, domain, alignMode, { resolver, mode, cache });
    if (al.identifierOrg) item.organizationalDomain = al.identifierOrg;
    if (al.aligned === 'temperror') {
      dnsTrouble = true;
      item.why = 'A DNS failure kept the organizational domains from being determined.';
    } else if (al.identical) {
      item.aligned = true;
      item.why = `${domain} is the From domain itself (aligned in ${alignMode} mode).`;
    } else if (alignMode === 'strict') {
      item.why = `Strict alignment (${kind === 'spf' ? 'aspf' : 'adkim'}=s) needs exactly ${author}; ${domain} differs.`;
    } else if (al.aligned) {
      item.aligned = true;
      item.why = `${domain} and ${author} share the organizational domain ${al.authorOrg} (relaxed alignment).`;
    } else {
      item.why = `${domain} belongs to the organizational domain ${al.identifierOrg}, ${author} to ${al.authorOrg}: they differ.`;
    }
  };
  for (const s of input.spf ?? []) await check('spf', s.domain, s.result, { scope: s.scope ?? 'mfrom' });
  for (const d of input.dkim ?? [])
    await check('dkim', d.domain, d.result, d.selector ? { selector: d.selector } : {});

  const spfHit = identifiers.find((i) => i.kind === 'spf' && i.aligned);
  const dkimHit = identifiers.find((i) => i.kind === 'dkim' && i.aligned);
  const pass = Boolean(spfHit || dkimHit);
  const result: DmarcEvaluation['result'] = pass ? 'pass' : dnsTrouble ? 'temperror' : 'fail';
  const reason = pass
    ? `DMARC passes: ${[dkimHit && `DKIM d=${dkimHit.domain}`, spfHit && `SPF ${spfHit.domain}`].filter(Boolean).join(' and ')} aligned with ${author}.`
    : result === 'temperror'
      ? 'No identifier aligned, and DNS failures kept some from being checked.'
      : `DMARC fails: no SPF (MAIL FROM) or DKIM pass aligned with ${author}; the domain owner requests ${policy}.`;
  return {
    result,
    fromDomain: author,
    policyDomain,
    organizationalDomain: discovery.organizationalDomain,
    publishedPolicy: published,
    policy,
    policySource: source,
    testing: rec.testing,
    pct: rec.pct,
    disposition: result === 'fail' ? policy : result === 'pass' ? 'none' : null,
    alignment: {
      spf: {
        aligned: Boolean(spfHit),
        domain: spfHit?.domain,
        mode: rec.aspf === 's' ? 'strict' : 'relaxed',
      },
      dkim: {
        aligned: Boolean(dkimHit),
        domain: dkimHit?.domain,
        mode: rec.adkim === 's' ? 'strict' : 'relaxed',
      },
    },
    identifiers,
    discovery,
    reason,
  };
}
