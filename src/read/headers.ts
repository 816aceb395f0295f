// Header blocks (RFC 5322 section 2.2): unfolding and RFC 2047 decoding of values.
import { decodeWords } from 'postal-mime';
import type { HeaderField } from '../types.js';

/** A header field line: a name of printable ASCII without colon or space, then a colon (RFC 5322 2.2). */
const FIELD_LINE = /^([!-9;-~]{1,100})[ \t]*:[ \t]?(.*)$/;

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
 * text with indexOf because every extractor that reads a returned message's headers comes here.
 */
export function parseHeaderBlock(head: string, limit = 5000): HeaderField[] {
  const out: HeaderField[] = [];
  let name = '';
  let value = '';
  let open = false;
  for (let pos = 0; pos <= head.length; ) {
    const lf = head.indexOf('\n', pos);
    const end = lf < 0 ? head.length : lf;
    const line = head.slice(pos, lf > pos && head.charCodeAt(lf - 1) === 13 ? lf - 1 : end);
    pos = end + 1;
    const first = line.charCodeAt(0);
    if ((first === 32 || first === 9) && open) {
      value = `${value} ${line.trim()}`;
      continue;
    }
    if (open) out.push({ name, value: decodeHeaderValue(value) });
    open = false;
    if (out.length >= limit) break;
    const m = FIELD_LINE.exec(line);
    if (m) {
      name = m[1].toLowerCase();
      value = m[2].trim();
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
  let count = 0;
  let name = '';
  let value = '';
  let open = false;
  let wanted = false;
  for (let pos = 0; pos <= head.length; ) {
    const lf = head.indexOf('\n', pos);
    const end = lf < 0 ? head.length : lf;
    const line = head.slice(pos, lf > pos && head.charCodeAt(lf - 1) === 13 ? lf - 1 : end);
    pos = end + 1;
    const first = line.charCodeAt(0);
    if ((first === 32 || first === 9) && open) {
      if (wanted) value = `${value} ${line.trim()}`;
      continue;
    }
    if (open) {
      count++;
      if (wanted) values.set(name, decodeHeaderValue(value));
    }
    open = false;
    if (count >= limit) break;
    const m = FIELD_LINE.exec(line);
    if (m) {
      name = m[1].toLowerCase();
      wanted = names.includes(name) && !values.has(name);
      value = wanted ? m[2].trim() : '';
      open = true;
    }
  }
  if (open) {
    count++;
    if (wanted) values.set(name, decodeHeaderValue(value));
  }
  return { values, count };
}

/** RFC 2047 encoded words decoded; whitespace runs collapsed. */
export function decodeHeaderValue(value: string): string {
  const v = value.includes('=?') ? safeDecodeWords(value) : value;
  return (plainSpaced(v) ? v : v.replace(/\s+/g, ' ')).trim();
}

/**
 * Has the value no white space but single ASCII spaces (so collapsing runs would change nothing)?
 * Any control or non-ASCII character (which may be a Unicode space) answers no.
 */
function plainSpaced(v: string): boolean {
  let space = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 32 || c > 126) return false;
    if (c === 32) {
      if (space) return false;
      space = true;
    } else space = false;
  }
  return true;
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
  const { head } = splitHeaderBlock(text.slice(start, start + 65536));
  const lines = head.split(/\r?\n/, 50);
  let fields = 0;
  for (const line of lines) {
    if (line.startsWith(' ') || line.startsWith('\t')) continue;
    if (!FIELD_LINE.test(line)) return fields >= 2;
    fields++;
  }
  return fields >= 2;
}
