// Shared helpers for findings (see Finding in types.ts): making one, ranking severities, turning a
// record's findings into a verdict, and marking the faulty characters of a record for a terminal.
import type { Finding, Severity } from '../types.js';

/** What a record (or the whole domain) amounts to, worst first in VERDICT_ORDER. */
export type Verdict = 'ok' | 'warnings' | 'errors' | 'could-not-check' | 'missing';

/** Worst first: an error outranks not being able to look, which outranks a missing record. */
export const VERDICT_ORDER: readonly Verdict[] = ['errors', 'could-not-check', 'missing', 'warnings', 'ok'];

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface FindingExtra {
  fix?: string;
  record?: string;
  span?: [number, number];
  fixed?: string;
}

/** Builds a finding; leaves out the optional fields that are not given, so JSON stays small. */
export function finding(
  code: string,
  severity: Severity,
  message: string,
  extra: FindingExtra = {},
): Finding {
  const f: Finding = { code, severity, message };
  if (extra.fix !== undefined) f.fix = extra.fix;
  if (extra.record !== undefined) f.record = extra.record;
  if (extra.span !== undefined) f.span = extra.span;
  if (extra.fixed !== undefined) f.fixed = extra.fixed;
  return f;
}

/** Sort order for findings: errors, then warnings, then notes; stable otherwise. */
export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}

export function hasSeverity(findings: readonly Finding[], severity: Severity): boolean {
  return findings.some((f) => f.severity === severity);
}

/** The verdict of a record that was found: errors, warnings or ok, by its worst finding. */
export function verdictOf(findings: readonly Finding[]): Verdict {
  if (hasSeverity(findings, 'error')) return 'errors';
  if (hasSeverity(findings, 'warning')) return 'warnings';
  return 'ok';
}

/** The worst of several verdicts (ok when there are none). */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  let best = VERDICT_ORDER.length - 1;
  for (const v of verdicts) best = Math.min(best, VERDICT_ORDER.indexOf(v));
  return VERDICT_ORDER[best];
}

/** A finding's span moved by `offset` characters, for records embedded in a longer display text. */
export function shiftSpan(span: [number, number], offset: number): [number, number] {
  return [span[0] + offset, span[1] + offset];
}

/**
 * Marks character ranges of a record for a terminal: returns the record as it should be printed
 * (control characters and other invisible characters shown as "·" so the marks line up) and a line
 * of the same width with "^" under every marked character. Offsets are UTF-16 indexes, as spans are;
 * a character outside the BMP takes one column. An empty span marks the position after it (an
 * insertion point, e.g. a missing separator). Wide characters (CJK) can still shift the marks.
 */
export function markSpans(
  record: string,
  spans: ReadonlyArray<[number, number]>,
): { text: string; marks: string } {
  const chars: string[] = [];
  const columnOf: number[] = []; // UTF-16 index -> column
  for (let i = 0; i < record.length; ) {
    const cp = record.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    for (let k = 0; k < width; k++) columnOf[i + k] = chars.length;
    chars.push(visible(cp));
    i += width;
  }
  columnOf[record.length] = chars.length;
  const marks: string[] = new Array(chars.length + 1).fill(' ');
  for (const [start, end] of spans) {
    const from = columnOf[Math.max(0, Math.min(start, record.length))];
    const to = columnOf[Math.max(0, Math.min(end, record.length))];
    if (to <= from) marks[from] = '^';
    for (let c = from; c < to; c++) marks[c] = '^';
  }
  return { text: chars.join(''), marks: marks.join('').trimEnd() };
}

/** How a character is shown in a marked record: invisible and control characters as "·". */
function visible(cp: number): string {
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) return '·';
  // zero-width and bidi controls, byte-order mark, no-break space: invisible, yet a common fault
  if (cp === 0x00a0 || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || cp === 0xfeff) {
    return '·';
  }
  return String.fromCodePoint(cp);
}
