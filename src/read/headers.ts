// Header blocks (RFC 5322 section 2.2): unfolding and RFC 2047 decoding of values.
import { decodeWords } from 'postal-mime';
import type { HeaderField } from '../types.js';

// A header field line is what FIELD_LINE = /^([!-9;-~]{1,100})[ \t]*:[ \t]?(.*)$/ matches: a name
// of printable ASCII without colon or space, then a colon (RFC 5322 2.2). The functions below
// check lines in place as that pattern would (fieldLineColon), without slicing them out.

/** Splits text into its header block and body at the first empty line. */
export function splitHeaderBlock(text: string): { head: string; body: string } {
  const at = emptyLine(text);
  if (!at) return { head: text, body: '' };
  return { head: text.slice(0, at.start), body: text.slice(at.end) };
}

/**
 * The first empty line: where the first match of /\r?\n\r?\n/ starts and ends, found by looking
 * at each LF in turn (the same answer as the pattern, without a pattern scan of the whole text).
 */
function emptyLine(text: string): { start: number; end: number } | null {
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    const next = text.charCodeAt(i + 1);
    let end = -1;
    if (next === 10) end = i + 2;
    else if (next === 13 && text.charCodeAt(i + 2) === 10) end = i + 3;
    if (end < 0) continue;
    return { start: i > 0 && text.charCodeAt(i - 1) === 13 ? i - 1 : i, end };
  }
  return null;
}

/**
 * Parses a header block into fields: continuation lines (starting with space or tab) are joined
 * to the field before them; values are RFC 2047-decoded. Lines that are not fields are skipped.
 * Lines end at LF, a CR before it dropped (as splitting at /\r?\n/ would); the loop walks the
 * text with indexOf and reads each line in place (as FIELD_LINE would match it) because every
 * extractor that reads a returned message's headers comes here.
 */
export function parseHeaderBlock(head: string, limit = 5000): HeaderField[] {
  const out: HeaderField[] = [];
  const breaks = [-1, -1, -1];
  let name = '';
  let value = '';
  let open = false;
  for (let pos = 0; pos <= head.length; ) {
    const lf = head.indexOf('\n', pos);
    const end = lf < 0 ? head.length : lf;
    const lineEnd = lf > pos && head.charCodeAt(lf - 1) === 13 ? lf - 1 : end;
    const start = pos;
    pos = end + 1;
    const first = head.charCodeAt(start);
    if ((first === 32 || first === 9) && open) {
      value = `${value} ${head.slice(start, lineEnd).trim()}`;
      continue;
    }
    if (open) out.push({ name, value: decodeHeaderValue(value) });
    open = false;
    if (out.length >= limit) break;
    const colon = fieldLineColon(head, start, lineEnd, breaks);
    if (colon >= 0) {
      name = head.slice(start, nameEnd(head, start, colon)).toLowerCase();
      value = head.slice(colon + 1, lineEnd).trim();
      open = true;
    }
  }
  if (open) out.push({ name, value: decodeHeaderValue(value) });
  return out;
}

/**
 * What parseHeaderBlock(head, limit) would give, reduced to the first value of each of `names`
 * (lower case) and the number of fields; only those values are unfolded and decoded. Readers of
 * a returned message want five fields of a block that may hold fifty (Received, DKIM-Signature...).
 */
export function pickHeaderFields(
  head: string,
  names: readonly string[],
  limit = 5000,
): { values: Map<string, string>; count: number } {
  const values = new Map<string, string>();
  // a name of another length is not wanted: no need to lower-case it to know
  const lengths = new Set(names.map((n) => n.length));
  const breaks = [-1, -1, -1];
  let count = 0;
  let name = '';
  let value = '';
  let open = false;
  let wanted = false;
  for (let pos = 0; pos <= head.length; ) {
    const lf = head.indexOf('\n', pos);
    const end = lf < 0 ? head.length : lf;
    const lineEnd = lf > pos && head.charCodeAt(lf - 1) === 13 ? lf - 1 : end;
    const start = pos;
    pos = end + 1;
    const first = head.charCodeAt(start);
    if ((first === 32 || first === 9) && open) {
      if (wanted) value = `${value} ${head.slice(start, lineEnd).trim()}`;
      continue;
    }
    if (open) {
      count++;
      if (wanted) values.set(name, decodeHeaderValue(value));
    }
    open = false;
    if (count >= limit) break;
    const colon = fieldLineColon(head, start, lineEnd, breaks);
    if (colon >= 0) {
      const nameLength = nameEnd(head, start, colon) - start;
      name = lengths.has(nameLength) ? head.slice(start, start + nameLength).toLowerCase() : '';
      wanted = name !== '' && names.includes(name) && !values.has(name);
      value = wanted ? head.slice(colon + 1, lineEnd).trim() : '';
      open = true;
    }
  }
  if (open) {
    count++;
    if (wanted) values.set(name, decodeHeaderValue(value));
  }
  return { values, count };
}

