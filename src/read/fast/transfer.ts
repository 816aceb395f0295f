// Content-Transfer-Encoding (RFC 2045 section 6): base64 and quoted-printable decoded from and to
// "binary strings" (one char per byte). 7bit, 8bit and binary need no decoding.

const NOT_BASE64 = /[^A-Za-z0-9+/=]+/g;

/**
 * base64 -> bytes. Characters outside the alphabet are ignored (RFC 2045 6.8). Some mailers pad
 * every line: "=" ends a unit, so each unit is decoded on its own and the results joined.
 */
export function decodeBase64(text: string): string {
  const clean = text.replace(NOT_BASE64, '');
  let end = clean.indexOf('=');
  if (end < 0) return Buffer.from(clean, 'base64').toString('latin1');
  const out: string[] = [];
  let start = 0;
  while (start < clean.length) {
    end = clean.indexOf('=', start);
    if (end < 0) end = clean.length;
    if (end > start) out.push(Buffer.from(clean.slice(start, end), 'base64').toString('latin1'));
    start = end;
    while (clean.charCodeAt(start) === 61 /* = */) start++;
  }
  return out.join('');
}

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * quoted-printable -> bytes (RFC 2045 6.7). "=XX" is a byte, "=" at the end of a line (white
 * space after it ignored) is a soft line break; an "=" that is neither is kept as it is (rule 6.7 note: be robust). Expects lines
 * ending in "\n" (CR already removed). Linear: one indexOf jump per "=".
 */
export function decodeQuotedPrintable(text: string): string {
  if (!text.includes('=')) return text;
  const out: string[] = [];
  let literal = 0;
  let i = text.indexOf('=');
  while (i >= 0) {
    const next = text.charCodeAt(i + 1);
    if (next === 10 /* \n */ || i + 1 === text.length) {
      out.push(text.slice(literal, i));
      literal = i + 2;
      i = text.indexOf('=', literal);
      continue;
    }
    if (next === 32 || next === 9) {
      // "=" then spaces or tabs to the line end is still a soft line break: relays may pad lines
      // with white space, which a decoder must ignore (RFC 2045 6.7, rule 3)
      const end = endOfBlanks(text, i + 1);
      if (end === text.length || text.charCodeAt(end) === 10) {
        out.push(text.slice(literal, i));
        literal = end + 1;
        i = text.indexOf('=', literal);
        continue;
      }
    }
    const hi = hex(next);
    const lo = hi < 0 ? -1 : hex(text.charCodeAt(i + 2));
    if (lo >= 0) {
      out.push(text.slice(literal, i), String.fromCharCode((hi << 4) | lo));
      literal = i + 3;
      i = text.indexOf('=', literal);
    } else {
      i = text.indexOf('=', i + 1);
    }
  }
  out.push(text.slice(literal));
  return out.join('');
}

/** The index after the spaces and tabs that start at `from`. */
function endOfBlanks(text: string, from: number): number {
  let j = from;
  while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  return j;
}

/** Decodes a body by its Content-Transfer-Encoding token (lower case); others pass unchanged. */
export function decodeTransfer(body: string, encoding: string): string {
  if (encoding === 'base64') return decodeBase64(body);
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}
