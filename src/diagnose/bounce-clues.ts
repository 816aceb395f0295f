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

/**
 * A DMARC permerror in the receiver's words: the From domain's policy record could not be evaluated
 * (RFC 7489 §6.6.3, RFC 9989), as in "554 5.7.5 Permanent error evaluating DMARC policy". Not a
 * failed alignment. 5.7.5 alone counts unless the reply is about SPF or DKIM instead.
 */
const DMARC_PERMERROR: readonly RegExp[] = [
  /error evaluating (?:the )?dmarc/,
  /dmarc[\w\s-]{0,20}(?:permerror|perm error|permanent error|processing error|policy error|record error)/,
  /(?:permerror|permanent error)[\w\s-]{0,30}dmarc/,
];

export function isDmarcPermerror(status: string | undefined, lowerText: string): boolean {
  if (DMARC_PERMERROR.some((re) => re.test(lowerText))) return true;
  return status === '5.7.5' && (lowerText.includes('dmarc') || !/\b(?:spf|dkim)\b/.test(lowerText));
}

/**
 * A refusal under the From domain's DMARC policy, in the receiver's words: Gmail's "550 5.7.26
 * Unauthenticated email from example.com is not accepted due to domain's DMARC policy", "rejected
 * per DMARC policy", "DMARC policy violation". The receiver then read a record that parses: one
 * that does not is a permerror and no policy is applied (RFC 7489 §6.6.3), which is the other
 * refusal (isDmarcPermerror).
 */
const DMARC_POLICY_REFUSAL: readonly RegExp[] = [
  /dmarc[\w\s'-]{0,20}(?:policy|reject|fail|violation)/,
  /(?:reject|fail)[\w\s'-]{0,30}dmarc/,
  /unauthenticated email/,
];

export function isDmarcPolicyRefusal(status: string | undefined, lowerText: string): boolean {
  if (isDmarcPermerror(status, lowerText)) return false;
  return status === '5.7.26' || DMARC_POLICY_REFUSAL.some((re) => re.test(lowerText));
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

/**
 * The recipient domain's own mail server answering in the bounce: the Remote-MTA, or the host of
 * a "host mx.example[192.0.2.1] said:" line, when it is the domain itself or a name under it.
 * Returns that host name. A sending server that reached such a host found the domain in its DNS:
 * under a name that does not exist no name exists either (RFC 8020 §2).
 */
export function domainServerIn(
  result: { remoteMta?: string; diagnosticCode?: string },
  domain: string,
): string | undefined {
  const d = domain.toLowerCase().replace(/\.$/, '');
  const hosts = [
    result.remoteMta,
    /\bhost ([a-z0-9.-]+)\[[^\]]*\] said:/i.exec(result.diagnosticCode ?? '')?.[1],
  ];
  for (const h of hosts) {
    // "dns; mx.example" as a DSN writes it, or the bare name
    const host = h
      ?.replace(/^\s*dns\s*;\s*/i, '')
      .trim()
      .toLowerCase()
      .replace(/\.$/, '');
    if (host && (host === d || host.endsWith(`.${d}`))) return host;
  }
  return undefined;
}
