// Identifier alignment (RFC 7489 §3.1, RFC 9989 §4.4): strict = the same domain; relaxed = the
// same organizational domain. The organizational domain is found by the caller (public-suffix
// list for RFC 7489, DNS tree walk for RFC 9989) and passed in.

export type AlignmentMode = 'relaxed' | 'strict';

export interface Alignment {
  aligned: boolean;
  mode: AlignmentMode;
  /** a sentence naming both domains, e.g. "bounces.esp.example is not example.org nor a subdomain of it" */
  why: string;
}

/**
 * Compares an authenticated domain with the From domain. `fromOrg`/`idOrg` are the organizational
 * domains (undefined when unknown; relaxed alignment then falls back to the subdomain test).
 */
export function alignmentOf(
  fromDomain: string,
  idDomain: string,
  mode: AlignmentMode,
  fromOrg?: string,
  idOrg?: string,
): Alignment {
  const from = fromDomain.toLowerCase();
  const id = idDomain.toLowerCase();
  if (from === id) return { aligned: true, mode, why: `${id} is the From domain itself` };
  if (mode === 'strict') {
    return {
      aligned: false,
      mode,
      why: `${id} is not exactly ${from}, and the domain's DMARC record asks for strict alignment`,
    };
  }
  const sameOrg = fromOrg && idOrg ? fromOrg === idOrg : id.endsWith(`.${from}`) || from.endsWith(`.${id}`);
  if (sameOrg) {
    return {
      aligned: true,
      mode,
      why: `${id} and ${from} share the organizational domain ${fromOrg ?? shorter(from, id)} (relaxed alignment)`,
    };
  }
  const org = fromOrg && fromOrg !== from ? ` nor in its organizational domain ${fromOrg}` : '';
  return { aligned: false, mode, why: `${id} is not ${from} nor a subdomain of it${org}` };
}

function shorter(a: string, b: string): string {
  return a.length <= b.length ? a : b;
}
