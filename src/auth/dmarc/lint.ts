// DMARC record linter: findings (code, severity, message, fix, record, span, fixed) for one record.
// Rules follow RFC 9989 (default) or RFC 7489 (mode 'rfc7489'); where tools or articles disagree,
// the RFC text decides (noted at each rule). Never throws; linear-time scanning only.
import type { Finding, Severity } from '../../types.js';
import { type DmarcTerm, MAX_RECORD_CHARS, parseDmarc, type Span } from './parse.js';
import { type DmarcPolicyRecord, readDmarcRecord } from './record.js';
import {
  type DmarcMode,
  ENUM_VALUES,
  FO_OPTIONS,
  KNOWN_TAGS,
  REMOVED_TAG_DEFAULTS,
  REMOVED_TAGS,
  TAG_MEANING,
} from './tags.js';
import { parseUriList, type ReportUri } from './uri.js';

export interface DmarcLintOptions {
  mode?: DmarcMode;
  /**
   * The text is in presentation form (as dig prints it or as written in a zone file): `\;`, `\"`,
   * `\\` and `\DDD` are escapes, not part of the value. Default false: the text is the TXT data.
   */
  presentation?: boolean;
  /** the domain sends no mail (parked): its policy should be reject for it and its subdomains */
  parked?: boolean;
}

export interface DmarcLintResult {
  /** the record the findings' spans refer to (the TXT data; escapes decoded in presentation form) */
  record: string;
  /** no error-severity finding */
  valid: boolean;
  findings: Finding[];
  /** the corrected record, when every fault found has an unambiguous correction */
  fixed?: string;
  /** tags as read by the tolerant parse (lower-case names, first occurrence) */
  tags: Record<string, string>;
  /** what a receiver acts on (null when receivers ignore the record) */
  policy: DmarcPolicyRecord | null;
}

