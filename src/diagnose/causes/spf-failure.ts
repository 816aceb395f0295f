// SPF: the record is a permerror (too many DNS lookups, several records, a syntax fault), or it
// does not list the sending IP. For too many lookups the domain doctor's include tree says which
// include costs most: that one to drop or flatten.
import { dnsMissingWhy, envelopeAlignment } from '../evidence.js';
import type { Cause } from '../types.js';

const SPF_WORDS = ['spf', 'sender policy framework', 'not permitted', 'not designated'];

export const spfFailure: Cause = (e) => {
  const spfInText = SPF_WORDS.some((w) => e.text.includes(w));
  const auditCode = e.audit?.rootCause?.code;
  const lint = e.envelopeSpf ?? e.fromCheck?.spf;
  // "no SPF record" and "DNS did not answer" are not a broken record: handled below
  const errors =
    lint?.findings.filter(
      (f) => f.severity === 'error' && f.code !== 'spf.no-record' && f.code !== 'spf.dns-unavailable',
    ) ?? [];
  // A name that does not exist has no SPF record, but "publishes no SPF record" is not what DNS
  // said (NXDOMAIN, RFC 8020): with a resolver that denies every name it is not even true.
  const missing =
    lint !== undefined &&
    (lint === e.envelopeSpf
      ? e.envelopeMissing === true
      : e.fromCheck?.mx.findings.some((f) => f.code === 'mx.domain-missing') === true);
  const noRecord = !missing && (lint?.findings.some((f) => f.code === 'spf.no-record') ?? false);
  // SPF of an envelope domain not aligned with the From domain cannot make DMARC pass (RFC 7489
  // §3.1.2): its missing record is no cause of a DMARC refusal unless the reply names SPF itself.
  const spfCanAlign = lint !== e.envelopeSpf || envelopeAlignment(e)?.aligned !== false;
  const domain = lint?.domain ?? e.mailFromDomain ?? e.fromDomain;
  if (
    errors.length > 0 &&
    (spfInText || auditCode === 'spf-permerror' || e.result.category === 'authentication')
  ) {
    const lookups = errors.find((f) => f.code === 'spf.too-many-lookups');
    const main = lookups ?? errors.find((f) => f.span) ?? errors[0];
    const fixed = lint?.fixed;
    const corrected = fixed ? { record: lint?.record, fixed } : undefined;
    return {
      code: 'spf-permerror',
      confidence: 'confirmed',
      rootCause: `The SPF record of ${domain} is broken, so receivers get "permerror" for every message: ${main.message}`,
      fix:
        main.fix ??
        (corrected ? `Replace the SPF record with: ${corrected.fixed}` : 'Correct the SPF record.'),
      steps: errors.map((f) => f.fix ?? f.message),
      correctedRecord: corrected
        ? { name: domain ?? '', record: corrected.record, fixed: corrected.fixed }
        : undefined,
      party: 'sender',
      checked: e.checked,
      notChecked: e.notChecked,
    };
  }
  if (
    noRecord &&
    (spfInText ||
      (spfCanAlign && (auditCode === 'spf-not-permitted' || auditCode === 'nothing-authenticates')))
  ) {
    return {
      code: 'spf-fail',
      confidence: 'confirmed',
      rootCause: `${domain} publishes no SPF record, so SPF gives "none" for it: no server is authorized to send with it as the envelope sender.`,
      fix: `Publish an SPF record for ${domain} that lists the servers or service that send its mail (e.g. "v=spf1 include:<your provider's SPF domain> -all").`,
      steps: [],
      party: 'sender',
      checked: e.checked,
      notChecked: e.notChecked,
    };
  }
  if (auditCode === 'spf-not-permitted' || auditCode === 'spf-permerror') {
    return {
      code: auditCode === 'spf-permerror' ? 'spf-permerror' : 'spf-fail',
      // our own evaluation with DNS, or the receiver's Authentication-Results in the headers
      confidence: 'confirmed',
      rootCause: e.audit!.rootCause!.text,
      fix: e.audit!.fixes[0] ?? 'Add the sending server to the SPF record.',
      steps: e.audit!.fixes.slice(1),
      party: 'sender',
      checked: e.checked,
      notChecked: e.notChecked,
    };
  }
  if (spfInText && e.result.category === 'authentication') {
    const ip = e.ip?.address;
    // the receiver's word; the record itself was read only when DNS answered
    const read = lint !== undefined && lint.verdict !== 'unknown' && !missing;
    const who = ip ? `the sending IP ${ip}` : 'the sending server';
    const record = `the SPF record of ${domain ?? 'the envelope sender domain'}`;
    return {
      code: 'spf-fail',
      confidence: read ? 'confirmed' : 'likely',
      rootCause: read
        ? `The receiver says SPF failed: ${who} is not listed in ${record}.`
        : `The receiver says SPF failed: probably ${who} is not listed in ${record}; the record was not checked (${missing ? `the DNS asked here says ${domain} does not exist` : dnsMissingWhy(e)}).`,
      fix: `Add the server or service that sends this mail to the SPF record of ${domain ?? 'your domain'} (its documented include: or ip4:/ip6:), keeping the record under 10 DNS lookups.`,
      steps: ['Find which server sent the message (the Received headers of the returned message).'],
      party: 'sender',
      checked: e.checked,
      notChecked: e.notChecked,
    };
  }
  return undefined;
};
