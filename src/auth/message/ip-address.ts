// IP addresses seen in Received lines: normalising literals and telling addresses that cannot be
// the sending server's public address (private, loopback, link-local...) from the rest.
import { BlockList, isIP } from 'node:net';

/**
 * Ranges that never identify a sender on the Internet: RFC 1918, RFC 6598 (shared/CGNAT), loopback,
 * link-local (RFC 3927, RFC 4291), "this network", ULA (RFC 4193), IPv6 loopback and unspecified.
 * The documentation ranges (RFC 5737, RFC 3849) are NOT listed: anonymised examples use them as
 * stand-ins for public addresses.
 */
const NON_PUBLIC: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
];

const nonPublic = new BlockList();
for (const [net, prefix, family] of NON_PUBLIC) nonPublic.addSubnet(net, prefix, family);

/**
 * A textual IP address as found in a header: "[1.2.3.4]", "[IPv6:2001:db8::1]", "IPv6:...",
 * "::ffff:1.2.3.4" (IPv4-mapped, returned as IPv4). Returns null when it is no IP address.
 */
export function normalizeIp(text: string): string | null {
  let t = text.trim();
  if (t.startsWith('[') && t.endsWith(']')) t = t.slice(1, -1);
  if (/^ipv6:/i.test(t)) t = t.slice(5);
  // a zone index ("fe80::1%eth0") is local by definition
  const pct = t.indexOf('%');
  if (pct >= 0) t = t.slice(0, pct);
  const family = isIP(t);
  if (family === 0) return null;
  if (family === 6) {
    const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(t);
    if (mapped && isIP(mapped[1]) === 4) return mapped[1];
    return t.toLowerCase();
  }
  return t;
}

/** True for addresses that cannot be a sending server's public address. */
export function isNonPublicIp(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return true;
  return nonPublic.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}
