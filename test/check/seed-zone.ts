// Builds the zone of a seed case (../shared/corpus/seed/records.json): the baseline records, with
// the case's records replacing those of the same name and type (null removes them). Shared by the
// in-memory tests and the Knot integration tier, which writes the same zone as a zone file.
import { readFileSync } from 'node:fs';
import type { MemoryZone } from '../../src/dns/index.js';
import type { DnsRecordData, RRType } from '../../src/types.js';

export interface SeedRecord {
  name: string;
  type: RRType;
  value: string | string[] | null;
}

export interface SeedCase {
  id: string;
  domain: string;
  records: SeedRecord[];
  expect: { errors?: boolean; warnings?: boolean; fixed?: string };
  problem: string;
}

export interface SeedFile {
  about: string;
  cases: SeedCase[];
  baseline: SeedRecord[];
}

export const seedUrl = new URL('../../../shared/corpus/seed/records.json', import.meta.url);

export function loadSeed(): SeedFile {
  return JSON.parse(readFileSync(seedUrl, 'utf8')) as SeedFile;
}

/** The case's records over the baseline: one list of records (several per name and type allowed). */
export function caseRecords(seed: SeedFile, c: SeedCase): SeedRecord[] {
  const key = (r: SeedRecord) => `${r.name.toLowerCase()} ${r.type}`;
  const replaced = new Set(c.records.map(key));
  return [...seed.baseline.filter((r) => !replaced.has(key(r))), ...c.records.filter((r) => r.value !== null)];
}

function data(r: SeedRecord): DnsRecordData {
  const v = r.value as string | string[];
  if (r.type === 'TXT') return Array.isArray(v) ? v : [v];
  if (r.type === 'MX') {
    const [priority, exchange] = String(v).trim().split(/\s+/);
    return { priority: Number(priority), exchange };
  }
  return String(v);
}

export function caseZone(seed: SeedFile, c: SeedCase): MemoryZone {
  const zone: Record<string, Partial<Record<RRType, DnsRecordData[]>>> = {};
  for (const r of caseRecords(seed, c)) {
    const owner = (zone[r.name.toLowerCase()] ??= {});
    (owner[r.type] ??= []).push(data(r));
  }
  return zone;
}

/** The same records as zone-file lines (RFC 1035 §5), TXT strings quoted and escaped. */
export function caseZoneFile(seed: SeedFile, c: SeedCase, origin: string): string {
  const lines = [
    `$ORIGIN ${origin}.`,
    '$TTL 300',
    `@ IN SOA ns1.${origin}. hostmaster.${origin}. 1 3600 600 86400 300`,
    `@ IN NS ns1.${origin}.`,
  ];
  const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  for (const r of caseRecords(seed, c)) {
    if (r.name !== origin && !r.name.endsWith(`.${origin}`)) continue;
    const v = r.value as string | string[];
    const rdata = r.type === 'TXT' ? (Array.isArray(v) ? v : [v]).map(quote).join(' ') : String(v);
    lines.push(`${r.name}. IN ${r.type} ${rdata}`);
  }
  return `${lines.join('\n')}\n`;
}
