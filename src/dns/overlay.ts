// A zone laid over another resolver: `--zone FILE` checks records before they are published,
// while names outside the zone (a provider's include:, a report destination) are still asked of
// real DNS instead of being reported as missing.
import type { Resolver } from '../types.js';
import { type MemoryZone, memoryResolver, normalizeName } from './memory.js';

/** The zone's apex names: SOA owners if any, else the owners not below another owner. */
export function zoneApexes(zone: MemoryZone): string[] {
  const owners = Object.keys(zone)
    .map(normalizeName)
    .filter((n) => n !== '*');
  const soa = Object.entries(zone)
    .filter(([, e]) => typeof e === 'object' && Array.isArray(e.SOA) && e.SOA.length > 0)
    .map(([n]) => normalizeName(n));
  if (soa.length > 0) return soa;
  return owners.filter((n) => !owners.some((o) => o !== n && n.endsWith(`.${o}`)));
}

/** Answer from `zone` for names at or below its apexes; ask `fallback` for all other names. */
export function overlayResolver(zone: MemoryZone, fallback: Resolver): Resolver {
  const inZone = memoryResolver(zone);
  const apexes = zoneApexes(zone);
  return (name, type) => {
    const n = normalizeName(name);
    const covered = apexes.some((a) => n === a || n.endsWith(`.${a}`));
    return covered ? inZone(name, type) : fallback(name, type);
  };
}
