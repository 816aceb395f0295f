// The domain a person or a request names for `check`: one rule for the command line and the API.
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';

/** Longer input is refused before the IDN conversion (which is not free on megabytes of text). */
const MAX_INPUT_CHARS = 1024;

/** The domain to check, or what the input is instead ("not a domain name"; one line, without the input). */
export type DomainToCheck = { domain: string } | { error: string };

/**
 * The domain to check for `input` (spaces, letter case and a final dot ignored; an IDN such as
 * bücher.example as its A-label xn--bcher-kva.example, as DNS holds it), or why it is refused: not
 * a host name (RFC 1035 lengths; letters, digits, hyphens, and "_" for names like _dmarc), or an IP
 * address (dotted quad, IPv6, bracketed or as an SMTP address literal [IPv6:...]), which has no
 * DMARC, SPF, DKIM or MX of its own: the records live at names, and `_dmarc.192.0.2.1` is no name
 * anyone can publish.
 *
 * A top-level domain ("com") is a domain name and is checked: public suffix operators publish
 * DMARC records for the names below them (RFC 9989's psd=y), "v=spf1 -all" and null MX, and a
 * mail admin checking one wants those records linted, not a refusal. checkDomain says what a public
 * suffix's records mean.
 */
export function domainToCheck(input: string): DomainToCheck {
  const raw = input.trim().toLowerCase().replace(/\.$/, '');
  if (raw.length > MAX_INPUT_CHARS) return { error: 'not a domain name' };
  if (isIpAddress(raw))
    return { error: 'an IP address, not a domain name (check the domain of the sender address)' };
  const domain = /[^\x00-\x7f]/.test(raw) ? domainToASCII(raw) : raw;
  if (!isHostName(domain)) return { error: 'not a domain name' };
  return { domain };
}

/** 192.0.2.1, 2001:db8::1, [192.0.2.1], [2001:db8::1], [IPv6:2001:db8::1] (RFC 5321 §4.1.3). */
function isIpAddress(text: string): boolean {
  const bare = /^\[.*\]$/.test(text) ? text.slice(1, -1).replace(/^ipv6:/, '') : text;
  // digits and dots only ("10.1", "3232235777") is what inet_aton reads as an address, and no
  // domain name (RFC 3696 §2: a top-level domain is not all-numeric)
  return isIP(bare) !== 0 || /^[0-9.]+$/.test(bare);
}

/** RFC 1035 §2.3.4 lengths: up to 253 characters, labels of 1 to 63; letters, digits, "-", "_". */
function isHostName(name: string): boolean {
  if (name.length === 0 || name.length > 253 || /[^a-z0-9._-]/.test(name)) return false;
  const labels = name.split('.');
  if (labels.some((l) => l.length === 0 || l.length > 63)) return false;
  // RFC 3696 §2: a top-level domain is not all-numeric
  return !/^[0-9]+$/.test(labels[labels.length - 1]);
}
