// Zone-file (RFC 1035 §5 master file) reader: $ORIGIN, $TTL, @, relative names, omitted owners,
// parentheses across lines, ; comments, quoted character-strings with \X and \DDD escapes.
// The result is a MemoryZone, so `--zone FILE` checks records before they are published.

import { isIPv4, isIPv6 } from 'node:net';
import { printable } from '../output/printable.js';
import type { DnsRecordData, Resolver, RRType } from '../types.js';
import { type MemoryZone, memoryResolver, normalizeName } from './memory.js';

export interface ZoneFileError {
  line: number;
  message: string;
}

export interface ParsedZone {
  zone: MemoryZone;
  errors: ZoneFileError[];
  /** records read */
  records: number;
}

export interface ZoneFileOptions {
  /** origin for relative names before any $ORIGIN (e.g. the domain being checked) */
  origin?: string;
}

/** Zone files larger than this are refused (DNS data is attacker-controlled input). */
const MAX_ZONE_CHARS = 8_000_000;

interface Token {
  /** the text, escapes decoded (\DDD octets read as UTF-8; invalid sequences become U+FFFD) */
  text: string;
  quoted: boolean;
}

interface LogicalLine {
  line: number;
  /** the line began with blank space: the owner is the previous one (RFC 1035 §5.1) */
  ownerOmitted: boolean;
  tokens: Token[];
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** Split the file into logical lines of tokens; parentheses join physical lines. */
function tokenize(text: string, errors: ZoneFileError[]): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let line = 1;
  let depth = 0;
  let current: LogicalLine | null = null;
  let atLineStart = true;
  let i = 0;
  const n = text.length;

  const isDelimiter = (ch: string) =>
    ch === ' ' ||
    ch === '\t' ||
    ch === '\r' ||
    ch === '\n' ||
    ch === ';' ||
    ch === '(' ||
    ch === ')' ||
    ch === '"';

  // Plain runs are sliced from the text; only escapes (\X, \DDD octets) go through bytes.
  const readToken = (quoted: boolean): Token => {
    const bytes: number[] = [];
    let runStart = i;
    const flushRun = () => {
      if (i > runStart) for (const b of encoder.encode(text.slice(runStart, i))) bytes.push(b);
    };
    let plain = true;
    while (i < n) {
      const ch = text[i];
      if (quoted ? ch === '"' || ch === '\n' : isDelimiter(ch)) break;
      if (ch === '\\' && i + 1 < n) {
        plain = false;
        flushRun();
        const digits = text.slice(i + 1, i + 4);
        if (/^[0-9]{3}$/.test(digits)) {
          bytes.push(Number(digits) & 0xff);
          i += 4;
        } else {
          const cp = text.codePointAt(i + 1) ?? 0;
          for (const b of encoder.encode(String.fromCodePoint(cp))) bytes.push(b);
          i += cp > 0xffff ? 3 : 2;
        }
        runStart = i;
        continue;
      }
      i++;
    }
    let value: string;
    if (plain) value = text.slice(runStart, i);
    else {
      flushRun();
      value = utf8.decode(new Uint8Array(bytes));
    }
    if (quoted) {
      if (text[i] === '"') i++;
      else errors.push({ line, message: 'unterminated quoted string' });
    }
    return { text: value, quoted };
  };

  while (i < n) {
    const ch = text[i];
    if (atLineStart && depth === 0) {
      if (current && current.tokens.length > 0) lines.push(current);
      current = { line, ownerOmitted: ch === ' ' || ch === '\t', tokens: [] };
      atLineStart = false;
    }
    if (ch === '\n') {
      line++;
      i++;
      atLineStart = true;
      continue;
    }
    if (ch === ';') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '(') {
      depth++;
      i++;
      continue;
    }
    if (ch === ')') {
      if (depth === 0) errors.push({ line, message: "')' without '('" });
      depth = Math.max(0, depth - 1);
      i++;
      continue;
    }
    if (ch === '"') {
      i++;
      current?.tokens.push(readToken(true));
      continue;
    }
    current?.tokens.push(readToken(false));
  }
  if (current && current.tokens.length > 0) lines.push(current);
  if (depth > 0) errors.push({ line, message: "'(' not closed" });
  return lines;
}

const CLASSES = new Set(['IN', 'CH', 'HS', 'CS']);
// all digits, or digits+unit groups ("1h30m"); written so that no run of digits can be split two
// ways (`^[0-9]+[smhdw]?([0-9]+[smhdw])*$` is quadratic on a long run of digits that fails)
const TTL = /^(?:[0-9]+|(?:[0-9]+[smhdw])+)$/i;
const KNOWN_TYPES = new Set<RRType>(['A', 'AAAA', 'MX', 'TXT', 'PTR', 'CNAME', 'NS', 'SOA', 'SPF']);

