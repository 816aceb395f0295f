// IP address helpers for SPF: parsing to bytes, CIDR matching, the %{i} / reverse-name forms.
import { isIPv4, isIPv6 } from 'node:net';

export interface IpAddress {
  family: 4 | 6;
  bytes: number[];
}

function parse4(s: string): number[] {
  return s.split('.').map(Number);
}

function parse6(s: string): number[] {
  let text = s;
  // a trailing dotted IPv4 part becomes two groups
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const v4 = parse4(text.slice(lastColon + 1));
    text = `${text.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const bytes: number[] = [];
  for (const g of groups) {
    const v = Number.parseInt(g, 16);
    bytes.push(v >> 8, v & 0xff);
  }
  return bytes;
}

/**
 * Parse an address. An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is returned as IPv4: RFC 7208
 * §5 says such a client is evaluated as the IPv4 address it carries.
 */
export function parseIp(s: string): IpAddress | null {
  if (isIPv4(s)) return { family: 4, bytes: parse4(s) };
  if (!isIPv6(s) || s.includes('%')) return null;
  const bytes = parse6(s);
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) return { family: 4, bytes: bytes.slice(12) };
  return { family: 6, bytes };
}

/** Whether `ip` lies in `net`/`prefix` (same family only). */
export function inNetwork(ip: IpAddress, net: IpAddress, prefix: number): boolean {
  if (ip.family !== net.family) return false;
  let bits = prefix;
  for (let i = 0; i < ip.bytes.length && bits > 0; i++) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip.bytes[i] & mask) !== (net.bytes[i] & mask)) return false;
    bits -= 8;
  }
  return true;
}

/** %{i}: dotted quad, or 32 dot-separated lower-case nibbles for IPv6 (RFC 7208 §7.3). */
export function dottedForm(ip: IpAddress): string {
  if (ip.family === 4) return ip.bytes.join('.');
  return ip.bytes.flatMap((b) => [(b >> 4).toString(16), (b & 0xf).toString(16)]).join('.');
}

/** %{c}: the usual text form (IPv6 compressed, lower case). */
export function readableForm(ip: IpAddress): string {
  if (ip.family === 4) return ip.bytes.join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((ip.bytes[i] << 8) | ip.bytes[i + 1]);
  // longest run of zero groups (length >= 2) becomes "::" (RFC 5952)
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** The name to ask PTR for: d.c.b.a.in-addr.arpa or nibbles.ip6.arpa. */
export function reverseName(ip: IpAddress): string {
  const reversed = dottedForm(ip).split('.').reverse().join('.');
  return `${reversed}.${ip.family === 4 ? 'in-addr' : 'ip6'}.arpa`;
}
