// Header blocks (RFC 5322 section 2.2): lines -> fields. A line starting with SP or HTAB continues
// the field before it (unfolding, 2.2.3: the CRLF is removed, the white space kept). A line
// without ":" is no field and is skipped. Names are lower case; values are trimmed.
import { MAX_FIELDS } from './limits.js';

export interface Field {
  name: string;
  value: string;
}

/**
 * Parses a header block whose lines end in "\n" (a trailing "\r" is ignored). Lines are grouped
 * first (a line starting with SP/HTAB joins the group before it, even when that group is no
 * field), then each group with a ":" is a field. Linear.
 */
export function parseFields(block: string): Field[] {
  const out: Field[] = [];
  let group: string[] = [];
  let pos = 0;
  const len = block.length;
  while (pos < len) {
    let end = block.indexOf('\n', pos);
    if (end < 0) end = len;
    let lineEnd = end;
    while (lineEnd > pos && block.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const first = block.charCodeAt(pos);
    if ((first !== 32 && first !== 9) || group.length === 0) {
      if (group.length > 0 && addField(out, group)) return out;
      group = [];
    }
    group.push(block.slice(pos, lineEnd));
    pos = end + 1;
  }
  if (group.length > 0) addField(out, group);
  return out;
}

/** Adds the field a group of lines holds, if any; true when MAX_FIELDS is reached. */
function addField(out: Field[], group: string[]): boolean {
  const line = group.length === 1 ? group[0] : group.join('');
  const colon = line.indexOf(':');
  if (colon >= 0)
    out.push({ name: trimWsp(line.slice(0, colon)).toLowerCase(), value: clean(line.slice(colon + 1)) });
  return out.length >= MAX_FIELDS;
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
