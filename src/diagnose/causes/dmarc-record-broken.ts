// The sender's own DMARC record is broken: what "5.7.5 permanent error evaluating DMARC policy"
// usually means (RFC 7489 §6.6.3: a record that cannot be parsed is a permerror for the
// receiver). The domain doctor points at the fault and proposes the corrected record.
import type { Cause } from '../types.js';

const EVALUATION_ERROR = [
  'error evaluating dmarc',
  'dmarc processing',
  'dmarc permerror',
  'permerror',
  'dmarc policy error',
];

export const dmarcRecordBroken: Cause = (e) => {
  const check = e.fromCheck;
  if (!check) return undefined;
  const errors = check.dmarc.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return undefined;
  const corrected = check.corrected.find((c) => c.check === 'dmarc');
  const fault = errors.find((f) => f.span) ?? errors[0];
  const evaluationError = e.result.status === '5.7.5' || EVALUATION_ERROR.some((w) => e.text.includes(w));
  // When the receiver says it applied the domain's policy, a record it could not even read is not
  // what refused the message: the message-level cause (e.g. an ESP's own domains) comes first, and
  // the chain adds the record fault as a further step (chain.ts).
  const specific = e.audit?.rootCause?.code;
  if (
    !evaluationError &&
    specific &&
    specific !== 'nothing-authenticates' &&
    specific !== 'dmarc-dns-failure'
  ) {
    return undefined;
  }
  const name = corrected?.name ?? `_dmarc.${check.domain}`;
  return {
    code: 'dmarc-record-broken',
    rootCause:
      `The DMARC record at ${name} is broken: ${fault.message}` +
      (evaluationError ? ' That is what the receiver means by an error evaluating the DMARC policy.' : ''),
    fix: corrected
      ? `Replace the TXT record at ${name} with: ${corrected.fixed}`
      : (fault.fix ?? `Correct the TXT record at ${name}.`),
    // the steps say what each fault is; the full corrected record is already the fix
    steps: errors.map((f) => f.fix ?? f.message).filter((s) => !corrected || !s.includes(corrected.fixed)),
    correctedRecord: corrected ? { name, record: corrected.record, fixed: corrected.fixed } : undefined,
    party: 'sender',
    checked: e.checked,
    notChecked: e.notChecked,
  };
};
