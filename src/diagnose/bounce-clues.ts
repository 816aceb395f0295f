// What a bounce's own words tell the chain when headers are missing: the sender's domain as
// receivers name it in DMARC refusals, and the sending IP a reply quotes.
import { isNonPublicIp } from '../auth/message/ip-address.js';

/** The domain of an address ("Name <a@b.example>" too), lower case, without a final dot. */
export function domainOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const m = /@([A-Za-z0-9.-]+)/.exec(address);
  return m ? m[1].toLowerCase().replace(/\.$/, '') : undefined;
}

/**
 * The sender's domain as receivers name it in DMARC refusals, when no headers came with the bounce:
 * Gmail's "Unauthenticated email from example.com is not accepted", "administrator of example.com
 * domain", and the common "DMARC policy for example.com".
 */
const DOMAIN_PHRASES: readonly RegExp[] = [
  /unauthenticated email from ([a-z0-9-]+(?:\.[a-z0-9-]+)+)/,
  /administrator of ([a-z0-9-]+(?:\.[a-z0-9-]+)+) domain/,
  /dmarc policy (?:for|of) ([a-z0-9-]+(?:\.[a-z0-9-]+)+)/,
];

export function domainNamedIn(lowerText: string): string | undefined {
  for (const re of DOMAIN_PHRASES) {
    const m = re.exec(lowerText);
    if (m) return m[1].replace(/\.$/, '');
  }
  return undefined;
}

/** The first public IPv4 (or bracketed IPv6) address the receiver's reply names. */
export function ipFrom(text: string): string | undefined {
  const v4 = /(?:^|[^\d.])((?:\d{1,3}\.){3}\d{1,3})(?![\d.]*\d)/g;
  for (const m of text.matchAll(v4)) {
    const ip = m[1];
    // "host mx.example[192.0.2.1] said": that is the receiver's own address, not the sender's
    const at = (m.index ?? 0) + m[0].indexOf(ip);
    if (text[at - 1] === '[' && /[a-z0-9.-]/i.test(text[at - 2] ?? '')) continue;
    // private, loopback and other non-public ranges: the same test the message doctor uses
    if (!isNonPublicIp(ip)) return ip;
  }
  const v6 = /\[(?:ipv6:)?([0-9a-f:]{3,39})\]/i.exec(text)?.[1].toLowerCase();
  return v6?.includes(':') && !isNonPublicIp(v6) ? v6 : undefined;
}