const SMART_QUOTES = new Set(['\u201C', '\u201D', '\u2018', '\u2019', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033']);
const ENTITY = /&(?:[A-Za-z]{2,8}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/g;

/** Mutable state of one lint run. */
interface Ctx {
  mode: DmarcMode;
  record: string;
  findings: Finding[];
  /** a fault without an unambiguous correction was found: no `fixed` */
  ambiguous: boolean;
  /** clean-text offset -> record offset */
  map: number[];
  parked: boolean;
}

function add(
  ctx: Ctx,
  code: string,
  severity: Severity,
  message: string,
  fix: string,
  span?: Span,
  fixable = true,
): void {
  const f: Finding = { code, severity, message, fix, record: ctx.record };
  if (span) f.span = span;
  ctx.findings.push(f);
  if (!fixable) ctx.ambiguous = true;
}

/** Map a span of the cleaned text back to the record. */
function toRecord(ctx: Ctx, span: Span): Span {
  const [s, e] = span;
  const start = ctx.map[s] ?? ctx.record.length;
  const end = e > s ? (ctx.map[e - 1] ?? ctx.record.length - 1) + 1 : start;
  return [start, end];
}

/** Decode zone-file / dig presentation escapes (RFC 1035 §5.1). */
function decodePresentation(text: string): { decoded: string; escapes: number } {
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

/** Edit distance, bounded (small inputs only). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 24 || b.length > 24) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The one allowed value a wrong value most likely meant (unique prefix or edit distance <= 2). */
function closest(value: string, allowed: readonly string[]): string | undefined {
  const v = value.toLowerCase();
  if (v.length === 0) return undefined;
  const prefix = allowed.filter((a) => a.startsWith(v));
  if (prefix.length === 1) return prefix[0];
  const near = allowed.filter((a) => a.length > 1 && distance(v, a) <= (a.length > 4 ? 2 : 1));
  return near.length === 1 ? near[0] : undefined;
}

interface OutTag {
  name: string;
  value: string;
}

/** Lint one DMARC record. Never throws. */
export function lintDmarcRecord(input: string, options: DmarcLintOptions = {}): DmarcLintResult {
  const mode = options.mode ?? 'rfc9989';
  let record = typeof input === 'string' ? input : '';
  const pre: Finding[] = [];
  if (options.presentation) {
    const { decoded, escapes } = decodePresentation(record);
    if (escapes > 0) {
      pre.push({
        code: 'dmarc.presentation-escapes',
        severity: 'info',
        message:
          'The backslashes (e.g. "\\;") are the zone-file/dig way of writing the text; the record itself holds plain characters.',
        fix: 'Nothing to change if the DNS server stores it this way; when typing the record into a DNS web form, leave the backslashes out.',
        record: decoded,
      });
    }
    record = decoded;
  }
  const ctx: Ctx = { mode, record, findings: pre, ambiguous: false, map: [], parked: options.parked === true };
  const result = (fixed: string | undefined, tags: Record<string, string>): DmarcLintResult => ({
    record,
    valid: !ctx.findings.some((f) => f.severity === 'error'),
    findings: ctx.findings,
    ...(fixed !== undefined && fixed !== record && !ctx.ambiguous ? { fixed } : {}),
    tags,
    policy: readDmarcRecord(record, mode),
  });

  if (record.trim().length === 0) {
    add(ctx, 'dmarc.empty', 'error', 'The record is empty.', 'Publish a record such as "v=DMARC1; p=none; rua=mailto:dmarc@<your domain>".', undefined, false);
    return result(undefined, {});
  }
  if (record.length > MAX_RECORD_CHARS) {
    add(ctx, 'dmarc.too-long', 'error', `The record is over ${MAX_RECORD_CHARS} characters; only the start was checked.`, 'Publish a short record.', undefined, false);
  }

  const clean = cleanText(ctx);
  const parsed = parseDmarc(clean, { tolerant: true });
  const out = checkTerms(ctx, parsed.terms, parsed.badSeparators);
  const tags: Record<string, string> = {};
  for (const t of out.read) if (!(t.name in tags)) tags[t.name] = t.value;
  return result(out.fixed, tags);
}

/**
 * Characters receivers never see as intended: backslashes before ";", quotes around the value,
 * typographic quotes, leading blanks. Reports each and returns the text without them (with ctx.map
 * from the cleaned text back to the record).
 */
function cleanText(ctx: Ctx): string {
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
    add(ctx, 'dmarc.literal-backslash', 'error',
      'The record contains "\\;": the backslash is stored as part of the value (a zone-file escape typed into a web form), so receivers read v as "DMARC1\\" and ignore the record.',
      'Remove the backslashes; write plain semicolons.', [first, first + 1]);
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
    add(ctx, 'dmarc.quoted', 'error',
      'The record text starts with a quote character: the quotes became part of the value, so the record does not start with "v=DMARC1" and receivers ignore it.',
      'Remove the quotes from the value (DNS web forms add any quoting themselves).', [s, s + 1]);
  }
  let firstSmart = -1;
  for (let i = 0; i < r.length; i++) {
    if (SMART_QUOTES.has(r[i])) {
      drop.add(i);
      if (firstSmart === -1) firstSmart = i;
    }
  }
  if (firstSmart !== -1) {
    add(ctx, 'dmarc.smart-quotes', 'error',
      'The record contains typographic quotes (“ ” ‘ ’), usually pasted from a word processor or web page; they are not part of DMARC syntax.',
      'Remove the typographic quotes.', [firstSmart, firstSmart + 1]);
  }
  // leading blanks: the record must start with the v tag (RFC 9989 §4.10 step 2)
  let lead = 0;
  while (lead < r.length && (r[lead] === ' ' || r[lead] === '\t' || r[lead] === '\r' || r[lead] === '\n' || drop.has(lead))) lead++;
  const blanks: number[] = [];
  for (let i = 0; i < lead; i++) if (!drop.has(i)) blanks.push(i);
  if (blanks.length > 0) {
    for (const i of blanks) drop.add(i);
    add(ctx, 'dmarc.leading-whitespace', 'error',
      'The record starts with blank space; a DMARC record must start with "v=DMARC1", so receivers ignore it.',
      'Remove the blank space before "v=DMARC1".', [blanks[0], blanks[blanks.length - 1] + 1]);
  }
  // HTML entities (a web page's escaping copied into the value): no safe correction
  ENTITY.lastIndex = 0;
  const ent = ENTITY.exec(r);
  if (ent) {
    add(ctx, 'dmarc.html-entity', 'error',
      `The record contains the HTML entity "${ent[0]}", copied from a web page; receivers read it literally.`,
      'Retype the record with the real characters (no "&amp;", "&lt;", "&gt;").', [ent.index, ent.index + ent[0].length], false);
  }
  const bad = r.indexOf('\uFFFD');
  if (bad !== -1) {
    add(ctx, 'dmarc.mojibake', 'warning',
      'The record contains U+FFFD (a character that could not be decoded): some bytes were garbled when the record was saved.',
      'Retype the damaged part of the record.', [bad, bad + 1]);
  }
  let clean = '';
  for (let i = 0; i < r.length; i++) {
    if (drop.has(i)) continue;
    ctx.map.push(i);
    clean += r[i];
  }
  return clean;
}

/** Per-term checks; returns the tags as read and the corrected record (if one can be built). */
function checkTerms(
  ctx: Ctx,
  terms: DmarcTerm[],
  badSeparators: { text: string; span: Span; nextTag: string }[],
): { read: OutTag[]; fixed?: string } {
  const mode = ctx.mode;
  const read: OutTag[] = [];
  const fixedTags: OutTag[] = [];
  const span = (s: Span | undefined): Span | undefined => (s ? toRecord(ctx, s) : undefined);

  // version: the first term (RFC 9989 v tag: MUST be first, value MUST match "DMARC1" precisely)
  const first = terms.find((t) => t.kind !== 'empty');
  const vIndex = terms.findIndex((t) => t.kind === 'tag' && t.name === 'v');
  const firstText = (first?.raw ?? '').toLowerCase();
  if (/^v\s*=\s*(spf1|dkim1|stsv1|tlsrptv1|bimi1)\b/.test(firstText)) {
    add(ctx, 'dmarc.wrong-record-type', 'error',
      `This is not a DMARC record but a "${first!.raw.split(/[\s;]/)[0]}" record: it is published where the DMARC record belongs.`,
      'Move this record to where it belongs and publish a DMARC record ("v=DMARC1; p=...") at _dmarc.<domain>.', span(first!.span), false);
    return { read };
  }
  if (vIndex === -1) {
    add(ctx, 'dmarc.version-missing', 'error', 'The record has no "v=DMARC1" tag; receivers ignore it.',
      'Start the record with "v=DMARC1; ".', first ? span([first.span[0], first.span[0]]) : undefined);
  } else {
    const v = terms[vIndex];
    if (v !== first) {
      add(ctx, 'dmarc.version-not-first', 'error', 'The v tag is not the first tag; receivers ignore the record.',
        'Put "v=DMARC1" first.', span(v.span));
    }
    const value = v.value ?? '';
    if (value !== 'DMARC1') {
      if (value.toLowerCase() === 'dmarc1') {
        // RFC 9989: case-sensitive. Mail::DMARC accepts "dmarc1"; RFC 9989 decides.
        add(ctx, 'dmarc.version-case', 'error',
          `The version is "${value}"; it must be exactly "DMARC1" (upper case). RFC 9989 receivers ignore the record.`,
          'Write "v=DMARC1".', span(v.valueSpan));
      } else if (value.toLowerCase() === 'dmarc1.') {
        add(ctx, 'dmarc.stray-period', 'error', 'A period follows "DMARC1"; receivers ignore the record.', 'Remove the period.', span(v.valueSpan));
      } else {
        add(ctx, 'dmarc.version-invalid', 'error', `The version is "${value}"; only "DMARC1" exists. Receivers ignore the record.`,
          'Write "v=DMARC1".', span(v.valueSpan), value.length === 0 || /^dmarc\d*$/i.test(value));
      }
    }
  }

  for (const sep of badSeparators) {
    const shown = sep.text.trim() === '' ? 'a blank' : `"${sep.text.trim()}"`;
    add(ctx, 'dmarc.separator', 'error',
      `Tags are separated by ${shown} before "${sep.nextTag}="; DMARC tags are separated by semicolons only, so receivers read "${sep.nextTag}=" as part of the previous value.`,
      `Write "; " before "${sep.nextTag}=".`, span(sep.span));
  }

  const seen = new Map<string, string>();
  const pTerm = { index: -1 };
  let position = 0;
  for (const t of terms) {
    if (t.kind === 'empty') {
      if (t !== terms[terms.length - 1] || terms.length === 1) {
        add(ctx, 'dmarc.empty-term', 'info', 'Two semicolons with nothing between them.', 'Remove the extra semicolon.', span([t.span[0], t.span[0] + 1]));
      }
      continue;
    }
    position++;
    if (t.kind === 'bare') {
      checkBare(ctx, t, fixedTags);
      continue;
    }
    const name = t.name ?? '';
    const value = t.value ?? '';
    read.push({ name, value });
    if (t.rawName !== name && KNOWN_TAGS.has(name)) {
      add(ctx, 'dmarc.tag-case', 'info', `The tag name "${t.rawName}" is in upper case; it is valid, but some receivers compare tag names case-sensitively.`,
        `Write "${name}".`, span(t.nameSpan));
    }
    if (t.blanksAroundEquals) {
      // Both RFCs' ABNF allow *WSP around "=" ("equals" rule); some parsers (mailauth 4.x) reject it.
      add(ctx, 'dmarc.blanks-around-equals', 'info',
        `"${t.raw}" has blank space around "="; the RFC grammar allows it, but some receivers' parsers do not.`,
        `Write "${name}=${value}".`, span(t.span));
    }
    if (name === 'v' && t === terms[vIndex]) {
      fixedTags.unshift({ name: 'v', value: 'DMARC1' });
      continue;
    }
    if (seen.has(name)) {
      const same = seen.get(name)!.toLowerCase() === value.toLowerCase();
      add(ctx, 'dmarc.duplicate-tag', 'error',
        `The tag "${name}" appears twice; a tag list with a repeated tag is invalid (RFC 6376 §3.2, used by DMARC), and receivers disagree on which value wins.`,
        same ? `Remove the repeated "${name}=${value}".` : `Keep one "${name}=" with the value you mean.`, span(t.span), same);
      continue;
    }
    seen.set(name, value);
    if (name === 'p') pTerm.index = position;
    const fixedValue = checkTag(ctx, t, name, value);
    if (fixedValue !== null) fixedTags.push({ name, value: fixedValue });
  }

  checkWholeRecord(ctx, seen, pTerm.index);

  if (!fixedTags.some((t) => t.name === 'v')) fixedTags.unshift({ name: 'v', value: 'DMARC1' });
  const pAt = fixedTags.findIndex((t) => t.name === 'p');
  if (pAt > 1) fixedTags.splice(1, 0, ...fixedTags.splice(pAt, 1));
  return { read, fixed: fixedTags.map((t) => `${t.name}=${t.value}`).join('; ') };
}

/** A term without "=": a tag written with ":" or "-", "pct100", a stray token. */
function checkBare(ctx: Ctx, t: DmarcTerm, fixedTags: OutTag[]): void {
  const raw = t.raw;
  const sp = toRecord(ctx, t.span);
  const sepForm = /^([A-Za-z]{1,5})[ \t]*[:\-][ \t]*([^:\-].*)$/.exec(raw);
  if (sepForm && KNOWN_TAGS.has(sepForm[1].toLowerCase())) {
    const name = sepForm[1].toLowerCase();
    const value = sepForm[2].trim();
    const used = raw.includes(':') && raw.indexOf(':') < (raw.indexOf('-') + 1 || Infinity) ? ':' : '-';
    add(ctx, 'dmarc.tag-equals', 'warning',
      `"${raw}" uses "${used}" where "=" belongs; receivers ignore this term, so ${name} (${TAG_MEANING[name]}) keeps its default.`,
      `Write "${name}=${value}".`, sp);
    fixedTags.push({ name, value });
    return;
  }
  const glued = /^([A-Za-z]{1,5}?)([0-9]+)$/.exec(raw);
  if (glued && KNOWN_TAGS.has(glued[1].toLowerCase())) {
    const name = glued[1].toLowerCase();
    add(ctx, 'dmarc.tag-equals', 'warning', `"${raw}" lacks "="; receivers ignore it.`, `Write "${name}=${glued[2]}".`, sp);
    fixedTags.push({ name, value: glued[2] });
    return;
  }
  if (KNOWN_TAGS.has(raw.toLowerCase())) {
    add(ctx, 'dmarc.tag-no-value', raw.toLowerCase() === 'p' ? 'error' : 'warning',
      `The tag "${raw}" has no "=" and no value; receivers ignore it.`, `Give it a value ("${raw.toLowerCase()}=...") or remove it.`, sp, false);
    return;
  }
  if (raw === '.') {
    add(ctx, 'dmarc.stray-period', 'warning', 'A stray period stands where a tag should be.', 'Remove the period.', sp);
    return;
  }
  add(ctx, 'dmarc.stray-text', 'warning',
    `"${raw.length > 40 ? raw.slice(0, 40) + '…' : raw}" is not a tag (no "="); receivers ignore it. If it belonged to a tag (e.g. "fo=${raw}"), that tag keeps its default.`,
    'Remove it, or write the tag it belongs to in full ("name=value").', sp);
}

/** Checks one known or unknown tag; returns the value for the corrected record, or null to drop it. */
function checkTag(ctx: Ctx, t: DmarcTerm, name: string, value: string): string | null {
  const mode = ctx.mode;
  const vspan = toRecord(ctx, t.valueSpan ?? t.span);
  const tspan = toRecord(ctx, t.span);
  if (!KNOWN_TAGS.has(name)) {
    const near = [...KNOWN_TAGS].filter((k) => k.length > 1 && distance(name, k) === 1);
    const hint = near.length === 1 ? ` Did you mean "${near[0]}"?` : '';
    // RFC 9989 §4.7: unknown tags MUST be ignored, so this is a warning, not an error.
    add(ctx, 'dmarc.unknown-tag', 'warning', `"${t.rawName}" is not a DMARC tag; receivers ignore it.${hint}`,
      near.length === 1 ? `Write "${near[0]}=${value}".` : `Remove "${t.raw}".`, tspan);
    return near.length === 1 ? null : value;
  }
  if ((REMOVED_TAGS as readonly string[]).includes(name)) return checkRemoved(ctx, t, name, value);
  if (mode === 'rfc7489' && (name === 'np' || name === 'psd' || name === 't')) {
    add(ctx, 'dmarc.tag-not-in-rfc7489', 'info', `"${name}" (${TAG_MEANING[name]}) is defined by RFC 9989; RFC 7489 receivers ignore it.`,
      'Nothing to change; it takes effect at receivers that follow RFC 9989.', tspan);
  }
  const allowed = ENUM_VALUES[name];
  if (allowed) {
    const lower = value.toLowerCase();
    if (allowed.includes(lower)) {
      if (value !== lower) {
        add(ctx, 'dmarc.value-case', 'info', `"${value}" is valid (values are case-insensitive), but some receivers only accept lower case.`,
          `Write "${name}=${lower}".`, vspan);
      }
      return lower;
    }
    return invalidEnum(ctx, name, value, allowed, vspan);
  }
  if (name === 'fo') return checkFo(ctx, value, vspan);
  if (name === 'rua' || name === 'ruf') return checkUris(ctx, name, value, t);
  return value;
}

function invalidEnum(ctx: Ctx, name: string, value: string, allowed: readonly string[], vspan: Span): string | null {
  const lower = value.toLowerCase();
  const firstWord = lower.split(/[\s.,:]/)[0];
  if (lower.endsWith('.') && allowed.includes(lower.slice(0, -1))) {
    add(ctx, 'dmarc.stray-period', 'error', `A period follows "${name}=${value.slice(0, -1)}"; the value is invalid as written.`,
      `Write "${name}=${lower.slice(0, -1)}".`, vspan);
    return lower.slice(0, -1);
  }
  if (firstWord !== lower && allowed.includes(firstWord)) {
    add(ctx, 'dmarc.trailing-garbage', 'error', `"${name}=${value}" has extra text after "${firstWord}"; the value is invalid as written.`,
      `Write "${name}=${firstWord}".`, vspan);
    return firstWord;
  }
  const guess = closest(value, allowed);
  const consequence =
    name === 'p' || name === 'sp' || name === 'np'
      ? ' With an invalid p, sp or np, RFC 9989 §4.10.1 makes receivers treat the whole record as p=none if rua has a valid address, else ignore it.'
      : ' Receivers use the default instead.';
  add(ctx, 'dmarc.invalid-value', 'error',
    `"${name}=${value}" is not valid: ${name} (${TAG_MEANING[name]}) takes ${allowed.join(', ')}.${consequence}`,
    guess ? `Write "${name}=${guess}".` : `Write ${name}= with one of: ${allowed.join(', ')}.`, vspan, guess !== undefined);
  return guess ?? value;
}

function checkFo(ctx: Ctx, value: string, vspan: Span): string | null {
  const opts = value.split(':').map((o) => o.trim().toLowerCase());
  if (value.length === 0 || opts.some((o) => !FO_OPTIONS.includes(o))) {
    add(ctx, 'dmarc.invalid-value', 'error', `"fo=${value}" is not valid: fo takes 0, 1, d or s, separated by colons.`,
      'Write e.g. "fo=1" (a report on any failure) or remove fo.', vspan, false);
    return value;
  }
  const unique = [...new Set(opts)];
  if (unique.length < opts.length || (unique.includes('0') && unique.includes('1'))) {
    // "1" (report if any mechanism fails) already covers "0" (report if all fail).
    add(ctx, 'dmarc.fo-redundant', 'info', `"fo=${value}" is redundant: ${unique.includes('1') && unique.includes('0') ? '"1" already covers "0"' : 'an option is repeated'}.`,
      'Write each option once; with 1, leave out 0.', vspan);
    const kept = unique.includes('1') ? unique.filter((o) => o !== '0') : unique;
    return kept.join(':');
  }
  return opts.join(':');
}

function checkUris(ctx: Ctx, name: string, value: string, t: DmarcTerm): string | null {
  const uris = parseUriList(value);
  const base = t.valueSpan ? t.valueSpan[0] : t.span[0];
  const fixed: string[] = [];
  const kind = name === 'rua' ? 'aggregate' : 'failure';
  if (uris.length === 0) {
    add(ctx, 'dmarc.uri-invalid', 'error', `${name} is empty: no ${kind} reports can be sent.`, `Give ${name} a mailto: address or remove it.`, toRecord(ctx, t.span), false);
    return null;
  }
  for (const u of uris) {
    const us = toRecord(ctx, [base + u.offset, base + u.offset + u.raw.length]);
    fixed.push(checkUri(ctx, name, u, us));
  }
  if (uris.length > 2) {
    // RFC 7489 §6.2 / RFC 9989: receivers must support at least two URIs and may ignore the rest.
    add(ctx, 'dmarc.uri-too-many', 'warning', `${name} lists ${uris.length} addresses; receivers only have to send to two and may ignore the rest.`,
      `Keep at most two ${name} addresses.`, toRecord(ctx, t.valueSpan ?? t.span));
  }
  return fixed.join(',');
}

function checkUri(ctx: Ctx, name: string, u: ReportUri, us: Span): string {
  let raw = u.raw;
  switch (u.problem) {
    case 'no-scheme':
      add(ctx, 'dmarc.uri-invalid', 'error', `"${u.raw}" in ${name} has no "mailto:"; it is not a URI and receivers send no reports to it.`,
        `Write "mailto:${u.raw}".`, us);
      return 'mailto:' + u.raw;
    case 'mailto-typo':
      add(ctx, 'dmarc.uri-invalid', 'error', `"${u.raw}" in ${name}: "${u.scheme}:" is not "mailto:".`,
        `Write "mailto:${u.raw.slice((u.scheme ?? '').length + 1)}".`, us);
      return 'mailto:' + u.raw.slice((u.scheme ?? '').length + 1);
    case 'bad-scheme':
    case 'bad-address':
      add(ctx, 'dmarc.uri-invalid', 'error', `"${u.raw}" in ${name} is not a valid mailto: address; receivers send no reports to it.`,
        `Write "mailto:<address>", e.g. "mailto:dmarc@example.com".`, us, false);
      return raw;
    case 'bad-size':
      add(ctx, 'dmarc.uri-invalid', 'error', `"${u.raw}" in ${name} has an invalid "!size" suffix.`, 'Remove the "!" and what follows it.', us);
      return raw.slice(0, raw.lastIndexOf('!'));
    case 'not-mailto':
      // RFC 9989 allows any URI, but receivers need only support mailto: (RFC 7489 and RFC 9989).
      add(ctx, 'dmarc.uri-not-mailto', 'warning', `"${u.raw}" in ${name} is a ${u.scheme}: URI; receivers only have to support mailto:, so reports will most likely not be sent.`,
        'Use a mailto: address.', us);
      return raw;
    default:
      break;
  }
  if (u.size !== undefined && ctx.mode === 'rfc9989') {
    add(ctx, 'dmarc.uri-size-suffix', 'warning',
      `"${u.raw}" ends with the size limit "!${u.size}", obsolete in RFC 9989 (receivers following it ignore the suffix; some older ones honour it).`,
      `Write "${raw.slice(0, raw.lastIndexOf('!'))}".`, us);
    raw = raw.slice(0, raw.lastIndexOf('!'));
  }
  return raw;
}

/** pct, rf, ri: removed by RFC 9989, still read by RFC 7489 receivers. */
function checkRemoved(ctx: Ctx, t: DmarcTerm, name: string, value: string): string | null {
  const tspan = toRecord(ctx, t.span);
  const valid =
    name === 'pct'
      ? /^[0-9]{1,3}$/.test(value) && Number(value) <= 100
      : name === 'ri'
        ? /^[0-9]{1,10}$/.test(value) && Number(value) <= 4294967295
        : value.split(',').every((v) => ENUM_VALUES.rf.includes(v.trim().toLowerCase()));
  if (ctx.mode === 'rfc7489') {
    if (!valid) {
      add(ctx, 'dmarc.invalid-value', 'error', `"${name}=${value}" is not valid (${TAG_MEANING[name]}).`,
        `Correct or remove "${name}=".`, tspan, false);
    } else if (name === 'pct' && Number(value) < 100) {
      add(ctx, 'dmarc.pct-partial', 'info', `pct=${value}: the policy applies to ${value}% of failing mail; the rest gets the next weaker policy (RFC 7489 §6.6.4).`,
        'Raise to pct=100 once reports look clean.', tspan);
    }
    return value;
  }
  const isDefault = REMOVED_TAG_DEFAULTS[name] === value.toLowerCase();
  if (!valid) {
    add(ctx, 'dmarc.removed-tag', 'warning',
      `"${name}=${value}": ${name} was removed by RFC 9989 and its value is invalid for the older receivers that still read it.`,
      `Remove "${name}=${value}".`, tspan);
    return null;
  }
  if (name === 'pct' && Number(value) < 100) {
    add(ctx, 'dmarc.removed-tag', 'warning',
      `pct=${value}: RFC 7489 receivers apply the policy to only ${value}% of failing mail; pct was removed by RFC 9989, whose receivers apply it to all. Use t=y for a test phase instead.`,
      'Remove pct (and use t=y while testing).', tspan, false);
    return value;
  }
  add(ctx, isDefault ? 'dmarc.removed-tag' : 'dmarc.removed-tag', isDefault ? 'info' : 'warning',
    `${name} (${TAG_MEANING[name]}) was removed by RFC 9989; older receivers still read it${isDefault ? ', and this is its default value' : ''}.`,
    isDefault ? `"${name}=${value}" can be removed; it changes nothing.` : `Remove "${name}=${value}" when older receivers no longer matter.`, tspan);
  return value;
}

/** Checks on the record as a whole: p present and second, p=none, rua present. */
function checkWholeRecord(ctx: Ctx, seen: Map<string, string>, pPosition: number): void {
  const mode = ctx.mode;
  const p = seen.get('p')?.toLowerCase();
  const rua = parseUriList(seen.get('rua') ?? '');
  const validRua = rua.some((u) => u.validMailto);
  if (p === undefined) {
    if (seen.get('psd')?.toLowerCase() === 'y') {
      add(ctx, 'dmarc.p-missing', 'warning', 'The record has psd=y but no p: it marks a public suffix and requests no policy.',
        'Add "p=" if a policy for the names below is meant.', undefined, false);
    } else if (validRua && mode === 'rfc9989') {
      add(ctx, 'dmarc.p-missing', 'warning',
        'The record has no p tag. RFC 9989 reads it as p=none because rua is valid, but RFC 7489 receivers require p and may ignore the record.',
        'Add "p=none" (or the policy you mean) right after "v=DMARC1".', undefined, false);
    } else {
      add(ctx, 'dmarc.p-missing', 'error',
        validRua
          ? 'The record has no p tag; RFC 7489 requires it (receivers act as p=none since rua is valid).'
          : 'The record has no p tag and no valid rua address: receivers apply no DMARC at all (RFC 9989 §4.10.1).',
        'Add "p=none" (or the policy you mean) right after "v=DMARC1".', undefined, false);
    }
  } else {
    if (pPosition !== 2) {
      // RFC 7489 §6.3: v and p "MUST appear in that order"; RFC 9989 only requires v first.
      add(ctx, 'dmarc.p-not-second', 'warning', 'p is not right after v; RFC 9989 allows any order, but RFC 7489 receivers expect p second.',
        'Move p= right after "v=DMARC1;".');
    }
    if (p === 'none') {
      add(ctx, 'dmarc.p-none', 'warning', 'p=none only monitors: mail that fails DMARC is still delivered, so the domain can still be spoofed.',
        'Once the aggregate reports show all your mail passing, move to p=quarantine, then p=reject.');
    }
  }
  if ((p === 'reject' || p === 'quarantine') && seen.get('sp')?.toLowerCase() === 'none') {
    add(ctx, 'dmarc.sp-none', 'warning', `sp=none leaves subdomains unprotected while the domain itself has p=${p}.`,
      'Remove sp=none (subdomains then inherit p) unless a subdomain sends unauthenticated mail.');
  }
  if (!seen.has('rua')) {
    add(ctx, 'dmarc.rua-missing', 'warning', 'No rua: nobody receives aggregate reports, so failures go unnoticed.',
      'Add "rua=mailto:dmarc-reports@<your domain>".');
  }
  if (seen.has('fo') && !seen.has('ruf')) {
    add(ctx, 'dmarc.fo-without-ruf', 'info', 'fo has no effect without ruf.', 'Remove fo, or add ruf.');
  }
  if (mode === 'rfc9989' && seen.get('t')?.toLowerCase() === 'y') {
    add(ctx, 'dmarc.test-mode', 'info', 't=y: test mode; receivers apply one level below the published policy.',
      'Remove t=y when the test phase is over.');
  }
  if (ctx.parked) {
    const sp = seen.get('sp')?.toLowerCase();
    if (p !== 'reject') {
      add(ctx, 'dmarc.parked-policy', 'warning', 'The domain is parked (sends no mail), so nothing legitimate can fail DMARC; p should be reject.',
        'Write "p=reject".', undefined, false);
    }
    if (sp !== undefined && sp !== 'reject') {
      add(ctx, 'dmarc.parked-subdomain-policy', 'warning', `The domain is parked, but sp=${sp} leaves its subdomains open to spoofing.`,
        'Write "sp=reject" or remove sp.', undefined, false);
    }
  }
}
