// HTML to plain text, for bounces that have no text/plain part. Only what a bounce needs:
// line breaks at block elements, tags dropped, the common entities decoded. Linear time: the
// steps that a pattern would take quadratic time over (an unclosed <script>, a "<" without ">",
// a long run of spaces) are indexOf walks that give what those patterns give
// (test/read/html.test.ts compares them).

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A character reference: &#x41; &#65; or a named entity. */
export const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi;

/** The character a reference (as ENTITY matched it) stands for; the reference itself when unknown. */
export function decodeEntity(all: string, name: string): string {
  if (name[0] === '#') {
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
  }
  return ENTITIES[name.toLowerCase()] ?? all;
}

export function htmlToText(html: string): string {
  return dropTags(
    dropScripts(html)
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|tr|li|h[1-6]|table|blockquote)\s*>/gi, '\n'),
  )
    .replace(ENTITY, decodeEntity)
    .replace(SPACE_BEFORE_LF, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Spaces and tabs before a line end: /[ \t]+\n/g, which retries at every space of a run that no
 * LF ends (quadratic in the run). Starting a match only where a run starts gives the same matches
 * (a match starts at the first space of its run) and tries each run once.
 */
const SPACE_BEFORE_LF = /(?<![ \t])[ \t]+\n/g;

/**
 * html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ''): each element from its start tag
 * to the first end tag of the same name is removed. The pattern looks for an end tag to the end
 * of the text from every unclosed start tag; here each search goes on from where the last one
 * for that name stopped, and a name without an end tag after one start tag has none after later ones.
 */
export function dropScripts(html: string): string {
  const pieces: string[] = [];
  let kept = 0;
  // the first ">" at or after a position already passed (-1: none)
  let gt = -2;
  const closes = { script: newEndTag(), style: newEndTag() };
  for (let p = html.indexOf('<'); p >= 0; p = html.indexOf('<', p + 1)) {
    const name = hiddenNameAt(html, p + 1);
    if (name === undefined) continue;
    const nameEnd = p + 1 + name.length;
    if (gt < nameEnd) gt = html.indexOf('>', nameEnd);
    if (gt < 0) break; // no start tag ends from here on
    const close = closes[name];
    findEndTag(html, name, gt + 1, close);
    if (close.at < 0) continue;
    pieces.push(html.slice(kept, p));
    kept = close.end;
    p = kept - 1;
  }
  if (pieces.length === 0) return html;
  pieces.push(html.slice(kept));
  return pieces.join('');
}

/** The name /(script|style)\b/i matches at text[i], if any. */
function hiddenNameAt(text: string, i: number): 'script' | 'style' | undefined {
  if ((text.charCodeAt(i) | 0x20) !== 115 /* s */) return undefined;
  if (startsWithFolded(text, i, 'script') && !isWordChar(text.charCodeAt(i + 6))) return 'script';
  if (startsWithFolded(text, i, 'style') && !isWordChar(text.charCodeAt(i + 5))) return 'style';
  return undefined;
}

/** \w without the u flag: ASCII letters, digits and "_" (NaN, past the end, is none). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

interface EndTag {
  /** where the last search started (-1: none yet) */
  from: number;
  /** the first end tag at or after `from`, -1 when there is none */
  at: number;
  /** the index after it */
  end: number;
}

function newEndTag(): EndTag {
  return { from: -1, at: -1, end: -1 };
}

/**
 * Sets `found` to the first end tag "</name" \s* ">" at or after `from`: `at` its start (-1 when
 * there is none) and `end` the index after it. `found` keeps the last answer: searches only go forward.
 */
function findEndTag(
  text: string,
  name: string,
  from: number,
  found: { from: number; at: number; end: number },
) {
  if (found.from >= 0 && found.from <= from && (found.at < 0 || found.at >= from)) return;
  found.from = from;
  found.at = -1;
  for (let c = text.indexOf('</', from); c >= 0; c = text.indexOf('</', c + 2)) {
    if (!startsWithFolded(text, c + 2, name)) continue;
    let j = c + 2 + name.length;
    while (j < text.length && isJsSpace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 62 /* > */) {
      found.at = c;
      found.end = j + 1;
      return;
    }
  }
}

/** Does `lower` (lower-case ASCII letters) start at text[i], ignoring ASCII case (as /i does)? */
function startsWithFolded(text: string, i: number, lower: string): boolean {
  if (i + lower.length > text.length) return false;
  for (let k = 0; k < lower.length; k++) {
    if ((text.charCodeAt(i + k) | 0x20) !== lower.charCodeAt(k)) return false;
  }
  return true;
}

/** \s: the white space and line terminators of JavaScript. */
function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * text.replace(/<[^>]*>/g, ''): from each "<" to the first ">" after it. (The pattern searches to
 * the end of the text from every "<" when no ">" follows; once none follows one, none follows any.)
 */
export function dropTags(text: string): string {
  let p = text.indexOf('<');
  if (p < 0) return text;
  const pieces: string[] = [];
  let kept = 0;
  while (p >= 0) {
    const q = text.indexOf('>', p + 1);
    if (q < 0) break;
    pieces.push(text.slice(kept, p));
    kept = q + 1;
    p = text.indexOf('<', kept);
  }
  pieces.push(text.slice(kept));
  return pieces.join('');
}
