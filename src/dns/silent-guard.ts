// A resolver guard for one run (one report): when the DNS server does not answer at all, later
// questions get TIMEOUT at once instead of each waiting out its own timeout. The diagnosis chain
// asks in steps (message doctor, then domain doctor, then reverse DNS); against a dead server each
// step would wait the full timeout again, and a bounce took 15+ seconds to say "could not check".
// It trips only while no question has had an answer (NOERROR, NXDOMAIN...): a server that answers
// some names and times out on others (a broken zone behind a working resolver) is left alone.
import type { DnsResult, Resolver, RRType } from '../types.js';

export interface SilentGuardStats {
  /** questions answered TIMEOUT by the guard without asking */
  skipped: number;
}

export type GuardedResolver = Resolver & { stats: SilentGuardStats };

/** Gives up after `timeouts` TIMEOUT result(s) while no question has had an answer yet. */
export function silentGuard(inner: Resolver, timeouts = 1): GuardedResolver {
  let timedOut = 0;
  let answered = false;
  const stats: SilentGuardStats = { skipped: 0 };
  const resolver = async (name: string, type: RRType): Promise<DnsResult> => {
    if (!answered && timedOut >= timeouts) {
      stats.skipped++;
      return { rcode: 'TIMEOUT', answers: [] };
    }
    const r = await inner(name, type);
    if (r.rcode === 'TIMEOUT') timedOut++;
    else if (r.rcode !== 'ERROR') answered = true;
    return r;
  };
  return Object.assign(resolver, { stats });
}