function absolute(name: string, origin: string): string {
  if (name === '@') return origin;
  if (name.endsWith('.')) return normalizeName(name);
  return origin ? `${name.toLowerCase()}.${origin}` : name.toLowerCase();
}

/** Parse zone-file text into a MemoryZone; faults are returned, never thrown. */
export function parseZoneFile(text: string, opts: ZoneFileOptions = {}): ParsedZone {
  const errors: ZoneFileError[] = [];
  const zone: MemoryZone = {};
  if (text.length > MAX_ZONE_CHARS) {
    return {
      zone,
      errors: [{ line: 0, message: `zone file over ${MAX_ZONE_CHARS} characters` }],
      records: 0,
    };
  }
  let origin = opts.origin ? normalizeName(opts.origin) : '';
  let owner = origin;
  let records = 0;

  for (const { line, ownerOmitted, tokens } of tokenize(text, errors)) {
    const words = tokens.map((t) => t.text);
    const first = words[0];
    if (!ownerOmitted && first.startsWith('$')) {
      const directive = first.toUpperCase();
      if (directive === '$ORIGIN' && words[1]) origin = absolute(words[1], origin);
      else if (directive === '$TTL') {
        // TTLs are not kept: the checks do not use them
      } else errors.push({ line, message: `${first} is not supported` });
      continue;
    }
    let k = 0;
    if (!ownerOmitted) {
      if (first === '@' && !origin) errors.push({ line, message: "'@' used before any $ORIGIN" });
      owner = absolute(first, origin);
      k = 1;
    }
    // TTL and class may come in either order (RFC 1035 §5.1)
    for (let j = 0; j < 2 && k < words.length; j++) {
      if (TTL.test(words[k]) || CLASSES.has(words[k].toUpperCase())) k++;
    }
    const type = (words[k] ?? '').toUpperCase();
    const rdata = tokens.slice(k + 1);
    if (!type) {
      errors.push({ line, message: 'record without a type' });
      continue;
    }
    if (!KNOWN_TYPES.has(type as RRType)) {
      errors.push({ line, message: `type ${type} is not read (skipped)` });
      continue;
    }
    const { data, error } = rdataOf(type as RRType, rdata, origin);
    if (data === undefined) {
      errors.push({ line, message: error ?? `bad ${type} data` });
      continue;
    }
    let entry = zone[owner];
    if (entry === undefined || typeof entry === 'string') {
      entry = {};
      zone[owner] = entry;
    }
    const list = entry[type as RRType];
    if (Array.isArray(list)) list.push(data);
    else entry[type as RRType] = [data];
    records++;
  }
  errors.sort((a, b) => a.line - b.line);
  // messages quote the file's words, which may be junk: control characters become visible stand-ins
  return { zone, errors: errors.map((e) => ({ ...e, message: printable(e.message) })), records };
}

/** One record's data, or an error message. */
function rdataOf(type: RRType, rdata: Token[], origin: string): { data?: DnsRecordData; error?: string } {
  const words = rdata.map((t) => t.text);
  switch (type) {
    case 'TXT':
    case 'SPF':
      // each token, quoted or not, is one character-string (RFC 1035 §3.3.14)
      return words.length > 0 ? { data: words } : { error: `${type} without data` };
    case 'MX': {
      const priority = Number(words[0]);
      if (words.length < 2 || !Number.isInteger(priority))
        return { error: 'MX needs a preference and an exchange' };
      return { data: { priority, exchange: absolute(words[1], origin) } };
    }
    case 'A':
      return isIPv4(words[0] ?? '')
        ? { data: words[0] }
        : { error: `A needs an IPv4 address, not "${words[0] ?? ''}"` };
    case 'AAAA':
      return isIPv6(words[0] ?? '')
        ? { data: words[0] }
        : { error: `AAAA needs an IPv6 address, not "${words[0] ?? ''}"` };
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return words[0] ? { data: absolute(words[0], origin) } : { error: `${type} without a name` };
    case 'SOA':
      return { data: words.join(' ') };
  }
}

/** A resolver over zone-file text (the zone's faults are dropped; use parseZoneFile to see them). */
export function zoneFileResolver(text: string, opts: ZoneFileOptions = {}): Resolver {
  return memoryResolver(parseZoneFile(text, opts).zone);
}
