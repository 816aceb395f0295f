// DMARC failed and nothing more specific is known: the receiver saw no SPF or DKIM pass aligned
// with the From domain (RFC 7489 §3.1, RFC 9989 §4.4), and the domain's policy made it refuse the
// message. The fix is the same whatever the sending path: authenticate the From domain itself.
import { registrableDomain } from '../../auth/public-suffix.js';
import { isDmarcPermerror, isDmarcPolicyRefusal } from '../bounce-clues.js';
import { dmarcChecked, dnsMissingWhy, envelopeAlignment } from '../evidence.js';
import type { Cause } from '../types.js';

const DMARC_WORDS = ['dmarc', 'unauthenticated email', 'not authenticated'];

export const dmarcUnaligned: Cause = (e) => {
  if (e.result.category !== 'authentication') return undefined;
  const dmarcFailure = e.result.status === '5.7.26' || DMARC_WORDS.some((w) => e.text.includes(w));
  if (!dmarcFailure) return undefined;
  // a policy record the receiver could not evaluate is not a failed alignment (dmarc-record-broken)
  if (isDmarcPermerror(e.result.status, e.text)) return undefined;
  // An envelope sender aligned with the From domain (the same organizational domain, or the same
  // domain under aspf=s) is aligned SPF: DMARC then failed because SPF did not pass, not for want
  // of alignment (spf-failure, or undetermined when SPF could not be checked).
  const envelope = envelopeAlignment(e);
  if (envelope?.aligned) return undefined;
  // no record at all is its own cause (dmarc-missing, in undetermined.ts) - unless the receiver
  // says it applied the domain's DMARC policy: then it read a record that this DNS does not show
  // (the views differ, or the record changed since), and the failed alignment is still the cause
  if (e.fromCheck?.dmarc.status === 'none' && !isDmarcPolicyRefusal(e.result.status, e.text))
    return undefined;
  const domain = e.fromDomain ?? 'the From domain';
  const p = e.fromCheck?.dmarc.policy?.p;
  const policy = p ? `, whose DMARC policy is p=${p}` : '';
  // relaxed alignment (the default, RFC 7489 3.1) takes any name of the same organizational domain;
  // offline that is the public suffix list's registrable domain (RFC 9989 finds it by a DNS walk)
  const org = e.fromDomain ? registrableDomain(e.fromDomain) : undefined;
  const aligned = org && org !== e.fromDomain ? `${domain} (or, relaxed, with a name under ${org})` : domain;
  const keys = e.fromCheck?.dkim.filter((k) => k.records.length > 0).length ?? undefined;
  // "no key found" only when DNS answered for every selector: a timeout is "could not check"
  const dkimAnswered =
    e.fromCheck?.dkim.every((k) => k.rcode === 'NOERROR' || k.rcode === 'NXDOMAIN') ?? false;
  const steps = [
    `Sign outgoing mail with DKIM for ${domain} (d=${domain} or its organizational domain) at the server or service that sends it, and publish its key.`,
    `Or make the envelope sender (Return-Path) a domain aligned with ${domain} and list the sending server in that domain's SPF record.`,
    'Resend after the DNS change; the same message unchanged will be refused again.',
  ];
  if (keys === 0 && dkimAnswered)
    steps.unshift(
      `No DKIM key was found for ${domain} at the common selectors: DKIM signing is probably not set up.`,
    );
  if (
    e.fromCheck?.dmarc.status === 'none' &&
    !e.fromCheck.dmarc.findings.some((f) => f.severity === 'error')
  ) {
    steps.push(
      `The DNS asked here shows no DMARC record for ${domain}, but the receiver applied its DMARC policy: its view of DNS and this one differ (or the record changed since).`,
    );
  }
  // What the returned headers show, even offline: identities in other domains than the From domain
  const foreign: string[] = [];
  for (const d of e.audit?.dkim ?? []) {
    if (d.alignment && !d.alignment.aligned)
      foreign.push(`DKIM signature d=${d.domain} (${d.alignment.why})`);
  }
  const mf = e.audit?.mailFrom;
  if (mf && envelope && !envelope.aligned) {
    foreign.push(`envelope sender ${mf.address} (SPF is checked for ${mf.domain}: ${envelope.why})`);
  }
  if (foreign.length > 0) {
    steps.unshift(
      `The returned headers name other domains than ${domain}: ${foreign.join('; ')}. If a sending service (ESP) sent it, set up its custom DKIM and custom return path for ${domain}.`,
    );
  }
  // The receiver's word is that DMARC failed; which identity failed is shown only by the returned
  // headers (identities in other domains) or by the message doctor's own evaluation with DNS.
  const shown = foreign.length > 0 || (e.audit?.mode === 'dns' && dmarcChecked(e));
  const unseen = !e.audit
    ? 'the bounce does not return the original headers'
    : `SPF and DKIM were not evaluated: DNS was not checked (${dnsMissingWhy(e)})`;
  return {
    code: 'dmarc-unaligned',
    confidence: shown ? 'confirmed' : 'likely',
    rootCause: shown
      ? `The receiver found no SPF or DKIM pass aligned with ${aligned}${policy}, so DMARC failed and the message was refused.`
      : `The receiver reports that DMARC failed for ${domain}${policy}: it found no SPF or DKIM pass aligned with ${aligned}. Which one failed, and why, was not checked (${unseen}).`,
    fix: `Authenticate mail as ${domain}: DKIM-sign it with d=${domain} (or its organizational domain), or send with an envelope domain aligned with it that SPF covers.`,
    steps,
    party: 'sender',
    checked: e.checked,
    notChecked: e.notChecked,
  };
};
