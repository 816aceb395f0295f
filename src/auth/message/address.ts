// Addresses in From and Return-Path (RFC 5322 §3.4, RFC 5321 §4.1.2): a small scanner that knows
// quoted strings, comments, angle brackets and groups, enough to find each addr-spec and its domain.
import { domainToASCII } from 'node:url';

/** One mailbox found in an address list. */
export interface Mailbox {
  /** the addr-spec as written (local-part@domain), without display name or comments */
  address: string;
  /** lower-case domain without a trailing dot; "" when the address has none */
  domain: string;
}

const MAX_ADDRESS_FIELD = 16 * 1024;

/**
 * Splits an address list at top-level commas (not inside quotes, comments or angle brackets) and
 * returns each mailbox's addr-spec. Group names ("undisclosed:;") are dropped; entries without an
 * "@" are kept with an empty domain so that a caller can say the field holds no usable address.
 */
export function parseAddressList(value: string): Mailbox[] {
  const text = value.slice(0, MAX_ADDRESS_FIELD);
  const entries: string[] = [];
  let buf = '';
  let depth = 0; // comment nesting
  let inQuote = false;
  let inAngle = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuote) {
      if (c === '\\') {
        i++;
      } else if (c === '"') inQuote = false;
      buf += ' ';
      continue;
    }
    if (depth > 0) {
      if (c === '\\') i++;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      continue;
    }
    if (c === '"') {
      inQuote = true;
      buf += ' ';
    } else if (c === '(') depth = 1;
    else if (c === '<') {
      inAngle = true;
      buf += c;
    } else if (c === '>') {
      inAngle = false;
      buf += c;
    } else if (!inAngle && (c === ',' || c === ';')) {
      entries.push(buf);
      buf = '';
    } else if (!inAngle && c === ':') {
      buf = ''; // a group's display name ends here
    } else buf += c;
  }
  entries.push(buf);
  const out: Mailbox[] = [];
  for (const raw of entries) {
    const spec = addrSpecOf(raw);
    if (spec === null) continue;
    out.push({ address: spec, domain: domainOf(spec) });
  }
  return out;
}

/** The addr-spec inside one list entry (display name, quotes and comments already blanked). */
function addrSpecOf(entry: string): string | null {
  const lt = entry.lastIndexOf('<');
  let spec: string;
  if (lt >= 0) {
    const gt = entry.indexOf('>', lt);
    spec = entry.slice(lt + 1, gt < 0 ? undefined : gt);
    // obsolete source route "<@a,@b:user@host>"
    const colon = spec.lastIndexOf(':');
    if (spec.startsWith('@') && colon > 0) spec = spec.slice(colon + 1);
  } else spec = entry;
  spec = spec.replace(/\s+/g, '');
  return spec === '' ? null : spec;
}

/**
 * Lower-case domain of an address, without a trailing dot; "" when there is none. Internationalized
 * domains (RFC 6531 addresses) are returned as A-labels, the form DNS and DKIM's d= use.
 */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return '';
  let d = address.slice(at + 1).toLowerCase();
  if (d.endsWith('.')) d = d.slice(0, -1);
  if (/[^\x00-\x7f]/.test(d)) return domainToASCII(d) || d;
  return d;
}

/**
 * The envelope sender in a Return-Path field or a --mail-from argument: "<>" (or empty) is the
 * null reverse-path of bounces (RFC 5321 §4.5.5), returned as "".
 */
export function parseReversePath(value: string): string {
  const list = parseAddressList(value.trim() === '<>' ? '' : value);
  return list[0]?.address ?? '';
}

/** A plausible DNS domain name (LDH labels, 1-63 octets each, at most 253 in all). */
export function isDomainName(name: string): boolean {
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  if (labels.length < 2) return false;
  return labels.every(
    (l) => l.length > 0 && l.length <= 63 && /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/i.test(l),
  );
}
