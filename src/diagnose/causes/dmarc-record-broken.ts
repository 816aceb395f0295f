// The sender's own DMARC record is broken: what "5.7.5 permanent error evaluating DMARC policy"
// usually means (RFC 7489 §6.6.3: a record that cannot be parsed is a permerror for the
// receiver). The domain doctor points at the fault and proposes the corrected record. When DNS was
// not checked (offline, or no answer), a DMARC permerror reply still points at the record: named
// as the likely cause, with the check to run.
import { registrableDomain } from '../../auth/public-suffix.js';
import { isDmarcPermerror, isDmarcPolicyRefusal } from '../bounce-clues.js';
import { dmarcChecked, dnsMissingWhy } from '../evidence.js';
import type { Cause, ChainDiagnosis, SenderEvidence } from '../types.js';

export const dmarcRecordBroken: Cause = (e) => {
  const evaluationError = isDmarcPermerror(e.result.status, e.text);
  const check = e.fromCheck;
  if (!check || !dmarcChecked(e)) return evaluationError ? unchecked(e) : undefined;
  const errors = check.dmarc.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return evaluationError ? disagreeing(e, check.domain) : undefined;
  const corrected = check.corrected.find((c) => c.check === 'dmarc');
  const fault = errors.find((f) => f.span) ?? errors[0];
  // When the receiver says it applied the domain's policy, a record it could not even read is not
  // what refused the message: the message-level cause (e.g. an ESP's own domains) comes first, and
  // the chain adds the record fault as a further step (chain.ts).
  // Likewise when the reply names SPF or DKIM, not DMARC, as what failed.
  const specific = e.audit?.rootCause?.code;
  const otherNamed = /\b(?:spf|dkim)\b/.test(e.text) && !e.text.includes('dmarc');
  if (!evaluationError && otherNamed) return undefined;
  // A refusal under the domain's DMARC policy (Gmail's 5.7.26): a record that does not parse makes
  // receivers apply no policy at all (RFC 7489 §6.6.3), so the receiver read a working one (its view
  // of DNS differs, or the record changed since). The record read here is then no cause of this
  // refusal - publishing it fixed leaves the message unaligned and refused - only a further step
  // (chain.ts); the alignment failure is the cause.
  if (!evaluationError && isDmarcPolicyRefusal(e.result.status, e.text)) return undefined;
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
    confidence: 'confirmed',
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

/**
 * A DMARC permerror reply, but the record read here has no fault: the receiver evaluated a record
 * that this DNS does not show as broken (no record at all, a domain that does not exist here, or
 * one since corrected). The reply still points at the record, so it stays the likely cause; the
 * views of DNS differ, and that is said rather than another cause named as confirmed (with a
 * resolver that answers "no such name" for everything, SPF was "confirmed" missing).
 */
function disagreeing(e: SenderEvidence, domain: string): ChainDiagnosis {
  const check = e.fromCheck;
  const missing =
    check?.exists === false || check?.mx.findings.some((f) => f.code === 'mx.domain-missing') === true;
  const none = check?.dmarc.status === 'none';
  const seen = missing
    ? `the DNS asked here says ${domain} does not exist`
    : none
      ? `the DNS asked here has no DMARC record for ${domain}`
      : `the DMARC record read here for ${domain} has no fault (it may have been corrected since)`;
  return {
    code: 'dmarc-record-broken',
    confidence: 'likely',
    rootCause:
      `The receiver reports a permanent error evaluating the DMARC policy of ${domain} (a record it found but could not parse), ` +
      `but ${seen}: the receiver's view of DNS and this one differ.`,
    fix: `Read the record at _dmarc.${domain} as the world sees it: run \`bouncedoc check ${domain} --dns 1.1.1.1\` (a public resolver), fix what it reports, then send again.`,
    steps: [
      'If the record was corrected after the bounce, send the message again: the receiver reads it anew.',
      'A resolver that answers for a private or split DNS view may differ from what receivers see.',
    ],
    party: 'sender',
    checked: e.checked,
    notChecked: e.notChecked,
  };
}

/** A DMARC permerror reply without the record read: the likely cause, and how to check it. */
function unchecked(e: SenderEvidence): ChainDiagnosis | undefined {
  const domain = e.fromDomain;
  if (!domain) return undefined;
  const org = registrableDomain(domain);
  const where = `_dmarc.${domain}${org && org !== domain ? ` (or _dmarc.${org}, its organizational domain)` : ''}`;
  const why = dnsMissingWhy(e);
  return {
    code: 'dmarc-record-broken',
    confidence: 'likely',
    rootCause:
      `Probably a broken DMARC record at ${where}: the receiver reports a permanent error evaluating the DMARC policy ` +
      `(a DMARC permerror: the policy record could not be parsed), not a failed SPF or DKIM alignment. ` +
      `DNS was not checked (${why}), so the record itself was not read.`,
    fix: `Run \`bouncedoc check ${domain}\` (with DNS) to read the record at _dmarc.${domain}; it shows the fault and the corrected record to publish.`,
    steps: [
      'Common faults: colons instead of semicolons between tags, v=DMARC1 missing or not first, two TXT records at the same name, an unknown p= value.',
      'Resend after the corrected record is published; the same message will be refused again until then.',
    ],
    party: 'sender',
    checked: e.checked,
    notChecked: [...e.notChecked, `the DMARC record at _dmarc.${domain} (${why})`],
  };
}
