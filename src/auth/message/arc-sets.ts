// ARC sets (RFC 8617 §4.1): each intermediary adds ARC-Seal, ARC-Message-Signature and
// ARC-Authentication-Results with the same instance i=. Here only their structure is read; the
// signatures are verified in ../dkim/verify.ts.
import { type AuthResultsHeader, parseAuthResults } from './auth-results.js';
import type { RawField } from './header-fields.js';
import { parseTagList } from './tag-list.js';

export interface ArcSet {
  instance: number;
  /** cv= of the ARC-Seal: none (first set), pass, fail */
  cv?: string;
  /** d= of the seal, the intermediary's signing domain */
  sealDomain?: string;
  /** d= of the ARC-Message-Signature */
  signatureDomain?: string;
  /** what the intermediary saw when the message reached it */
  results?: AuthResultsHeader;
}

export interface ArcChainShape {
  sets: ArcSet[];
  /** structural faults (RFC 8617 §5.1.1): missing or duplicate members, gaps, more than 50 sets */
  faults: string[];
}

const MAX_ARC_SETS = 50; // RFC 8617 §4.2.1
/** Required tags: ARC-Seal RFC 8617 §4.1.3, ARC-Message-Signature §4.1.2 (DKIM's minus v=, plus i=). */
const SEAL_TAGS = ['i', 'a', 'b', 'cv', 'd', 's'];
const AMS_TAGS = ['i', 'a', 'b', 'bh', 'd', 'h', 's'];

/** A tag-list with duplicate or malformed tags is invalid (RFC 6376 §3.2, which RFC 8617 §4.1 uses). */
function tagListFaults(value: string, label: string, required: string[], forbidden: string[]): string[] {
  const { tags, duplicates, malformed } = parseTagList(value);
  const out: string[] = [];
  if (duplicates.length > 0) out.push(`${label} repeats ${duplicates.map((d) => `${d}=`).join(', ')}`);
  if (malformed.length > 0) out.push(`${label} has malformed tags: ${malformed.join(', ')}`);
  const missing = required.filter((t) => !tags.has(t));
  if (missing.length > 0)
    out.push(`${label} lacks ${missing.map((m) => `${m}=`).join(', ')} (tag names are case-sensitive)`);
  for (const f of forbidden) if (tags.has(f)) out.push(`${label} carries ${f}=, which is not allowed there`);
  return out;
}

export function readArcSets(fields: RawField[]): ArcChainShape {
  const byInstance = new Map<number, { seal: string[]; ams: string[]; aar: string[] }>();
  const faults: string[] = [];
  let aarIndex = 0;
  for (const f of fields) {
    const kind =
      f.name === 'arc-seal'
        ? 'seal'
        : f.name === 'arc-message-signature'
          ? 'ams'
          : f.name === 'arc-authentication-results'
            ? 'aar'
            : null;
    if (!kind) continue;
    const iTag = parseTagList(f.value).tags.get('i') ?? '';
    if (!/^\d{1,3}$/.test(iTag)) {
      faults.push(`${f.name} without a valid i= tag`);
      continue;
    }
    const i = Number(iTag);
    let entry = byInstance.get(i);
    if (!entry) {
      entry = { seal: [], ams: [], aar: [] };
      byInstance.set(i, entry);
    }
    entry[kind].push(f.value);
  }
  const instances = [...byInstance.keys()].sort((a, b) => a - b);
  if (instances.length > MAX_ARC_SETS) faults.push(`more than ${MAX_ARC_SETS} ARC sets`);
  const sets: ArcSet[] = [];
  instances.forEach((i, pos) => {
    if (i !== pos + 1)
      faults.push(`ARC instance i=${i} where i=${pos + 1} was expected (gap or not starting at 1)`);
    const e = byInstance.get(i)!;
    for (const [k, label] of [
      ['seal', 'ARC-Seal'],
      ['ams', 'ARC-Message-Signature'],
      ['aar', 'ARC-Authentication-Results'],
    ] as const) {
      if (e[k].length === 0) faults.push(`set i=${i} has no ${label}`);
      if (e[k].length > 1) faults.push(`set i=${i} has ${e[k].length} ${label} fields`);
    }
    const set: ArcSet = { instance: i };
    if (e.seal[0]) faults.push(...tagListFaults(e.seal[0], `ARC-Seal i=${i}`, SEAL_TAGS, ['h']));
    if (e.ams[0]) faults.push(...tagListFaults(e.ams[0], `ARC-Message-Signature i=${i}`, AMS_TAGS, []));
    if (e.seal[0]) {
      const t = parseTagList(e.seal[0]).tags;
      set.cv = t.get('cv')?.toLowerCase();
      set.sealDomain = t.get('d')?.toLowerCase();
    }
    if (e.ams[0]) set.signatureDomain = parseTagList(e.ams[0]).tags.get('d')?.toLowerCase();
    if (e.aar[0]) set.results = parseAuthResults(e.aar[0], 'arc-authentication-results', aarIndex++);
    sets.push(set);
  });
  return { sets, faults };
}
