// The advice shown next to a named root cause: the cause's own fix first, then only the generic
// steps of the advise stage (chosen from the reason alone, before any diagnosis) that the cause
// does not contradict. The texts stay in src/advise; this only selects among them, by the topic
// each step carries (Advice.stepTopics), never by its words.
import type { Advice, StepTopic } from '../types.js';
import type { ChainDiagnosis, DiagnosisCode } from './types.js';

/**
 * The topics of the generic steps each cause rules out.
 * - dmarc-record-broken: the fault is the DMARC record itself, not the SPF or DKIM setup, nor a
 *   free-mail From address.
 * - foreign-from-domain: the From domain is someone else's: the sender cannot fix its SPF or DKIM,
 *   and checking its records shows nothing the sender can change.
 * - esp-unaligned: SPF and DKIM pass for the ESP's own domains: the sender's own SPF record is not
 *   the fault (DKIM signing for the From domain is the fix), nor is the From address.
 * - forwarding: a forwarder changed the message on the way: nothing in the sender's SPF, DKIM or
 *   From address fixes that.
 * - blocklisted-ip: its fix and steps say how to find why the IP is listed and how to ask for
 *   its removal, at the list or at the receiver's own: the generic blocklist steps say it again.
 * The recipient-side causes rule out none: the generic steps for a missing address or domain (look
 * for a typing mistake, ask the recipient, suppress the address) hold beside each of them, and read
 * as one sequence.
 */
const RULED_OUT: Partial<Record<DiagnosisCode, readonly StepTopic[]>> = {
  'dmarc-record-broken': ['spf', 'dkim', 'authentication', 'free-mail-from'],
  'foreign-from-domain': ['spf', 'dkim', 'authentication', 'run-check'],
  'esp-unaligned': ['spf', 'free-mail-from'],
  forwarding: ['spf', 'dkim', 'authentication', 'free-mail-from'],
  'blocklisted-ip': ['blocklist'],
};

/**
 * A fix that already says to run `bouncedoc check` (the cause's own sentence, written in
 * src/diagnose and src/auth, not an advice step: it has no topic, and names the command as typed).
 */
const FIX_RUNS_CHECK = /bouncedoc check/;

/**
 * `senderDnsChecked`: the sender domain's DNS was checked (the check step is then done). Every
 * named cause, sender or recipient side and whatever its confidence, puts its fix first;
 * `undetermined` names no cause, so the generic steps stay as they are.
 */
export function adviceWithCause(advice: Advice, d: ChainDiagnosis, senderDnsChecked: boolean): Advice {
  if (d.code === 'undetermined') return advice;
  const ruledOut = new Set<StepTopic | null>(RULED_OUT[d.code]);
  // "Run `bouncedoc check <domain>`" is done already when DNS was checked, or when the fix says it
  const fixRunsCheck = FIX_RUNS_CHECK.test(d.fix);
  if (senderDnsChecked || fixRunsCheck) ruledOut.add('run-check');
  const kept = advice.steps
    // (a report stored before steps had topics has none: its steps are all kept)
    .map((text, i) => ({ text, topic: advice.stepTopics?.[i] ?? null }))
    .filter((s) => s.text !== d.fix && !ruledOut.has(s.topic));
  return {
    ...advice,
    steps: [d.fix, ...kept.map((s) => s.text)],
    // the fix is about running the check when that is what it says to do
    stepTopics: [fixRunsCheck ? 'run-check' : null, ...kept.map((s) => s.topic)],
  };
}
