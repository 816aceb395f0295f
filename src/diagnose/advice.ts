// The advice shown next to a named root cause: the cause's own fix first, then only the generic
// steps of the advise stage (chosen from the reason alone, before any diagnosis) that the cause
// does not contradict. The texts stay in src/advise; this only selects among them.
import type { Advice } from '../types.js';
import type { ChainDiagnosis, DiagnosisCode } from './types.js';

/**
 * Generic steps each cause rules out. A broken DMARC record is not an SPF or DKIM setup fault (nor
 * a free-mail From address); a foreign From domain cannot be fixed in its SPF or DKIM; an ESP's own
 * domains and a forwarder are not fixed by the sender's own SPF record. The recipient-side causes
 * rule out none: the generic steps for a missing address or domain (look for a typing mistake,
 * ask the recipient, suppress the address) hold beside each of them, and read as one sequence.
 */
const RULED_OUT: Partial<Record<DiagnosisCode, RegExp>> = {
  'dmarc-record-broken': /\b(?:SPF|DKIM)\b|domain you do not control|free mail|someone else's domain/i,
  'foreign-from-domain': /\bSPF\b|\bDKIM\b|bouncedoc check/i,
  'esp-unaligned': /publishes an SPF record|domain you do not control|free mail|someone else's domain/i,
  forwarding: /\b(?:SPF|DKIM)\b|domain you do not control|free mail|someone else's domain/i,
};

/** "Run `bouncedoc check <domain>`": done already when DNS was checked, or when the fix says it. */
const CHECK_STEP = /bouncedoc check/;

/**
 * `senderDnsChecked`: the sender domain's DNS was checked (the check step is then done). Every
 * named cause, sender or recipient side and whatever its confidence, puts its fix first;
 * `undetermined` names no cause, so the generic steps stay as they are.
 */
export function adviceWithCause(advice: Advice, d: ChainDiagnosis, senderDnsChecked: boolean): Advice {
  if (d.code === 'undetermined') return advice;
  const ruledOut = RULED_OUT[d.code];
  const checkDone = senderDnsChecked || CHECK_STEP.test(d.fix);
  const kept = advice.steps.filter(
    (s) => s !== d.fix && !ruledOut?.test(s) && !(checkDone && CHECK_STEP.test(s)),
  );
  return { ...advice, steps: [d.fix, ...kept] };
}
