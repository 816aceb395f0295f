// Text-level faults of a DMARC record, found before the tags are read: zone-file escapes, quotes
// around the value, typographic quotes, leading blanks, HTML entities, undecodable bytes.
import { add, type Ctx } from './lint-context.js';

const SMART_QUOTES = new Set([
  '\u201C',
  '\u201D',
  '\u2018',
  '\u2019',
  '\u201E',
  '\u201F',
  '\u00AB',
  '\u00BB',
  '\u2033',
]);
/** No-break, zero-width and other invisible spaces (not WSP, RFC 5234). */
const INVISIBLE = new Set(['\u00A0', '\u2007', '\u202F', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);
const ENTITY = /&(?:[A-Za-z]{2,8}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/g;

/** Decode zone-file / dig presentation escapes (RFC 1035 §5.1). */
export function decodePresentation(text: string): { decoded: string; escapes: number } {
  let out = '';
  let escapes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const d = text.slice(i + 1, i + 4);
    if (/^[0-9]{3}$/.test(d)) {
      out += String.fromCharCode(Number(d) & 0xff);
      i += 3;
    } else {
      out += text[i + 1];
      i += 1;
    }
    escapes++;
  }
  // \DDD escapes give bytes: re-read them as UTF-8 (dig prints UTF-8 as \226\128\156).
  if (/[\u0080-\u00ff]/.test(out)) {
    const bytes = Uint8Array.from(out, (ch) => ch.charCodeAt(0) & 0xff);
    if (![...out].some((ch) => ch.charCodeAt(0) > 0xff)) out = new TextDecoder().decode(bytes);
  }
  return { decoded: out, escapes };
}

/**
 * Characters receivers never see as intended: backslashes before ";", quotes around the value,
 * typographic quotes, leading blanks. Reports each and returns the text without them (with ctx.map
 * from the cleaned text back to the record).
 */
export function cleanText(ctx: Ctx): string {
  const r = ctx.record;
  const drop = new Set<number>();
  // literal backslashes before ";" (a DNS web form stored the zone-file escape)
  for (let i = 0; i + 1 < r.length; i++) {
    if (r[i] === '\\' && r[i + 1] === ';') {
      drop.add(i);
    }
  }
  if (drop.size > 0) {
    const first = [...drop][0];
    add(
      ctx,
      'dmarc.literal-backslash',
      'error',
      'The record contains "\\;": the backslash is stored as part of the value (a zone-file escape typed into a web form), so receivers read v as "DMARC1\\" and ignore the record.',
      'Remove the backslashes; write plain semicolons.',
      [first, first + 1],
    );
  }
  // quotes wrapping the whole value, straight or typographic
  let s = 0;
  while (s < r.length && (r[s] === ' ' || r[s] === '\t')) s++;
  const opening = r[s];
  if (opening === '"' || opening === "'") {
    let e = r.length;
    while (e > s && (r[e - 1] === ' ' || r[e - 1] === '\t')) e--;
    drop.add(s);
    if (e - 1 > s && r[e - 1] === opening) drop.add(e - 1);
    add(
      ctx,
      'dmarc.quoted',
      'error',
      'The record text starts with a quote character: the quotes became part of the value, so the record does not start with "v=DMARC1" and receivers ignore it.',
      'Remove the quotes from the value (DNS web forms add any quoting themselves).',
      [s, s + 1],
    );
  }
  let firstSmart = -1;
  for (let i = 0; i < r.length; i++) {
    if (SMART_QUOTES.has(r[i])) {
      drop.add(i);
      if (firstSmart === -1) firstSmart = i;
    }
  }
  if (firstSmart !== -1) {
    add(
      ctx,
      'dmarc.smart-quotes',
      'error',
      'The record contains typographic quotes (“ ” ‘ ’), usually pasted from a word processor or web page; they are not part of DMARC syntax.',
      'Remove the typographic quotes.',
      [firstSmart, firstSmart + 1],
    );
  }
  // invisible characters pasted from web pages: not WSP in the DMARC grammar, so " p" with a
  // no-break space in front is an unknown tag name, not p
  let firstInvisible = -1;
  for (let i = 0; i < r.length; i++) {
    if (INVISIBLE.has(r[i])) {
      drop.add(i);
      if (firstInvisible === -1) firstInvisible = i;
    }
  }
  if (firstInvisible !== -1) {
    add(
      ctx,
      'dmarc.invisible-character',
      'error',
      `The record contains an invisible character (U+${r.charCodeAt(firstInvisible).toString(16).toUpperCase().padStart(4, '0')}, e.g. a no-break or zero-width space), usually pasted from a web page; receivers do not read it as a blank.`,
      'Remove it (retype the blanks as plain spaces).',
      [firstInvisible, firstInvisible + 1],
    );
  }
  // leading blanks: the record must start with the v tag (RFC 9989 §4.10 step 2)
  let lead = 0;
  while (
    lead < r.length &&
    (r[lead] === ' ' || r[lead] === '\t' || r[lead] === '\r' || r[lead] === '\n' || drop.has(lead))
  )
    lead++;
  const blanks: number[] = [];
  for (let i = 0; i < lead; i++) if (!drop.has(i)) blanks.push(i);
  if (blanks.length > 0) {
    for (const i of blanks) drop.add(i);
    add(
      ctx,
      'dmarc.leading-whitespace',
      'error',
      'The record starts with blank space; a DMARC record must start with "v=DMARC1", so receivers ignore it.',
      'Remove the blank space before "v=DMARC1".',
      [blanks[0], blanks[blanks.length - 1] + 1],
    );
  }
  // HTML entities (a web page's escaping copied into the value): no safe correction
  ENTITY.lastIndex = 0;
  const ent = ENTITY.exec(r);
  if (ent) {
    add(
      ctx,
      'dmarc.html-entity',
      'error',
      `The record contains the HTML entity "${ent[0]}", copied from a web page; receivers read it literally.`,
      'Retype the record with the real characters (no "&amp;", "&lt;", "&gt;").',
      [ent.index, ent.index + ent[0].length],
      false,
    );
  }
  const bad = r.indexOf('\uFFFD');
  if (bad !== -1) {
    add(
      ctx,
      'dmarc.mojibake',
      'warning',
      'The record contains U+FFFD (a character that could not be decoded): some bytes were garbled when the record was saved.',
      'Retype the damaged part of the record.',
      [bad, bad + 1],
      'advice',
    );
  }
  let clean = '';
  for (let i = 0; i < r.length; i++) {
    if (drop.has(i)) continue;
    ctx.map.push(i);
    clean += r[i];
  }
  return clean;
}
