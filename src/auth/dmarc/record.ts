// A receiver's reading of one DMARC record (RFC 9989 §4.7, §4.10.1; RFC 7489 §6.3, §6.6.3):
// the values it would act on, with defaults filled in. Uses the strict parse (";" only).
import { parseDmarc } from './parse.js';
import { type DmarcMode, ENUM_VALUES, type PolicyRequest } from './tags.js';
import { parseUriList, type ReportUri } from './uri.js';

export interface DmarcPolicyRecord {
  /** p as published (undefined when absent or invalid) */
  p?: PolicyRequest;
  sp?: PolicyRequest;
  np?: PolicyRequest;
  /** p is absent, or p/sp/np has an invalid value: RFC 9989 §4.10.1's rua rule applies */
  policyTagsBroken: boolean;
  adkim: 'r' | 's';
  aspf: 'r' | 's';
  /** RFC 9989 t=y (test mode); ignored in rfc7489 mode */
  testing: boolean;
  psd: 'y' | 'n' | 'u';
  /** RFC 7489 pct (100 when absent or unreadable); RFC 9989 ignores it */
  pct: number;
  rua: ReportUri[];
  ruf: ReportUri[];
  /** at least one syntactically valid mailto: rua URI */
  hasValidRua: boolean;
  /** the same tag appears twice: DKIM tag-list rules (RFC 6376 §3.2, inherited by RFC 7489 §6.3) make the record invalid */
  duplicateTags: string[];
}

/**
 * Whether a TXT string is a DMARC record at all: its first tag is v (name case-insensitive) and the
 * value is exactly "DMARC1" (case-sensitive, RFC 9989 v tag; RFC 7489's ABNF uses %x44... too).
 * Leading blanks are not allowed: records that do not *start with* the v tag are discarded.
 */
export function isDmarcRecord(text: string): boolean {
  const first = parseDmarc(text).terms[0];
  return first?.kind === 'tag' && first.span[0] === 0 && first.name === 'v' && first.value === 'DMARC1';
}

/** Read a record as a receiver would (strict parse). Returns null when it is not a DMARC record. */
export function readDmarcRecord(text: string, mode: DmarcMode = 'rfc9989'): DmarcPolicyRecord | null {
  if (!isDmarcRecord(text)) return null;
  const { terms } = parseDmarc(text);
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const t of terms.slice(1)) {
    if (t.kind !== 'tag' || !t.name) continue; // syntax errors are ignored (RFC 9989 §4.7)
    if (seen.has(t.name)) duplicates.push(t.name);
    else seen.set(t.name, t.value ?? '');
  }
  const enumOf = (tag: string): string | undefined => {
    const v = seen.get(tag)?.toLowerCase();
    return v !== undefined && ENUM_VALUES[tag]?.includes(v) ? v : undefined;
  };
  const p = enumOf('p') as PolicyRequest | undefined;
  const sp = enumOf('sp') as PolicyRequest | undefined;
  // np and psd/t come from RFC 9091/9989; an RFC 7489 receiver treats them as unknown tags.
  const np = mode === 'rfc9989' ? (enumOf('np') as PolicyRequest | undefined) : undefined;
  const broken =
    p === undefined ||
    (seen.has('sp') && sp === undefined) ||
    (mode === 'rfc9989' && seen.has('np') && np === undefined);
  const rua = parseUriList(seen.get('rua') ?? '');
  const pctText = seen.get('pct');
  const pct =
    pctText !== undefined && /^[0-9]{1,3}$/.test(pctText) && Number(pctText) <= 100 ? Number(pctText) : 100;
  return {
    p,
    sp,
    np,
    policyTagsBroken: broken,
    adkim: (enumOf('adkim') as 'r' | 's' | undefined) ?? 'r',
    aspf: (enumOf('aspf') as 'r' | 's' | undefined) ?? 'r',
    testing: mode === 'rfc9989' && enumOf('t') === 'y',
    psd: mode === 'rfc9989' ? ((enumOf('psd') as 'y' | 'n' | 'u' | undefined) ?? 'u') : 'u',
    pct: mode === 'rfc7489' ? pct : 100,
    rua,
    ruf: parseUriList(seen.get('ruf') ?? ''),
    hasValidRua: rua.some((u) => u.validMailto),
    duplicateTags: duplicates,
  };
}
