// DMARC record text -> terms with character spans (RFC 7489 §6.4, RFC 9989 "Formal Definition").
//
// The grammar: dmarc-record = dmarc-version *(dmarc-sep dmarc-tag) [dmarc-sep];
// dmarc-sep = *WSP ";" *WSP; equals = *WSP "=" *WSP. So the only separator between tags is ";"
// (popular articles that show colons or commas between tags are wrong), and blanks around "=" and
// ";" are allowed by both RFCs (`v = DMARC1` is valid).
//
// Two readings:
// - strict (what a receiver does): split on ";" only; `v=DMARC1: p=reject` is one tag v whose value
//   is "DMARC1: p=reject", so the record is ignored.
// - tolerant (what a linter needs): also finds a known tag hidden behind a wrong separator
//   (":", ",", blanks) and reports that separator's span, so the fault can be marked and fixed.
//
// All scanning is linear: a single pass over the text, look-ahead bounded by the tag-name length.

import { KNOWN_TAGS } from './tags.js';

/** Records longer than this are cut before parsing (DNS data is attacker-controlled). */
export const MAX_RECORD_CHARS = 8192;

export type Span = [number, number];

export interface DmarcTerm {
  kind: 'tag' | 'bare' | 'empty';
  /** the term's text without surrounding blanks */
  raw: string;
  span: Span;
  /** tag name in lower case (kind 'tag') */
  name?: string;
  /** tag name as written */
  rawName?: string;
  nameSpan?: Span;
  /** value without surrounding blanks (kind 'tag'); may be empty */
  value?: string;
  valueSpan?: Span;
  /** blanks were written around "=" */
  blanksAroundEquals?: boolean;
  /** the term was found after a wrong separator (tolerant reading only) */
  afterBadSeparator?: boolean;
}

export interface BadSeparator {
  /** the characters used in place of "; " */
  text: string;
  span: Span;
  /** the tag that follows it */
  nextTag: string;
}

export interface ParsedDmarc {
  /** the text that was parsed (cut at MAX_RECORD_CHARS) */
  record: string;
  terms: DmarcTerm[];
  badSeparators: BadSeparator[];
  truncated: boolean;
}

export interface ParseOptions {
  /** find tags behind wrong separators (":", ",", blanks); default false (a receiver's reading) */
  tolerant?: boolean;
}

const isWsp = (c: string): boolean => c === ' ' || c === '\t';
const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlpha = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/** A ";" that ends an HTML entity such as "&amp;" is not a separator (the entity is reported). */
function endsEntity(text: string, semi: number): boolean {
  for (let k = semi - 1; k >= 0 && k >= semi - 10; k--) {
    const c = text[k];
    if (c === '&') return k < semi - 1;
    if (!(isAlpha(c) || (c >= '0' && c <= '9') || c === '#')) return false;
  }
  return false;
}

/** Parse a DMARC record. Never throws. */
export function parseDmarc(input: string, options: ParseOptions = {}): ParsedDmarc {
  const truncated = input.length > MAX_RECORD_CHARS;
  const record = truncated ? input.slice(0, MAX_RECORD_CHARS) : input;
  const terms: DmarcTerm[] = [];
  const badSeparators: BadSeparator[] = [];

  let start = 0;
  for (let i = 0; i <= record.length; i++) {
    if (i < record.length && (record[i] !== ';' || endsEntity(record, i))) continue;
    addSegment(record, start, i, terms, badSeparators, options.tolerant === true);
    start = i + 1;
  }
  // A final ";" is allowed ([dmarc-sep]): drop the empty segment after it.
  const last = terms[terms.length - 1];
  if (last && last.kind === 'empty' && last.span[0] === record.length && terms.length > 1) terms.pop();
  return { record, terms, badSeparators, truncated };
}

function addSegment(
  text: string,
  from: number,
  to: number,
  terms: DmarcTerm[],
  badSeparators: BadSeparator[],
  tolerant: boolean,
): void {
  let s = from;
  let e = to;
  while (s < e && isBlank(text[s])) s++;
  while (e > s && isBlank(text[e - 1])) e--;
  if (s === e) {
    terms.push({ kind: 'empty', raw: '', span: [to, to] });
    return;
  }
  if (!tolerant) {
    terms.push(makeTerm(text, s, e, false));
    return;
  }
  // Tolerant: cut the segment wherever a known tag hides behind a wrong separator.
  let termStart = s;
  let after = false;
  let seenEquals = false;
  let i = s;
  while (i < e) {
    const c = text[i];
    const sepChar = c === ':' || c === ',' || isWsp(c);
    if (!sepChar || !seenEquals) {
      if (c === '=') seenEquals = true;
      i++;
      continue;
    }
    // a run of separator characters, then a tag name, blanks, "="
    let j = i;
    while (j < e && (text[j] === ':' || text[j] === ',' || isWsp(text[j]))) j++;
    let k = j;
    while (k < e && isAlpha(text[k]) && k - j <= 5) k++;
    let m = k;
    while (m < e && isWsp(text[m])) m++;
    const name = text.slice(j, k).toLowerCase();
    if (k > j && m < e && text[m] === '=' && KNOWN_TAGS.has(name)) {
      terms.push(makeTerm(text, termStart, i, after));
      badSeparators.push({ text: text.slice(i, j), span: [i, j], nextTag: name });
      termStart = j;
      after = true;
      seenEquals = false;
    }
    i = j; // the separator run is consumed either way
  }
  terms.push(makeTerm(text, termStart, e, after));
}

function makeTerm(text: string, s: number, e: number, afterBadSeparator: boolean): DmarcTerm {
  const raw = text.slice(s, e);
  const eq = raw.indexOf('=');
  const base: DmarcTerm = { kind: 'bare', raw, span: [s, e] };
  if (afterBadSeparator) base.afterBadSeparator = true;
  if (eq === -1) return base;
  let ne = s + eq;
  while (ne > s && isBlank(text[ne - 1])) ne--;
  let vs = s + eq + 1;
  while (vs < e && isBlank(text[vs])) vs++;
  const rawName = text.slice(s, ne);
  return {
    ...base,
    kind: 'tag',
    name: rawName.toLowerCase(),
    rawName,
    nameSpan: [s, ne],
    value: text.slice(vs, e),
    valueSpan: [vs, e],
    blanksAroundEquals: ne !== s + eq || vs !== s + eq + 1,
  };
}
