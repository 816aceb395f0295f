// SPF lint, second pass: syntax faults with their position and a repair where one is obvious,
// and the policy faults of the terms themselves (+all, ?all, no all, ptr, host bits...).
import { applyEdits, type Edit, mapBack } from './edits.js';
import { policyFaults } from './lint-policy.js';
import { explainError, termAt } from './lint-syntax.js';
import type { Draft } from './lint-text.js';
import { parseSpf } from './parse.js';
import type { ParsedSpf } from './types.js';

/**
 * Syntax and policy faults of one record (spans are offsets into `record`). Syntax faults are
 * found first and repaired; the policy checks then run on the repaired record, so that one
 * corrected record answers every finding. `parsed` is the repaired record's parse.
 */
export function termFaults(record: string): { findings: Draft[]; fixed: string; parsed: ParsedSpf } {
  const findings: Draft[] = [];
  const syntaxEdits: Edit[] = [];
  const skipTermsAt = new Set<number>();
  for (const e of parseSpf(record).errors) {
    const term = termAt(record, e.span[0]);
    if (skipTermsAt.has(term.start)) continue;
    skipTermsAt.add(term.start);
    const nextStart = record.slice(term.end).search(/[^ ]/);
    const next = nextStart < 0 ? undefined : termAt(record, term.end + nextStart);
    const { finding, edit, consumesNext } = explainError(record, e, next);
    findings.push({ ...finding, record, fixable: edit !== undefined });
    if (edit) syntaxEdits.push(edit);
    if (consumesNext && next) skipTermsAt.add(next.start);
  }
  const repaired = applyEdits(record, syntaxEdits);
  const policy = policyFaults(repaired);
  for (const f of policy.findings) {
    const span: [number, number] | undefined = f.span
      ? [
          mapBack(f.span[0], syntaxEdits),
          f.span[1] > f.span[0] ? mapBack(f.span[1] - 1, syntaxEdits) + 1 : mapBack(f.span[0], syntaxEdits),
        ]
      : undefined;
    findings.push({ ...f, record, span });
  }
  return { findings, fixed: applyEdits(repaired, policy.edits), parsed: policy.parsed };
}
