// Builds a MemoryZone from the `zonedata` of one scenario of the OpenSPF YAML suite, following the
// driver conventions in ../shared/corpus/spf/README.md.
import type { MemoryZone } from '../../../src/dns/index.js';
import type { DnsRecordData, RRType } from '../../../src/types.js';

type SuiteItem = string | Record<string, unknown>;

const TYPES: RRType[] = ['A', 'AAAA', 'MX', 'TXT', 'PTR', 'CNAME', 'NS', 'SOA', 'SPF'];

export function suiteZone(zonedata: Record<string, SuiteItem[]> | undefined): MemoryZone {
  const zone: MemoryZone = {};
  for (const [name, items] of Object.entries(zonedata ?? {})) {
    const entry: Partial<Record<RRType, DnsRecordData[] | 'TIMEOUT'>> = {};
    const explicit = new Set<string>();
    let timeout = false;
    for (const item of items ?? []) {
      if (item === 'TIMEOUT') {
        timeout = true;
        continue;
      }
      if (typeof item !== 'object' || item === null) continue;
      for (const [type, value] of Object.entries(item)) {
        const t = type.toUpperCase() as RRType;
        explicit.add(t);
        if (value === 'NONE') continue;
        if (value === 'TIMEOUT') {
          entry[t] = 'TIMEOUT';
          continue;
        }
        let data: DnsRecordData;
        if (t === 'TXT' || t === 'SPF') data = Array.isArray(value) ? value.map(String) : [String(value)];
        else if (t === 'MX') {
          const [priority, exchange] = value as [number, string];
          data = { priority: Number(priority), exchange: String(exchange) };
        } else data = String(value);
        const list = entry[t];
        if (Array.isArray(list)) list.push(data);
        else entry[t] = [data];
      }
    }
    // RFC 7208 queries TXT only: SPF-type entries stand for TXT unless TXT is given explicitly
    if (!explicit.has('TXT') && Array.isArray(entry.SPF)) entry.TXT = entry.SPF;
    if (timeout) {
      for (const t of TYPES) if (entry[t] === undefined) entry[t] = 'TIMEOUT';
    }
    zone[name] = entry;
  }
  return zone;
}
