// The DNS layer: every check takes a Resolver (types.ts) so that it runs offline in tests.
export {
  /** Wrap a resolver so each distinct (name, type) is asked once per run; `.stats` counts queries. */
  cachingResolver,
  type CacheStats,
  type CachingResolver,
} from './cache.js';
export {
  /** A resolver over an in-memory zone (corpus JSON format); absent name NXDOMAIN, absent type NODATA. */
  memoryResolver,
  type MemoryZone,
  /** Lower-case a name and drop its trailing dot. */
  normalizeName,
  type SimulatedFailure,
} from './memory.js';
export {
  /** node:dns error -> DnsResult (ENOTFOUND NXDOMAIN, ENODATA NODATA, ETIMEOUT TIMEOUT...). */
  rcodeOfError,
  /** A resolver that asks given servers ("127.0.0.1:5300"), with a timeout per query. */
  serversResolver,
  /** A resolver over the system's DNS servers (node:dns), with a timeout per query. */
  systemResolver,
  type SystemResolverOptions,
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
