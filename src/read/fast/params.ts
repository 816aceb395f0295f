// Structured MIME header values (RFC 2045 section 5.1): "type/subtype; name=value; name="quoted"",
// with RFC 822 comments removed and RFC 2231 parameter continuations (name*0, name*1*) and
// charset'language'%XX values joined and decoded. One pass over the characters: linear.

import { detached } from '../detach.js';
import { decodeBinary } from './charset.js';

export interface Structured {
  /** the value before the first ";", lower case, comments and white space removed */
  readonly value: string;
  /** parameters by lower-case name; the first occurrence of a name wins */
  readonly params: Readonly<Record<string, string>>;
}

/** Splits at ";" outside quoted strings, dropping comments "(...)" outside quoted strings. */
function segments(text: string): string[] {
  // Most values hold no comment and no backslash: native searches then find the ";"s.
  if (!text.includes('(') && !text.includes('\\')) return plainSegments(text);
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) quoted = false;
      continue;
    }
    if (depth > 0) {
      if (c === 40) depth++;
      else if (c === 41) depth--;
      else if (c === 92) i++;
      if (depth === 0) start = i + 1;
      continue;
    }
    if (c === 34) quoted = true;
    else if (c === 40 /* ( */ && opensComment(text, i)) {
      cur += text.slice(start, i);
      depth = 1;
    } else if (c === 59 /* ; */) {
      out.push(cur + text.slice(start, i));
      cur = '';
      start = i + 1;
    }
  }
  // An unbalanced "(" is not a comment: keep its text rather than lose what follows.
  out.push(depth > 0 ? cur : cur + text.slice(start));
  return out;
}

/** segments() for a text without "(" and "\\": ";"s outside quoted strings, found by indexOf. */
function plainSegments(text: string): string[] {
  if (!text.includes('"')) return text.split(';');
  const out: string[] = [];
  let start = 0;
  let pos = 0;
  for (;;) {
    const semi = text.indexOf(';', pos);
    const quote = text.indexOf('"', pos);
    if (semi < 0 && quote < 0) break;
    if (quote < 0 || (semi >= 0 && semi < quote)) {
      out.push(text.slice(start, semi));
      start = pos = semi + 1;
      continue;
    }
    // a quoted string: skip to its closing quote (an unclosed one runs to the end)
    const close = text.indexOf('"', quote + 1);
    if (close < 0) break;
    pos = close + 1;
  }
  out.push(text.slice(start));
  return out;
}

// Inside an unquoted parameter value "(" is a comment only after white space: "name=a(1).pdf"
// is one token, the way mail software writes file names.
function opensComment(text: string, i: number): boolean {
  const prev = text.charCodeAt(i - 1);
  if (Number.isNaN(prev) || prev === 32 || prev === 9) return true;
  const eq = text.lastIndexOf('=', i);
  const semi = text.lastIndexOf(';', i);
  return eq < 0 || semi > eq;
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && t.startsWith('"')) {
    const end = t.lastIndexOf('"');
    if (end > 0) {
      const inner = t.slice(1, end);
      return inner.includes('\\') ? inner.replace(/\\(.)/g, '$1') : inner;
    }
  }
  return t;
}

const SECTION = /^([^*]+)\*(\d{1,3})?(\*)?$/;

/**
 * Readings of short values already parsed (callers share them: read-only). Parts of bounces repeat
 * the same few content types ("text/plain; charset=us-ascii", "message/delivery-status"...).
 * Bounded: a message can write any number of different values. A value with a boundary parameter
 * is not kept: a boundary is made unique per message (RFC 2046 5.1.1), so keeping its reading
 * would only push out the readings that do repeat.
 */
const readings = new Map<string, Structured>();
const MAX_READINGS = 256;
const MAX_READING_KEY = 200;

/** Parses a structured header value; never throws. The result must not be changed. */
export function parseStructured(text: string): Structured {
  if (text.length > MAX_READING_KEY) return parseValue(text);
  let reading = readings.get(text);
  if (reading === undefined) {
    reading = parseValue(text);
    if (reading.params.boundary !== undefined) return reading;
    if (readings.size >= MAX_READINGS) readings.clear();
    reading = detachedReading(reading);
    readings.set(detached(text), reading);
  }
  return reading;
}

/** A reading to keep in the cache: its strings copied out of the message they were read from. */
function detachedReading(r: Structured): Structured {
  const params: Record<string, string> = Object.create(null);
  for (const name in r.params) params[detached(name)] = detached(r.params[name]);
  return { value: detached(r.value), params };
}

function parseValue(text: string): Structured {
  const segs = segments(text);
  const head = segs[0].trim();
  // "text/plain charset=x" (a folded line that lost its ";") still names the type first:
  // the type is the first token, and what follows it is read as one more parameter.
  const gap = head.search(/[ \t\r\n]/);
  const value = (gap < 0 ? head : head.slice(0, gap)).toLowerCase();
  if (gap >= 0 && head.includes('=', gap)) segs.push(head.slice(gap));
  const params: Record<string, string> = Object.create(null);
  // RFC 2231 sections: name -> [index, value, encoded]; made when the first one is seen (rare)
  let sections: Record<string, Array<[number, string, boolean]>> | undefined;
  for (let i = 1; i < segs.length; i++) {
    const seg = segs[i];
    const eq = seg.indexOf('=');
    if (eq < 0) {
      const name = seg.trim().toLowerCase();
      if (name && !(name in params)) params[name] = '';
      continue;
    }
    const name = commonName(seg.slice(0, eq).trim().toLowerCase());
    const raw = unquote(seg.slice(eq + 1));
    const m = name.includes('*') ? SECTION.exec(name) : null;
    if (m) {
      sections ??= Object.create(null) as Record<string, Array<[number, string, boolean]>>;
      const list = sections[m[1]] ?? [];
      sections[m[1]] = list;
      if (list.length < 100) list.push([Number(m[2] ?? 0), raw, m[3] === '*']);
    } else if (name && !(name in params)) {
      params[name] = raw;
    }
  }
  if (sections) {
    for (const name in sections) {
      if (name in params) continue;
      params[name] = joinSections(sections[name]);
    }
  }
  return { value, params };
}

/**
 * The parameter names bounces use, as the constants themselves: a constant is already in V8's
 * table of property names, where a name just sliced from a message must first be looked up
 * before it can be a property name (which costs a parse more than all else). Any other name is
 * returned as it is.
 */
function commonName(name: string): string {
  switch (name) {
    case 'charset':
      return 'charset';
    case 'boundary':
      return 'boundary';
    case 'report-type':
      return 'report-type';
    case 'name':
      return 'name';
    case 'filename':
      return 'filename';
    case 'format':
      return 'format';
    case 'delsp':
      return 'delsp';
    case 'type':
      return 'type';
    default:
      return name;
  }
}

/** RFC 2231 sections 3-4: sections in order; charset'lang' on the first; %XX in encoded ones. */
function joinSections(list: Array<[number, string, boolean]>): string {
  list.sort((a, b) => a[0] - b[0]);
  let charset: string | undefined;
  const bytes: string[] = [];
  for (let k = 0; k < list.length; k++) {
    let [, v, encoded] = list[k];
    if (encoded) {
      if (k === 0) {
        const q1 = v.indexOf("'");
        const q2 = q1 < 0 ? -1 : v.indexOf("'", q1 + 1);
        if (q2 > 0) {
          charset = v.slice(0, q1) || undefined;
          v = v.slice(q2 + 1);
        }
      }
      v = v.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    }
    bytes.push(v);
  }
  return decodeBinary(bytes.join(''), charset);
}
