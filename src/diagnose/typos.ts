// Likely intended domain for a mistyped one: gnail.com -> gmail.com, gmail.con -> gmail.com,
// hotmial.com -> hotmail.com. Optimal string alignment distance (Damerau-Levenshtein with
// adjacent transpositions) against a table of frequent provider domains, then TLD slips.
import { PROVIDER_DOMAINS, TLD_SLIPS } from './data/provider-domains.js';

export interface DomainSuggestion {
  domain: string;
  /** how it differs, in words */
  why: string;
}

const KNOWN = new Set(PROVIDER_DOMAINS);

/** Whether `domain` is one of the frequent mail provider domains the typo table knows. */
export function isProviderDomain(domain: string): boolean {
  return KNOWN.has(domain.toLowerCase().replace(/\.$/, ''));
}

/** Returns the likely intended domain, or undefined when the domain looks as meant. */
export function suggestDomain(input: string): DomainSuggestion | undefined {
  const domain = input.toLowerCase().replace(/\.$/, '');
  if (KNOWN.has(domain) || domain.length > 64) return undefined;
  let best: { domain: string; distance: number } | undefined;
  for (const candidate of PROVIDER_DOMAINS) {
    // two changes only in long names: in short ones they too often make another real domain
    // (live.de is not a typo of live.fr)
    const allowed = candidate.length >= 10 ? 2 : 1;
    if (Math.abs(candidate.length - domain.length) > allowed) continue;
    const d = distance(domain, candidate, allowed);
    if (d <= allowed && (!best || d < best.distance)) best = { domain: candidate, distance: d };
  }
  if (best && sameShapeEnough(domain, best.domain)) {
    return { domain: best.domain, why: `${domain} looks like a typing mistake for ${best.domain}` };
  }
  const dot = domain.lastIndexOf('.');
  const tld = domain.slice(dot + 1);
  const right = TLD_SLIPS[tld];
  if (dot > 0 && right) {
    const fixed = `${domain.slice(0, dot)}.${right}`;
    return { domain: fixed, why: `".${tld}" looks like a typing mistake for ".${right}"` };
  }
  return undefined;
}

// Keep suggestions believable: the first letter or the ending must agree, so that e.g. "gmx.com"
// is never "corrected" to something else and unrelated short domains are left alone.
function sameShapeEnough(a: string, b: string): boolean {
  if (KNOWN.has(a)) return false;
  return a[0] === b[0] || a.slice(-4) === b.slice(-4);
}

/** Optimal string alignment distance, stopping early once it exceeds `limit`. */
export function distance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return rowMin;
    prev2 = prev;
    prev = cur;
  }
  return prev[cols - 1];
}
