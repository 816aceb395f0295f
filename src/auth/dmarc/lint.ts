// DMARC record linter: findings (code, severity, message, fix, record, span, fixed) for one record.
// Rules follow RFC 9989 (default) or RFC 7489 (mode 'rfc7489'); where tools or articles disagree,
// the RFC text decides (noted at each rule). Never throws; linear-time scanning only.
// The checks live in lint-text.ts (characters), lint-values.ts (tags), lint-uris.ts (rua/ruf) and
// lint-record.ts (the record as a whole).

import type { Finding } from '../../types.js';
import { capRepeatedFindings } from './cap-findings.js';
import { add, type Ctx, type OutTag, toRecord } from './lint-context.js';
import { checkWholeRecord } from './lint-record.js';
import { cleanText, decodePresentation } from './lint-text.js';
import { checkBare, checkTag } from './lint-values.js';
import { type DmarcTerm, MAX_RECORD_CHARS, parseDmarc, type Span } from './parse.js';
import { type DmarcPolicyRecord, readDmarcRecord } from './record.js';
import { type DmarcMode, KNOWN_TAGS } from './tags.js';

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
  const ctx: Ctx = {
    mode,
    record,
    findings: pre,
    ambiguous: false,
    map: [],
    parked: options.parked === true,
    repaired: [],
  };
  const result = (candidate: string | undefined, tags: Record<string, string>): DmarcLintResult => {
    const fixed = candidate !== undefined && candidate !== record && !ctx.ambiguous ? candidate : undefined;
    // each finding the corrected record repairs carries it (DESIGN.md: `fixed` on the finding)
    if (fixed !== undefined) for (const f of ctx.repaired) f.fixed = fixed;
    return {
      record,
      valid: !ctx.findings.some((f) => f.severity === 'error'),
      findings: capRepeatedFindings(ctx.findings),
      ...(fixed !== undefined ? { fixed } : {}),
      tags,
      policy: readDmarcRecord(record, mode),
    };
  };

  if (record.trim().length === 0) {
    add(
      ctx,
      'dmarc.empty',
      'error',
      'The record is empty.',
      'Publish a record such as "v=DMARC1; p=none; rua=mailto:dmarc@<your domain>".',
      undefined,
      false,
    );
    return result(undefined, {});
  }
  if (record.length > MAX_RECORD_CHARS) {
    add(
      ctx,
      'dmarc.too-long',
      'error',
      `The record is over ${MAX_RECORD_CHARS} characters; only the start was checked.`,
      'Publish a short record.',
      undefined,
      false,
    );
  }

  const clean = cleanText(ctx);
  const parsed = parseDmarc(clean, { tolerant: true });
  const out = checkTerms(ctx, parsed.terms, parsed.badSeparators);
  const tags: Record<string, string> = {};
  for (const t of out.read) if (!(t.name in tags)) tags[t.name] = t.value;
  return result(out.fixed, tags);
}

