// Which Received line tells the sending server's IP and HELO name. The topmost Received fields
// were written by the receiving organisation's own servers; the first of them that recorded a
// client from outside that organisation (not a private or loopback address, not one of its own
// hosts) is the hand-over that SPF was evaluated on (RFC 7208 §2.1 / §4.1: the "client IP" is the
// SMTP client of the receiving server).
import { registrableDomain } from '../public-suffix.js';
import { isNonPublicIp } from './ip-address.js';
import type { ReceivedHop } from './received.js';

export interface SendingHop {
  hop: ReceivedHop;
  /** why this hop was taken, in plain words */
  why: string;
  /** the receiving organisation as far as the headers tell (authserv-id or topmost "by" host) */
  receiver?: string;
  /** false when no Received line from the receiver's own servers was found: a guess */
  confident: boolean;
}

/** Organisation of a host name by the public-suffix list: a heuristic for "same operator" only. */
function orgOf(host: string | undefined): string | undefined {
  if (!host) return undefined;
  return registrableDomain(host.toLowerCase());
}

/**
 * Picks the hop. `receiverHost` is the authserv-id of the receiver's Authentication-Results when
 * there is one (the most direct statement of who the receiver is), else the topmost "by" host.
 */
export function pickSendingHop(hops: ReceivedHop[], receiverHost?: string): SendingHop | undefined {
  const receiver = receiverHost ?? hops.find((h) => h.by)?.by;
  const receiverOrg = orgOf(receiver);
  const skipped: string[] = [];
  for (const hop of hops) {
    const n = `Received #${hop.index + 1}`;
    if (!hop.ip) {
      skipped.push(`${n} records no client address`);
      continue;
    }
    if (isNonPublicIp(hop.ip)) {
      skipped.push(`${n} is from ${hop.ip}, a private or loopback address (a hand-over inside one network)`);
      continue;
    }
    const clientOrg = orgOf(hop.rdns) ?? orgOf(hop.helo);
    if (receiverOrg && clientOrg === receiverOrg) {
      skipped.push(`${n} is from ${hop.rdns ?? hop.helo}, one of the receiver's own servers`);
      continue;
    }
    const byOrg = orgOf(hop.by);
    const confident = !receiverOrg || byOrg === receiverOrg;
    const lead = skipped.length > 0 ? `${skipped.join('; ')}; so ` : '';
    const recorded = hop.by ? `${hop.by} recorded` : 'recorded';
    const why = confident
      ? `${lead}Received #${hop.index + 1} was taken: ${recorded} the client ${hop.rdns ?? hop.helo ?? hop.ip} [${hop.ip}] coming from outside${receiverOrg ? ` ${receiverOrg}` : ''}`
      : `${lead}Received #${hop.index + 1} was taken, the topmost hop with a public address; but none of the Received lines was written by the receiver (${receiver}), so the address the receiver saw may be a later relay`;
    return { hop, why, receiver, confident };
  }
  return undefined;
}
