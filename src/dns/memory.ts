// An in-memory DNS zone behind the Resolver interface: unit tests, the corpus JSON zones and
// `--zone FILE` (after zone-file parsing) all go through it.
import type { DnsRecordData, DnsResult, Resolver, RRType } from '../types.js';

/** A failure a zone entry can stand for instead of data. */
export type SimulatedFailure = 'TIMEOUT' | 'SERVFAIL';

/**
 * owner name -> type -> answers (TXT/SPF: one string[] of character-strings per record; MX:
 * {priority, exchange}; others: strings). An owner may be a failure string (every question about
 * it fails that way) and so may a single type. The owner "*" with a failure string makes every
 * question fail (the corpus's `{"*": "TIMEOUT"}`). Names are case-insensitive, trailing dot optional.
 */
export type MemoryZone = Record<
  string,
  SimulatedFailure | Partial<Record<RRType, DnsRecordData[] | SimulatedFailure>>
>;

/** Lower-case a domain name and drop one trailing dot. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') && lower.length > 1 ? lower.slice(0, -1) : lower;
}

function isFailure(v: unknown): v is SimulatedFailure {
  return v === 'TIMEOUT' || v === 'SERVFAIL';
}

/** TXT data may be written as "text" or ["chunk", ...]; answers always keep chunks apart. */
function normalizeAnswers(type: RRType, answers: DnsRecordData[]): DnsRecordData[] {
  if (type !== 'TXT' && type !== 'SPF') return answers;
  return answers.map((a) => (typeof a === 'string' ? [a] : a));
}

const MAX_CNAME_CHAIN = 8;

/**
 * A resolver over a MemoryZone. Absent name -> NXDOMAIN, unless names below it are present (an
 * empty non-terminal: NODATA); name present without the type -> NODATA (NOERROR, no answers); a CNAME at the name is followed for other types (canonicalName is set).
 */
export function memoryResolver(zone: MemoryZone): Resolver {
  const table = new Map<string, MemoryZone[string]>();
  for (const [name, entry] of Object.entries(zone)) table.set(normalizeName(name), entry);
  // empty non-terminals: a name with no records of its own but names below it exists (NOERROR,
  // no data; RFC 8020 §2), as example.com does when a zone holds only _dmarc.example.com
  const nonTerminals = new Set<string>();
  for (const name of table.keys()) {
    for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1))
      nonTerminals.add(name.slice(dot + 1));
  }
  const everything = table.get('*');
  const allFail = isFailure(everything) ? everything : undefined;

  return async (name: string, type: RRType): Promise<DnsResult> => {
    if (allFail) return { rcode: allFail, answers: [] };
    let owner = normalizeName(name);
    let canonicalName: string | undefined;
    for (let hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
      const entry = table.get(owner);
      if (entry === undefined) {
        const rcode = nonTerminals.has(owner) ? 'NOERROR' : 'NXDOMAIN';
        return withCanonical({ rcode, answers: [] }, canonicalName);
      }
      if (isFailure(entry)) return { rcode: entry, answers: [] };
      const data = entry[type];
      if (isFailure(data)) return { rcode: data, answers: [] };
      if (data && data.length > 0) {
        return withCanonical({ rcode: 'NOERROR', answers: normalizeAnswers(type, data) }, canonicalName);
      }
      const cname = entry.CNAME;
      if (type !== 'CNAME' && Array.isArray(cname) && typeof cname[0] === 'string') {
        owner = normalizeName(cname[0]);
        canonicalName = owner;
        continue;
      }
      return withCanonical({ rcode: 'NOERROR', answers: [] }, canonicalName);
    }
    return { rcode: 'SERVFAIL', answers: [] }; // CNAME chain too long or a loop
  };
}

function withCanonical(result: DnsResult, canonicalName: string | undefined): DnsResult {
  return canonicalName ? { ...result, canonicalName } : result;
}
