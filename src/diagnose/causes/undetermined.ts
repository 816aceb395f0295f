// No single cause stands out: say what was checked, and pass on what the checks did find.
import { isDmarcPolicyRefusal } from '../bounce-clues.js';
import { dmarcChecked, dnsMissingWhy, envelopeAlignment } from '../evidence.js';
import type { Cause, SenderEvidence } from '../types.js';

export const undetermined: Cause = (e: SenderEvidence) => {
  // Offline, the message doctor's "nothing authenticates" only means nothing was evaluated.
  const auditCause =
    e.audit?.rootCause && !(e.audit.mode === 'offline' && e.audit.rootCause.code === 'nothing-authenticates')
      ? e.audit.rootCause
      : undefined;
  const faults = [
    ...(e.fromCheck?.findings.filter((f) => f.severity === 'error') ?? []),
    ...(auditCause && e.audit ? [{ message: auditCause.text, fix: e.audit.fixes[0] }] : []),
  ];
  const first = faults[0];
  // (a receiver that refused under the domain's DMARC policy read a record: not "none" for it)
  const missingDmarc =
    e.fromCheck && e.fromCheck.dmarc.status === 'none' && !isDmarcPolicyRefusal(e.result.status, e.text);
  if (missingDmarc && e.result.category === 'authentication') {
    const fixed = e.fromCheck!.dmarc.findings.find((f) => f.fixed)?.fixed;
    return {
      code: 'dmarc-missing',
      confidence: 'confirmed',
      rootCause: `${e.fromDomain} publishes no DMARC record, and the receiver requires authenticated mail (large providers ask senders for SPF, DKIM and a DMARC record).`,
      fix: fixed
        ? `Publish a TXT record at _dmarc.${e.fromDomain}: ${fixed}`
        : `Publish a DMARC record at _dmarc.${e.fromDomain}.`,
      steps: ['Make sure SPF or DKIM passes for your own domain first (aligned with the From domain).'],
      correctedRecord: fixed ? { name: `_dmarc.${e.fromDomain}`, fixed } : undefined,
      party: 'sender',
      checked: e.checked,
      notChecked: e.notChecked,
    };
  }
  const envelope = envelopeAlignment(e);
  if (envelope?.aligned && !first && e.result.category === 'authentication') {
    const mf = e.audit?.mailFrom?.domain;
    return {
      code: 'undetermined',
      rootCause:
        `The envelope sender's domain ${mf} is aligned with the From domain (${envelope.why}), so the failure was not one of alignment: ` +
        `SPF for ${mf} or DKIM did not pass at the receiver${dmarcChecked(e) ? '' : `; SPF and DKIM were not checked here (DNS: ${dnsMissingWhy(e)})`}.`,
      fix: `Check that the SPF record of ${mf} lists the server that sent the message, and that it DKIM-signs with d=${e.fromDomain}: run \`bouncedoc check ${e.fromDomain}\`.`,
      steps: [],
      party: 'sender',
      checked: e.checked,
      notChecked: e.notChecked,
    };
  }
  return {
    code: 'undetermined',
    rootCause: first ? `No single cause could be named; the checks found: ${first.message}` : unnamedWhy(e),
    fix:
      first?.fix ??
      (e.fromDomain
        ? "Follow the receiver's own words in the reply (they often link a help page), and check the domain with `bouncedoc check`."
        : "Follow the receiver's own words in the reply (they often link a help page), and check your sending domain with `bouncedoc check <your domain>`."),
    steps: [],
    party: 'sender',
    checked: e.checked,
    notChecked: e.notChecked,
  };
};

/**
 * Why no cause was named, when the checks found no fault: only what was looked at. Without a
 * sender domain (a bare reply, a bounce without the original's From) nothing is said of "the
 * sender domain": no domain was known, so none was checked.
 */
function unnamedWhy(e: SenderEvidence): string {
  if (!e.fromDomain) {
    return `No single cause could be named: the bounce names no sender domain (no From address${e.audit ? '' : ' and no original headers'}), so no domain's DNS was checked.`;
  }
  if (e.offline)
    return 'No single cause could be named without DNS (run without --offline to check the sender domain).';
  if (!dmarcChecked(e))
    return `No single cause could be named: the DNS of ${e.fromDomain} could not be checked (the DNS server did not answer).`;
  return `No single cause could be named: the sender domain ${e.fromDomain} looks healthy and ${e.audit ? 'the returned headers show no fault' : 'the bounce carries no original headers to inspect'}.`;
}
