// The DNS layer: every check takes a Resolver (types.ts) so that it runs offline in tests.
export {
  type CacheStats,
  type CachingResolver,
  /** Wrap a resolver so each distinct (name, type) is asked once per run; `.stats` counts queries. */
  cachingResolver,
} from './cache.js';
export {
  type MemoryZone,
  /** A resolver over an in-memory zone (corpus JSON format); absent name NXDOMAIN, absent type NODATA. */
  memoryResolver,
  /** Lower-case a name and drop its trailing dot. */
  normalizeName,
  type SimulatedFailure,
} from './memory.js';
export {
  /** A zone over another resolver: names at/below the zone's apex from the zone, others from `fallback`. */
  overlayResolver,
  /** The apex names of a zone (SOA owners, else the top-most owners). */
  zoneApexes,
} from './overlay.js';
export {
  type GuardedResolver,
  type SilentGuardStats,
  /** For one run: after a TIMEOUT with no answer at all before it, further questions get TIMEOUT at once. */
  silentGuard,
} from './silent-guard.js';
export {
  /** node:dns error -> DnsResult (ENOTFOUND NXDOMAIN, ENODATA NODATA, ETIMEOUT TIMEOUT...). */
  rcodeOfError,
  type SystemResolverOptions,
  /** A resolver that asks given servers ("127.0.0.1:5300"), with a timeout per query. */
  serversResolver,
  /** A resolver over the system's DNS servers (node:dns), with a timeout per query. */
  systemResolver,
} from './system.js';
export {
  type ParsedZone,
  /** Parse RFC 1035 zone-file text into a MemoryZone plus its faults (never throws). */
  parseZoneFile,
  type ZoneFileError,
  type ZoneFileOptions,
  /** A resolver over zone-file text (`--zone FILE`). */
  zoneFileResolver,
} from './zonefile.js';
