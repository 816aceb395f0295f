// SPF for the message: bouncedoc's own check_host() (src/auth/spf) on the MAIL FROM identity, or
// on postmaster@<HELO> when MAIL FROM is the null sender (RFC 7208 §2.4).
import type { Clock, Resolver } from '../../types.js';
import { checkHost } from '../spf/index.js';
import type { SpfCheckResult } from '../spf/types.js';

export interface SpfStepInput {
  resolver: Resolver;
  ip: string;
  /** the MAIL FROM address; "" for the null sender */
  mailFrom: string;
  helo?: string;
  clock?: Clock;
}

export interface SpfStepResult {
  scope: 'mailfrom' | 'helo';
  domain: string;
  check: SpfCheckResult;
}

/** Returns undefined when there is no identity to check (null sender and no HELO name). */
export async function evaluateSpf(input: SpfStepInput): Promise<SpfStepResult | undefined> {
  const at = input.mailFrom.lastIndexOf('@');
  if (input.mailFrom !== '' && at > 0) {
    const domain = input.mailFrom
      .slice(at + 1)
      .toLowerCase()
      .replace(/\.$/, '');
    const check = await checkHost(input.ip, domain, input.mailFrom, {
      resolver: input.resolver,
      helo: input.helo,
      clock: input.clock,
    });
    return { scope: 'mailfrom', domain, check };
  }
  if (!input.helo || input.helo.startsWith('[')) return undefined;
  const domain = input.helo.toLowerCase().replace(/\.$/, '');
  const check = await checkHost(input.ip, domain, `postmaster@${domain}`, {
    resolver: input.resolver,
    helo: input.helo,
    clock: input.clock,
  });
  return { scope: 'helo', domain, check };
}

/** One line on what decided an SPF result. */
export function describeSpf(r: SpfStepResult, ip: string): string {
  const c = r.check;
  const who = r.scope === 'helo' ? `the HELO name ${r.domain}` : r.domain;
  switch (c.result) {
    case 'pass':
      return `${ip} is allowed by the SPF record of ${who}${c.mechanism ? ` (${c.mechanism.term} in ${c.mechanism.domain})` : ''}`;
    case 'fail':
      return `${ip} is not allowed by the SPF record of ${who}${c.mechanism ? ` (it ends in ${c.mechanism.term})` : ''}`;
    case 'softfail':
      return `${ip} is not listed in the SPF record of ${who}, which ends in ${c.mechanism?.term ?? '~all'} (softfail)`;
    case 'neutral':
      return `the SPF record of ${who} says nothing about ${ip} (neutral)`;
    case 'none':
      return `${who} publishes no SPF record${c.problem ? ` (${c.problem})` : ''}`;
    case 'permerror':
      return `the SPF record of ${who} is broken (permerror${c.problem ? `: ${c.problem}` : ''})`;
    case 'temperror':
      return `SPF could not be checked for ${who}: DNS failed${c.problem ? ` (${c.problem})` : ''}`;
  }
}
