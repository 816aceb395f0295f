// Shared state of one DMARC lint run: the findings so far, whether a correction is still
// unambiguous, and the map from the cleaned text back to the record's offsets (for spans).
import type { Finding, Severity } from '../../types.js';
import type { Span } from './parse.js';
import type { DmarcMode } from './tags.js';

/** Mutable state of one lint run. */
export interface Ctx {
  mode: DmarcMode;
  record: string;
  findings: Finding[];
  /** a fault without an unambiguous correction was found: no `fixed` */
  ambiguous: boolean;
  /** clean-text offset -> record offset */
  map: number[];
  parked: boolean;
  /** findings whose fault the corrected record repairs (they get `fixed`) */
  repaired: Finding[];
}

/**
 * How a finding relates to the corrected record: true = the corrected record repairs it; 'advice' =
 * the record stays as it is (a policy choice, a note); false = no unambiguous correction exists, so
 * no corrected record is proposed at all.
 */
export type Repair = boolean | 'advice';

export function add(
  ctx: Ctx,
  code: string,
  severity: Severity,
  message: string,
  fix: string,
  span?: Span,
  repair: Repair = true,
): void {
  const f: Finding = { code, severity, message, fix, record: ctx.record };
  if (span) f.span = span;
  ctx.findings.push(f);
  if (repair === false) ctx.ambiguous = true;
  if (repair === true) ctx.repaired.push(f);
}

/** Map a span of the cleaned text back to the record. */
export function toRecord(ctx: Ctx, span: Span): Span {
  const [s, e] = span;
  const start = ctx.map[s] ?? ctx.record.length;
  const end = e > s ? (ctx.map[e - 1] ?? ctx.record.length - 1) + 1 : start;
  return [start, end];
}

/** A tag as it goes into the corrected record. */
export interface OutTag {
  name: string;
  value: string;
}
