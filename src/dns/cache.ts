// A per-run cache: one run asks the same question once. The promise itself is cached, so that
// parallel checks asking the same name at the same time share one query.
import type { DnsResult, Resolver, RRType } from '../types.js';
import { normalizeName } from './memory.js';

export interface CacheStats {
  /** questions asked of the cache */
  asked: number;
  /** questions passed on to the inner resolver (distinct name+type pairs) */
  queries: number;
}

export type CachingResolver = Resolver & { stats: CacheStats };

/**
 * Wrap a resolver so that each distinct (name, type) is asked of `inner` once per run. With
 * `maxEntries` (a run over many inputs), the cache is emptied when it reaches that many answers,
 * so that its memory stays bounded.
 */
export function cachingResolver(inner: Resolver, maxEntries = Number.POSITIVE_INFINITY): CachingResolver {
  const cache = new Map<string, Promise<DnsResult>>();
  const stats: CacheStats = { asked: 0, queries: 0 };
  const resolver = (name: string, type: RRType): Promise<DnsResult> => {
    stats.asked++;
    const key = `${type} ${normalizeName(name)}`;
    let pending = cache.get(key);
    if (!pending) {
      stats.queries++;
      if (cache.size >= maxEntries) cache.clear();
      // a throwing inner resolver becomes an ERROR answer: findings are values, never exceptions
      pending = inner(name, type).catch((): DnsResult => ({ rcode: 'ERROR', answers: [] }));
      cache.set(key, pending);
    }
    return pending;
  };
  return Object.assign(resolver, { stats });
}