/** Per-term checks; returns the tags as read and the corrected record (if one can be built). */
function checkTerms(
  ctx: Ctx,
  terms: DmarcTerm[],
  badSeparators: { text: string; span: Span; nextTag: string }[],
): { read: OutTag[]; fixed?: string } {
  const read: OutTag[] = [];
  const fixedTags: OutTag[] = [];
  const span = (s: Span | undefined): Span | undefined => (s ? toRecord(ctx, s) : undefined);

  // version: the first term (RFC 9989 v tag: MUST be first, value MUST match "DMARC1" precisely)
  const first = terms.find((t) => t.kind !== 'empty');
  const vIndex = terms.findIndex((t) => t.kind === 'tag' && t.name === 'v');
  const firstText = (first?.raw ?? '').toLowerCase();
  if (/^v\s*=\s*(spf1|dkim1|stsv1|tlsrptv1|bimi1)\b/.test(firstText)) {
    add(
      ctx,
      'dmarc.wrong-record-type',
      'error',
      `This is not a DMARC record but a "${first!.raw.split(/[\s;]/)[0]}" record: it is published where the DMARC record belongs.`,
      'Move this record to where it belongs and publish a DMARC record ("v=DMARC1; p=...") at _dmarc.<domain>.',
      span(first!.span),
      false,
    );
    return { read };
  }
  if (vIndex === -1) {
    add(
      ctx,
      'dmarc.version-missing',
      'error',
      'The record has no "v=DMARC1" tag; receivers ignore it.',
      'Start the record with "v=DMARC1; ".',
      first ? span([first.span[0], first.span[0]]) : undefined,
      // prepending v=DMARC1 is a correction only when the rest is recognisably DMARC tags
      terms.some((t) => t.kind === 'tag' && KNOWN_TAGS.has(t.name ?? '')),
    );
  } else {
    const v = terms[vIndex];
    if (v !== first) {
      add(
        ctx,
        'dmarc.version-not-first',
        'error',
        'The v tag is not the first tag; receivers ignore the record.',
        'Put "v=DMARC1" first.',
        span(v.span),
      );
    }
    const value = v.value ?? '';
    if (value !== 'DMARC1') {
      if (value.toLowerCase() === 'dmarc1') {
        // RFC 9989: case-sensitive. Mail::DMARC accepts "dmarc1"; RFC 9989 decides.
        add(
          ctx,
          'dmarc.version-case',
          'error',
          `The version is "${value}"; it must be exactly "DMARC1" (upper case). RFC 9989 receivers ignore the record.`,
          'Write "v=DMARC1".',
          span(v.valueSpan),
        );
      } else if (value.toLowerCase() === 'dmarc1.') {
        add(
          ctx,
          'dmarc.stray-period',
          'error',
          'A period follows "DMARC1"; receivers ignore the record.',
          'Remove the period.',
          span(v.valueSpan),
        );
      } else {
        add(
          ctx,
          'dmarc.version-invalid',
          'error',
          `The version is "${value}"; only "DMARC1" exists. Receivers ignore the record.`,
          'Write "v=DMARC1".',
          span(v.valueSpan),
          value.length === 0 || /^dmarc\d*$/i.test(value),
        );
      }
    }
  }

  for (const sep of badSeparators) {
    const shown = sep.text.trim() === '' ? 'a blank' : `"${sep.text.trim()}"`;
    add(
      ctx,
      'dmarc.separator',
      'error',
      `Tags are separated by ${shown} before "${sep.nextTag}="; DMARC tags are separated by semicolons only, so receivers read "${sep.nextTag}=" as part of the previous value.`,
      `Write "; " before "${sep.nextTag}=".`,
      span(sep.span),
    );
  }

  const seen = new Map<string, string>();
  let pPosition = -1;
  let position = 0;
  // Empty terms are named once, at the first, with their count: a record of 8,000 semicolons must
  // not give 8,000 findings (bounded output on hostile DNS data).
  const empties = terms.filter((t, i) => t.kind === 'empty' && (i < terms.length - 1 || terms.length === 1));
  if (empties.length > 0) {
    const more = empties.length > 1 ? ` (${empties.length} places; the first is marked)` : '';
    add(
      ctx,
      'dmarc.empty-term',
      'info',
      `Two semicolons with nothing between them${more}.`,
      empties.length > 1 ? 'Remove the extra semicolons.' : 'Remove the extra semicolon.',
      span([empties[0].span[0], empties[0].span[0] + 1]),
    );
  }
  for (const t of terms) {
    if (t.kind === 'empty') continue;
    position++;
    if (t.kind === 'bare') {
      checkBare(ctx, t, fixedTags);
      continue;
    }
    const name = t.name ?? '';
    const value = t.value ?? '';
    read.push({ name, value });
    if (t.rawName !== name && KNOWN_TAGS.has(name)) {
      add(
        ctx,
        'dmarc.tag-case',
        'info',
        `The tag name "${t.rawName}" is in upper case; it is valid, but some receivers compare tag names case-sensitively.`,
        `Write "${name}".`,
        span(t.nameSpan),
      );
    }
    if (t.blanksAroundEquals) {
      // Both RFCs' ABNF allow *WSP around "=" ("equals" rule); some parsers (mailauth 4.x) reject it.
      add(
        ctx,
        'dmarc.blanks-around-equals',
        'info',
        `"${t.raw}" has blank space around "="; the RFC grammar allows it, but some receivers' parsers do not.`,
        `Write "${name}=${value}".`,
        span(t.span),
      );
    }
    if (name === 'v' && t === terms[vIndex]) {
      seen.set('v', value);
      fixedTags.unshift({ name: 'v', value: 'DMARC1' });
      continue;
    }
    if (seen.has(name)) {
      const same = seen.get(name)!.toLowerCase() === value.toLowerCase();
      add(
        ctx,
        'dmarc.duplicate-tag',
        'error',
        `The tag "${name}" appears twice; a tag list with a repeated tag is invalid (RFC 6376 §3.2, used by DMARC), and receivers disagree on which value wins.`,
        same ? `Remove the repeated "${name}=${value}".` : `Keep one "${name}=" with the value you mean.`,
        span(t.span),
        same,
      );
      continue;
    }
    seen.set(name, value);
    if (name === 'p') pPosition = position;
    const fixedValue = checkTag(ctx, t, name, value);
    if (fixedValue !== null) fixedTags.push({ name, value: fixedValue });
  }

  checkWholeRecord(ctx, seen, pPosition);

  if (!fixedTags.some((t) => t.name === 'v')) fixedTags.unshift({ name: 'v', value: 'DMARC1' });
  const pAt = fixedTags.findIndex((t) => t.name === 'p');
  if (pAt > 1) fixedTags.splice(1, 0, ...fixedTags.splice(pAt, 1));
  return { read, fixed: fixedTags.map((t) => `${t.name}=${t.value}`).join('; ') };
}