/**
 * What pickHeaderFields(head, names, limit) gives as values, and whether its count is above zero,
 * found without walking further than needed: the first value of a name wins, so the walk stops
 * once every name has been found (and some field seen). Once a field has been seen, a line whose
 * first letter starts none of the names still missing is passed over without being read. Readers
 * of a returned original want five fields of a block that may hold fifty (Received...).
 */
export function firstHeaderValues(
  head: string,
  names: readonly string[],
  limit = 5000,
): { values: Map<string, string>; hasFields: boolean } {
  const values = new Map<string, string>();
  const missing = names.filter((n, i) => names.indexOf(n) === i);
  const breaks = [-1, -1, -1];
  let hasFields = false;
  let lines = 0;
  let name = '';
  let value = '';
  // a field of a missing name is being read (its continuation lines join its value)
  let open = false;
  for (let pos = 0; pos <= head.length; ) {
    const lf = head.indexOf('\n', pos);
    const end = lf < 0 ? head.length : lf;
    const start = pos;
    pos = end + 1;
    const first = head.charCodeAt(start);
    if (first === 32 || first === 9) {
      // a continuation line, or (no field open before it) a line that is no field
      if (open) value = `${value} ${head.slice(start, lineEndAt(head, start, lf)).trim()}`;
      continue;
    }
    if (open) values.set(name, decodeHeaderValue(value));
    open = false;
    if (hasFields && missing.length === 0) break;
    // pickHeaderFields stops after `limit` fields, which takes as many lines: walk that one then
    if (++lines >= limit) return exactFirstValues(head, names, limit);
    if (hasFields && !startsAnyName(first, missing)) continue;
    const lineEnd = lineEndAt(head, start, lf);
    const colon = fieldLineColon(head, start, lineEnd, breaks);
    if (colon < 0) continue;
    hasFields = true;
    const at = missingNameAt(head, start, nameEnd(head, start, colon), missing);
    if (at < 0) continue;
    name = missing[at];
    missing.splice(at, 1);
    value = head.slice(colon + 1, lineEnd).trim();
    open = true;
  }
  if (open) values.set(name, decodeHeaderValue(value));
  return { values, hasFields };
}

function exactFirstValues(
  head: string,
  names: readonly string[],
  limit: number,
): { values: Map<string, string>; hasFields: boolean } {
  const { values, count } = pickHeaderFields(head, names, limit);
  return { values, hasFields: count > 0 };
}

/** Where the content of the line starting at `start` ends (its LF at `lf`, -1 for none; a CR before it dropped). */
function lineEndAt(text: string, start: number, lf: number): number {
  if (lf < 0) return text.length;
  return lf > start && text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
}

/** Could a field name starting with char code `c` be one of `names` (lower case)? */
function startsAnyName(c: number, names: readonly string[]): boolean {
  const lower = c >= 65 && c <= 90 ? c + 32 : c;
  for (const n of names) if (n.charCodeAt(0) === lower) return true;
  return false;
}

/**
 * The index in `names` (lower case) of text[start, end) lower-cased, or -1; compared in place
 * (field names are ASCII: lower-casing only maps A-Z).
 */
function missingNameAt(text: string, start: number, end: number, names: readonly string[]): number {
  const length = end - start;
  for (let k = 0; k < names.length; k++) {
    const n = names[k];
    if (n.length !== length) continue;
    let i = 0;
    while (i < length) {
      const c = text.charCodeAt(start + i);
      const w = n.charCodeAt(i);
      if (c !== w && !(c >= 65 && c <= 90 && c + 32 === w)) break;
      i++;
    }
    if (i === length) return k;
  }
  return -1;
}

