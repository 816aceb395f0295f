// Builds the zone of a seed case (../shared/corpus/seed/records.json): the baseline records, with
// the case's records replacing those of the same name and type (null removes them). Shared by the
// in-memory tests and the Knot integration tier, which writes the same zone as a zone file.
import { readFileSync } from 'node:fs';
import type { MemoryZone } from '../../src/dns/index.js';
import type { DnsRecordData, RRType } from '../../src/types.js';
import { ROOT_ZONE_APEX } from '../integration/knot-server.js';

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
  return [
    ...seed.baseline.filter((r) => !replaced.has(key(r))),
    ...c.records.filter((r) => r.value !== null),
  ];
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
    const name = r.name.toLowerCase();
    const owner = zone[name] ?? {};
    zone[name] = owner;
    owner[r.type] = [...(owner[r.type] ?? []), data(r)];
  }
  return zone;
}

/** A TXT value as zone-file character-strings: quoted, at most 255 octets each, non-ASCII as \\DDD. */
export function txtRdata(strings: readonly string[]): string {
  const out: string[] = [];
  for (const s of strings) {
    const bytes = Buffer.from(s, 'utf8');
    for (let at = 0; at === 0 || at < bytes.length; at += 255) {
      let text = '';
      for (const b of bytes.subarray(at, at + 255)) {
        if (b === 0x22 || b === 0x5c) text += `\\${String.fromCharCode(b)}`;
        else if (b < 0x20 || b > 0x7e) text += `\\${String(b).padStart(3, '0')}`;
        else text += String.fromCharCode(b);
      }
      out.push(`"${text}"`);
    }
  }
  return out.join(' ');
}

/**
 * The case's records as a zone file of the root zone: every name, in and out of example.com, lives
 * in one zone, so that one authoritative server answers all of them (names that are not there get
 * NXDOMAIN, as they would on the internet, rather than REFUSED).
 */
export function caseZoneFile(seed: SeedFile, c: SeedCase): string {
  const lines = [...ROOT_ZONE_APEX];
  for (const r of caseRecords(seed, c)) {
    const v = r.value as string | string[];
    const rdata = r.type === 'TXT' ? txtRdata(Array.isArray(v) ? v : [v]) : String(v);
    lines.push(`${r.name}. IN ${r.type} ${rdata}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The seed case with this id (D00...); a test naming a missing one is itself wrong. */
export function seedCase(seed: SeedFile, id: string): SeedCase {
  const c = seed.cases.find((x) => x.id === id);
  if (!c) throw new Error(`no seed case ${id}`);
  return c;
}
