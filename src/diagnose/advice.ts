// The advice shown next to a named root cause: the cause's own fix first, then only the generic
// steps of the advise stage (chosen from the reason alone, before any diagnosis) that the cause
// does not contradict. The texts stay in src/advise; this only selects among them.
import type { Advice, Diagnosis } from '../types.js';
import type { DiagnosisCode } from './types.js';

/**
 * Generic steps each cause rules out. A broken DMARC record is not an SPF or DKIM setup fault (nor
 * a free-mail From address); a foreign From domain cannot be fixed in its SPF or DKIM; an ESP's own
 * domains and a forwarder are not fixed by the sender's own SPF record.
 */
const RULED_OUT: Partial<Record<DiagnosisCode, RegExp>> = {
  'dmarc-record-broken': /\b(?:SPF|DKIM)\b|domain you do not control|free mail|someone else's domain/i,
  'foreign-from-domain': /\bSPF\b|\bDKIM\b|bouncedoc check/i,
  'esp-unaligned': /publishes an SPF record|domain you do not control|free mail|someone else's domain/i,
  forwarding: /\b(?:SPF|DKIM)\b|domain you do not control|free mail|someone else's domain/i,
};

/** "Run `bouncedoc check <domain>`": done already when DNS was checked, or when the fix says it. */
const CHECK_STEP = /bouncedoc check/;

export function adviceWithCause(advice: Advice, d: Diagnosis, dnsChecked: boolean): Advice {
  if (d.code === 'undetermined' || !d.confidence) return advice;
  const ruledOut = RULED_OUT[d.code as DiagnosisCode];
  const checkDone = dnsChecked || CHECK_STEP.test(d.fix);
  const kept = advice.steps.filter(
    (s) => s !== d.fix && !ruledOut?.test(s) && !(checkDone && CHECK_STEP.test(s)),
  );
  return { ...advice, steps: [d.fix, ...kept] };
}