/**
 * Does text[start, end) match FIELD_LINE (a name, optional SP/HTAB, ":", then no CR, U+2028 or
 * U+2029)? The index of the colon, or -1. `breaks` as for nextLineBreak (one per walk).
 */
function fieldLineColon(text: string, start: number, end: number, breaks: number[]): number {
  const colon = fieldColon(text, start, end);
  return colon >= 0 && nextLineBreak(text, colon, breaks) >= end ? colon : -1;
}

/** Where the field name before the colon ends (the name holds no SP/HTAB; what follows may). */
function nameEnd(text: string, start: number, colon: number): number {
  let i = colon;
  while (i > start && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  return i;
}

/**
 * White space that collapsing runs to one space changes: a run of two or more, or one that is not
 * a space. Rewriting only these (rather than every /\s+/ run) gives the same text in one pass.
 */
const SPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** RFC 2047 encoded words decoded; whitespace runs collapsed. */
export function decodeHeaderValue(value: string): string {
  const v = value.includes('=?') ? safeDecodeWords(value) : value;
  return v.replace(SPACE_TO_COLLAPSE, ' ').trim();
}

function safeDecodeWords(value: string): string {
  try {
    return decodeWords(value);
  } catch {
    return value;
  }
}

/** The first value of a field by lower-case name. */
export function headerValue(headers: HeaderField[], name: string): string | undefined {
  for (const h of headers) if (h.name === name) return h.value;
  return undefined;
}

/** Does the text start with something that looks like a message header block? */
export function looksLikeHeaderBlock(text: string): boolean {
  // Skip an mbox "From " separator line, which precedes the header block in mbox files.
  const start = text.startsWith('From ') ? text.indexOf('\n') + 1 : 0;
  const limit = Math.min(text.length, start + 65536);
  // The first 50 lines of the first 64 KB (a CR before LF dropped) hold at least two fields before
  // the first line that is neither a field nor a continuation. The empty line that ends the
  // header block is such a line, so the walk needs not look for it. Hot (every input): the lines
  // are checked in place, as FIELD_LINE would check them, without slicing them out.
  const breaks = [-1, -1, -1];
  let fields = 0;
  let pos = start;
  for (let n = 0; n < 50; n++) {
    const lf = text.indexOf('\n', pos);
    const last = lf < 0 || lf >= limit;
    let end = last ? limit : lf;
    if (!last && end > pos && text.charCodeAt(end - 1) === 13) end--;
    const first = text.charCodeAt(pos);
    if (pos >= end || (first !== 32 && first !== 9)) {
      const colon = fieldColon(text, pos, end);
      // "(.*)$" after the colon: no CR, U+2028 or U+2029 in the rest of the line
      if (colon < 0 || nextLineBreak(text, colon, breaks) < end) return fields >= 2;
      fields++;
    }
    if (last) break;
    pos = lf + 1;
  }
  return fields >= 2;
}

/**
 * Where the field name of FIELD_LINE ("name", optional SP/HTAB, ":") ends in text[start, end):
 * the index of the colon, or -1 when the line does not start that way.
 */
function fieldColon(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && i - start <= 100) {
    const c = text.charCodeAt(i);
    if (c < 33 || c > 126 || c === 58) break;
    i++;
  }
  if (i === start || i - start > 100) return -1;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i < end && text.charCodeAt(i) === 58 ? i : -1;
}

const LINE_BREAKS = ['\r', '\u2028', '\u2029'];

/**
 * The first CR, U+2028 or U+2029 at or after `from` (the characters besides LF that "." in a
 * pattern does not match); the text's length when none. `found` remembers the last answer for
 * each of the three until a walk has passed it, so that a walk over many lines searches the text
 * once (linear).
 */
function nextLineBreak(text: string, from: number, found: number[]): number {
  let best = text.length;
  for (let k = 0; k < 3; k++) {
    let at = found[k];
    if (at < from) {
      at = text.indexOf(LINE_BREAKS[k], from);
      if (at < 0) at = text.length;
      found[k] = at;
    }
    if (at < best) best = at;
  }
  return best;
}
