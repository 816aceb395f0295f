// Identifier alignment (RFC 9989 "Identifier Alignment Evaluation"; RFC 7489 §3.1):
// strict = the two names are identical; relaxed = they have the same organizational domain.
import type { Resolver } from '../../types.js';
import { normalizeDomain, type OrgDomainResult, organizationalDomain } from './orgdomain.js';
import type { DmarcMode } from './tags.js';

export interface AlignOptions {
  resolver: Resolver;
  mode?: DmarcMode;
  /** share organizational-domain lookups between calls */
  cache?: Map<string, Promise<OrgDomainResult>>;
}

export interface AlignResult {
  aligned: boolean | 'temperror';
  /** identical names */
  identical: boolean;
  authorOrg?: string;
  identifierOrg?: string;
}

/** Whether an authenticated identifier aligns with the author domain. Never throws. */
export async function identifiersAlign(
  author: string,
  identifier: string,
  alignment: 'relaxed' | 'strict',
  options: AlignOptions,
): Promise<AlignResult> {
  const a = normalizeDomain(author);
  const b = normalizeDomain(identifier);
  if (a.length > 0 && a === b) return { aligned: true, identical: true };
  if (alignment === 'strict' || a.length === 0 || b.length === 0) return { aligned: false, identical: false };
  const cache = options.cache ?? new Map<string, Promise<OrgDomainResult>>();
  const orgOf = (d: string): Promise<OrgDomainResult> => {
    let hit = cache.get(d);
    if (!hit) {
      hit = organizationalDomain(d, { resolver: options.resolver, mode: options.mode });
      cache.set(d, hit);
    }
    return hit;
  };
  const [oa, ob] = await Promise.all([orgOf(a), orgOf(b)]);
  if (oa.error || ob.error) return { aligned: 'temperror', identical: false };
  return {
    aligned: oa.domain === ob.domain,
    identical: false,
    authorOrg: oa.domain,
    identifierOrg: ob.domain,
  };
}
