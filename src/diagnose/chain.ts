// The diagnosis chain: for each result that blames the sender's setup (authentication,
// sender-blocked), gather the evidence (message doctor, domain doctor, reverse DNS) and name the
// first cause that fits; for results that blame the recipient's address or domain, run the
// recipient checks. Returns a new report; never throws for what DNS or the headers hold.
import { cachingResolver, silentGuard } from '../dns/index.js';
import type { ExplainReport, RecipientResult } from '../types.js';
import { adviceWithCause } from './advice.js';
import { isDmarcPolicyRefusal } from './bounce-clues.js';
import { blocklistedIp } from './causes/blocklisted-ip.js';
import { dmarcRecordBroken } from './causes/dmarc-record-broken.js';
import { dmarcUnaligned } from './causes/dmarc-unaligned.js';
import { espUnaligned } from './causes/esp-unaligned.js';
import { foreignFromDomain } from './causes/foreign-from-domain.js';
import { forwarding } from './causes/forwarding.js';
import { noPtr } from './causes/no-ptr.js';
import { spfFailure } from './causes/spf-failure.js';
import { undetermined } from './causes/undetermined.js';
import {
  type ChainOptions,
  dmarcChecked,
  gatherSenderEvidence,
  type ReportContext,
  reportContext,
} from './evidence.js';
import { diagnoseRecipient } from './recipient-diagnosis.js';
import type { Cause, ChainDiagnosis, SenderEvidence } from './types.js';

export type { ChainOptions } from './evidence.js';

/**
 * Named causes, most specific first. A reverse-DNS or blocklist refusal names its cause in the
 * reply itself; a foreign From domain explains a DMARC failure before any record fault of the
 * sender's own; record faults come before the message-level explanations.
 */
const CAUSES: readonly Cause[] = [
  noPtr,
  blocklistedIp,
  foreignFromDomain,
  dmarcRecordBroken,
  espUnaligned,
  spfFailure,
  forwarding,
  dmarcUnaligned,
  undetermined,
];

/**
 * A broken DMARC record of the From domain that was not itself named the cause is still worth
 * fixing: add it as a further step, with its corrected record when no other record is proposed.
 */
function withRecordFault(d: ChainDiagnosis, e: SenderEvidence): ChainDiagnosis {
  if (d.code === 'dmarc-record-broken' || d.code === 'foreign-from-domain' || !e.fromCheck) return d;
  const fault = e.fromCheck.dmarc.findings.find((f) => f.severity === 'error');
  const corrected = e.fromCheck.corrected.find((c) => c.check === 'dmarc');
  if (!fault) return d;
  const name = corrected?.name ?? `_dmarc.${e.fromCheck.domain}`;
  // the receiver applied the policy, so it read a record that parses (RFC 7489 §6.6.3)
  const refusal = isDmarcPolicyRefusal(e.result.status, e.text);
  const applied = refusal
    ? ' The receiver applied a DMARC policy, so it read a working record: its view of DNS and this one differ, or the record changed since. As read here, receivers would apply no DMARC policy at all; correcting it does not make this message pass.'
    : '';
  const step = `Also correct the DMARC record at ${name}: ${fault.message}${applied}${corrected ? ` Publish: ${corrected.fixed}` : ''}`;
  return {
    ...d,
    steps: [...d.steps, step],
    // (not shown under the cause's fix when it is no fix for this refusal: the step says it)
    correctedRecord:
      d.correctedRecord ??
      (corrected && !refusal ? { name, record: corrected.record, fixed: corrected.fixed } : undefined),
  };
}

const SENDER_CATEGORIES = new Set(['authentication', 'sender-blocked']);
const RECIPIENT_CATEGORIES = new Set(['recipient-domain', 'recipient-address']);

/**
 * Reasons that neither chain explains: a failed TLS connection (STARTTLS, RFC 3207; MTA-STS, RFC
 * 8461; DANE, RFC 7672) is a matter of the two mail servers' transport security. The sender
 * domain's SPF, DKIM and DMARC are never read in it, and the recipient domain's mail servers were
 * reached (or its TLSA records looked up): neither DNS check can name its cause.
 */
const TRANSPORT_REASONS = new Set(['failedstarttls']);

export async function diagnoseReport(
  report: ExplainReport,
  options: ChainOptions = {},
): Promise<ExplainReport> {
  // One report asks each question once (10,000 recipients at one domain: one MX query), and stops
  // waiting on a DNS server that answers nothing (see silentGuard).
  const resolver = options.resolver && cachingResolver(silentGuard(options.resolver));
  const ctx = reportContext(report, { ...options, resolver });
  const results = await Promise.all(report.results.map((r) => diagnoseResult(ctx, r)));
  return { ...report, results };
}

async function diagnoseResult(ctx: ReportContext, result: RecipientResult): Promise<RecipientResult> {
  let diagnosis: ChainDiagnosis | undefined;
  try {
    if (TRANSPORT_REASONS.has(result.reason)) {
      // (no cause to name: the advice says which side's TLS to look at)
    } else if (SENDER_CATEGORIES.has(result.category)) {
      const evidence = await gatherSenderEvidence(ctx, result);
      for (const cause of CAUSES) {
        diagnosis = cause(evidence);
        if (diagnosis) break;
      }
      if (diagnosis) {
        diagnosis = withRecordFault(diagnosis, evidence);
        // the named cause's fix comes first; generic steps that contradict it are not shown
        result = { ...result, advice: adviceWithCause(result.advice, diagnosis, dmarcChecked(evidence)) };
      }
    } else if (RECIPIENT_CATEGORIES.has(result.category) && result.recipient) {
      diagnosis = await diagnoseRecipient(result, ctx.options.resolver);
      // the same order for a recipient-side cause; the sender's domain was not checked for it
      if (diagnosis) result = { ...result, advice: adviceWithCause(result.advice, diagnosis, false) };
    }
  } catch (err) {
    // A bug in one check must not lose the explanation itself: say what could not be checked.
    diagnosis = {
      code: 'undetermined',
      rootCause: 'The diagnosis could not be completed.',
      fix: "Follow the advice above; check the sender domain with 'bouncedoc check'.",
      steps: [],
      party: 'sender',
      checked: [],
      notChecked: [
        `the diagnosis chain failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      ],
    };
  }
  return diagnosis ? { ...result, diagnosis } : result;
}
