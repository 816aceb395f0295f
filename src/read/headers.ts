// Header blocks (RFC 5322 section 2.2): unfolding and RFC 2047 decoding of values.
import { decodeWords } from 'postal-mime';
import type { HeaderField } from '../types.js';

/** A header field line: a name of printable ASCII without colon or space, then a colon (RFC 5322 2.2). */
const FIELD_LINE = /^([!-9;-~]{1,100})[ \t]*:[ \t]?(.*)$/;

/** Splits text into its header block and body at the first empty line. */
export function splitHeaderBlock(text: string): { head: string; body: string } {
  const m = /\r?\n\r?\n/.exec(text);
  if (!m) return { head: text, body: '' };
  return { head: text.slice(0, m.index), body: text.slice(m.index + m[0].length) };
}

/**
 * Parses a header block into fields: continuation lines (starting with space or tab) are joined
 * to the field before them; values are RFC 2047-decoded. Lines that are not fields are skipped.
 */
export function parseHeaderBlock(head: string, limit = 5000): HeaderField[] {
  const out: HeaderField[] = [];
  const lines = head.split(/\r?\n/);
  let current: { name: string; parts: string[] } | null = null;
  const flush = () => {
    if (current) out.push({ name: current.name, value: decodeHeaderValue(current.parts.join(' ')) });
    current = null;
  };
  for (const line of lines) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && current) {
      current.parts.push(line.trim());
      continue;
    }
    flush();
    if (out.length >= limit) break;
    const m = FIELD_LINE.exec(line);
    if (m) current = { name: m[1].toLowerCase(), parts: [m[2].trim()] };
  }
  flush();
  return out;
}

/** RFC 2047 encoded words decoded; whitespace runs collapsed. */
export function decodeHeaderValue(value: string): string {
  const v = value.includes('=?') ? safeDecodeWords(value) : value;
  return v.replace(/\s+/g, ' ').trim();
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
