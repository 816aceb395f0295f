// Header blocks (RFC 5322 section 2.2): lines -> fields. A line starting with SP or HTAB continues
// the field before it (unfolding, 2.2.3: the CRLF is removed, the white space kept). A line
// without ":" is no field and is skipped. Names are lower case; values are trimmed.
import { MAX_FIELDS } from './limits.js';

export interface Field {
  name: string;
  value: string;
}

/** Parses a header block whose lines end in "\n" (a trailing "\r" is ignored). Linear. */
export function parseFields(block: string): Field[] {
  const out: Field[] = [];
  // the field being read: its name and the pieces of its value (null: none)
  let name = '';
  let value: string[] | null = null;
  let pos = 0;
  const len = block.length;
  while (pos < len) {
    let end = block.indexOf('\n', pos);
    if (end < 0) end = len;
    let lineEnd = end;
    while (lineEnd > pos && block.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const first = block.charCodeAt(pos);
    if ((first === 32 || first === 9) && value !== null) {
      value.push(block.slice(pos, lineEnd));
    } else {
      if (value !== null) out.push({ name, value: clean(value.join('')) });
      value = null;
      if (out.length >= MAX_FIELDS) return out;
      const colon = block.indexOf(':', pos);
      if (colon >= 0 && colon < lineEnd) {
        name = trimWsp(block.slice(pos, colon)).toLowerCase();
        value = [block.slice(colon + 1, lineEnd)];
      }
    }
    pos = end + 1;
  }
  if (value !== null) out.push({ name, value: clean(value.join('')) });
  return out;
}

function clean(v: string): string {
  return trimWsp(v.includes('\r') ? v.replace(/\r/g, ' ') : v);
}

/** Trims SP and HTAB only (RFC 5322 WSP): other Unicode spaces are content. */
function trimWsp(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s.charCodeAt(a) === 32 || s.charCodeAt(a) === 9)) a++;
  while (b > a && (s.charCodeAt(b - 1) === 32 || s.charCodeAt(b - 1) === 9)) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
