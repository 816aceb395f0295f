// Why DMARC failed, in one named cause, and what to change. The causes are checked in order from
// the most specific to the most general; each names the identities that decided.
//
// Root cause codes (stable; the diagnosis chain keys on them):
//   no-author-domain            no single From domain
//   dmarc-dns-failure           the DMARC record could not be fetched
//   fail-despite-aligned-pass   an aligned pass exists but the receiver says fail (strict alignment?)
//   forwarded                   ARC shows DMARC passed before a forwarder/list broke SPF and DKIM,
//                               or the headers show forwarding (SRS, List-Id, Delivered-To) and
//                               nothing aligned passes
//   foreign-from-domain         From at a mailbox provider (gmail.com, mail.ru...) sent elsewhere
//   dkim-<fault>                an aligned DKIM signature fails: dkim-body-hash, dkim-bad-signature,
//                               dkim-no-key, dkim-key-type, dkim-key-version, dkim-key-invalid,
//                               dkim-weak-key, dkim-expired, dkim-from-not-signed, ...
//   spf-permerror               the aligned SPF record is broken, nothing else aligns
//   spf-not-permitted           the aligned SPF domain does not list the sending IP
//   esp-own-domains             a service signs (and bounces) with its own domains
//   sent-via-mailbox-provider   sent through Gmail & co. with a custom From, nothing signed for it
//   unaligned-envelope-no-dkim  SPF passes for another domain, no passing DKIM
//   nothing-authenticates       neither SPF nor DKIM passes for any domain
import { compauthMeaning } from './compauth.js';
import type { ForwardingSign } from './forwarding-signs.js';
import { espOf, mailboxProviderOf } from './providers.js';
import type { ReceiverView } from './receiver-view.js';
import type { DmarcVerdict, IdentityCheck } from './types.js';

export interface DiagnosisInput {
  fromDomain?: string;
  /** MAIL FROM domain ("" for the null sender) */
  mailFromDomain?: string;
  spf?: IdentityCheck;
  dkim: IdentityCheck[];
  dmarc: DmarcVerdict;
  receiver?: ReceiverView;
  /** ARC: result of our check or the receiver's, and what the first intermediary saw */
  arc?: { result?: string; firstSawDmarc?: string; firstSawBy?: string };
  /** a sign in the headers that a forwarder or a list sent the message on */
  forwarded?: ForwardingSign;
  /** the sending IP, when known */
  ip?: string;
  /** names of hosts in the Received chain (to name an ESP) */
  relayHosts: string[];
}

export interface Diagnosis {
  verdict: string;
  rootCause?: { code: string; text: string };
  fixes: string[];
}

export function diagnose(input: DiagnosisInput): Diagnosis {
  const { fromDomain, dmarc } = input;
  const verdict = verdictOf(input);
  if (!fromDomain) {
    return {
      verdict,
      rootCause: {
        code: 'no-author-domain',
        text: 'The message has no single From domain, so DMARC cannot be evaluated.',
      },
      fixes: ['Send with exactly one From address, in a domain you control.'],
    };
  }
  if (dmarc.result === 'pass') return { verdict, fixes: [] };
  const counted = [input.spf, ...input.dkim].filter((c): c is IdentityCheck => !!c && c.counts);
  if (counted.length > 0 && (dmarc.result === 'unknown' || dmarc.result === 'none')) {
    // aligned authentication exists; only the policy is missing (or was not read)
    return {
      verdict,
      fixes:
        dmarc.result === 'none' && dmarc.source === 'evaluated'
          ? [
              `Publish a DMARC record for ${fromDomain} (start with p=none and a rua= address to receive reports).`,
            ]
          : [],
    };
  }
  if (counted.length > 0 && dmarc.result === 'fail') {
    return {
      verdict,
      rootCause: {
        code: 'fail-despite-aligned-pass',
        text: `DMARC failed although ${counted.map(label).join(' and ')} passed and aligns under relaxed rules: ${fromDomain}'s record probably asks for strict alignment (adkim=s / aspf=s), or the receiver's own rules differ.`,
      },
      fixes: [
        `Check ${fromDomain}'s DMARC record (run \`bouncedoc check ${fromDomain}\`); with strict alignment, sign and send with exactly ${fromDomain}.`,
      ],
    };
  }
  if (dmarc.result === 'temperror') {
    return {
      verdict,
      rootCause: {
        code: 'dmarc-dns-failure',
        text: `The DMARC record of ${fromDomain} could not be fetched (DNS failure).`,
      },
      fixes: ['Check again later; if it persists, check the name servers of the domain.'],
    };
  }
  const cause = causeOf(input, fromDomain);
  const fixes = [...cause.fixes];
  if (dmarc.result === 'none' && dmarc.source === 'evaluated' && !/record/.test(cause.code)) {
    // "none" also covers a record that exists but that receivers cannot read: say both
    fixes.push(
      `Make sure ${fromDomain} has one valid DMARC record: if one is published, \`bouncedoc check ${fromDomain}\` shows why receivers ignore it; if none is, start with p=none and a rua= address to receive reports.`,
    );
  }
  return { verdict, rootCause: { code: cause.code, text: cause.text }, fixes };
}

function verdictOf(input: DiagnosisInput): string {
  const { dmarc, receiver } = input;
  const parts: string[] = [];
  const counted = [input.spf, ...input.dkim].filter((c): c is IdentityCheck => !!c && c.counts);
  switch (dmarc.result) {
    case 'pass':
      parts.push(`DMARC passes through ${counted.map(label).join(' and ') || 'an aligned identity'}`);
      break;
    case 'fail': {
      const policy = dmarc.policy ?? receiver?.dmarc?.policy;
      const disposition = dmarc.disposition ?? receiver?.dmarc?.disposition;
      if (policy === 'none') parts.push('DMARC fails; delivered only because the policy is p=none');
      else if (policy === 'quarantine')
        parts.push('DMARC fails; the policy p=quarantine sends it to spam or quarantine');
      else if (policy === 'reject')
        parts.push('DMARC fails; the policy p=reject tells receivers to refuse it');
      else if (disposition) parts.push(`DMARC fails; the receiver's action: ${disposition}`);
      else parts.push('DMARC fails');
      break;
    }
    case 'none':
      parts.push(`No DMARC policy applies (${dmarc.why}); receivers judge the message by their own rules`);
      break;
    case 'unknown':
      if (!input.fromDomain) {
        parts.push('DMARC cannot be evaluated: the message has no single From domain');
        break;
      }
      parts.push(
        counted.length > 0
          ? `DMARC was not evaluated (${dmarc.why}); ${counted.map(label).join(' and ')} passed and ${counted.length > 1 ? 'align' : 'aligns'}, so it would pass`
          : `DMARC was not evaluated (${dmarc.why}); no identity shown both passes and aligns, so it would fail`,
      );
      break;
    case 'temperror':
      parts.push('DMARC could not be evaluated: DNS failed');
      break;
    case 'permerror':
      parts.push(`DMARC could not be evaluated: ${dmarc.why}`);
      break;
    default:
      parts.push('DMARC could not be evaluated');
  }
  const ca = receiver?.compauth;
  if (ca && ca.result !== 'pass') {
    const meaning = compauthMeaning(ca.reason);
    parts.push(
      `Microsoft composite authentication ${ca.result}${ca.reason ? ` (reason ${ca.reason}${meaning ? `: ${meaning}` : ''})` : ''}${ca.result === 'fail' ? ', so it lands in junk' : ''}`,
    );
  }
  return parts.join('; ');
}

function label(c: IdentityCheck): string {
  return c.method === 'spf' ? `SPF for ${c.domain}` : `DKIM d=${c.domain}`;
}

interface Cause {
  code: string;
  text: string;
  fixes: string[];
}

function causeOf(input: DiagnosisInput, from: string): Cause {
  const { spf, dkim, arc } = input;
  const spfMailfrom = spf && spf.scope !== 'helo' ? spf : undefined;
  const passing = [spfMailfrom, ...dkim].filter((c): c is IdentityCheck => !!c && c.result === 'pass');
  const alignedDkim = dkim.filter((d) => d.alignment?.aligned);
  const brokenAlignedDkim = alignedDkim.filter((d) => d.result !== 'pass' && d.source !== 'not-checked');
  const spfAlignedFailing = spfMailfrom?.alignment?.aligned && spfMailfrom.result !== 'pass';
  const provider = mailboxProviderOf(from);

  // 1. forwarding: an intermediary saw DMARC pass (ARC), and now nothing passes aligned
  if (arc?.firstSawDmarc === 'pass' && passing.every((p) => !p.alignment?.aligned)) {
    return {
      code: 'forwarded',
      text: `The message passed DMARC when ${arc.firstSawBy ?? 'the first intermediary'} received it (its ARC set says so), and failed after being forwarded: the forwarder's IP is not in ${from}'s SPF and the forwarding changed the message so that DKIM broke.`,
      fixes: [
        "The recipient can trust the forwarder's ARC seal (or allow-list the forwarder), or deliver directly instead of forwarding.",
        'A mailing list should rewrite From to its own domain (or stop modifying messages); a forwarder should use SRS and not alter the message.',
        `For ${from}: make sure every message carries an aligned DKIM signature, which survives plain forwarding better than SPF.`,
      ],
    };
  }

  // 2. From in a mailbox provider's domain, sent elsewhere: can never pass
  if (provider && passing.every((p) => !p.alignment?.aligned)) {
    return {
      code: 'foreign-from-domain',
      text: `The From address is at ${from} (${provider}), but the message was not sent through ${provider}'s own servers, so no ${from} SPF or DKIM can align; ${from}'s DMARC policy makes receivers distrust it.`,
      fixes: [
        `Use a From address on a domain you control (and set up SPF, DKIM and DMARC for it).`,
        `Or send through ${provider}'s own SMTP server with authentication, so that ${provider} signs the message.`,
      ],
    };
  }

  // 2b. forwarding without ARC: the headers show a forwarder or a list, and nothing aligned passes;
  // a broken aligned signature is then the forwarder's change, not the sender's key or signing
  const fwd = input.forwarded;
  if (fwd && !passing.some((p) => p.alignment?.aligned) && (brokenAlignedDkim.length > 0 || !provider)) {
    return {
      code: 'forwarded',
      text: `The message failed DMARC after being sent on: ${fwd.words}. The forwarding server's IP is not in ${from}'s SPF${brokenAlignedDkim.length > 0 ? ', and the forwarding changed the message so that its DKIM signature no longer verifies' : ', and no DKIM signature for it survived'}.`,
      fixes: [
        fwd.kind === 'list'
          ? 'The mailing list should rewrite From to its own domain (or stop changing subject and body) and add ARC signatures (RFC 8617).'
          : 'The forwarder should keep the message unchanged and add ARC signatures (RFC 8617); the recipient can deliver directly to the final mailbox instead of forwarding.',
        `For ${from}: sign every message with an aligned DKIM signature; unlike SPF it survives forwarding when the message is not changed.`,
      ],
    };
  }

  // 3. an aligned DKIM signature exists but does not verify
  if (brokenAlignedDkim.length > 0 && !passing.some((p) => p.alignment?.aligned)) {
    const d = brokenAlignedDkim[0];
    return {
      code: `dkim-${(d.code ?? 'fail').replace(/^dkim\./, '')}`,
      text: `The message carries a DKIM signature for ${d.domain}, which aligns, but it does not verify: ${d.detail ?? d.result}.`,
      fixes: dkimFixes(d, from),
    };
  }

  // 4. SPF is about the From domain (aligned) but fails
  if (spfAlignedFailing && spfMailfrom && !passing.some((p) => p.alignment?.aligned)) {
    const ip = input.ip;
    if (spfMailfrom.result === 'permerror') {
      return {
        code: 'spf-permerror',
        text: `SPF for ${spfMailfrom.domain} is a permanent error: ${spfMailfrom.detail ?? 'the record is broken'}; and no aligned DKIM signature passes.`,
        fixes: [
          `Correct the SPF record of ${spfMailfrom.domain} (run \`bouncedoc check ${spfMailfrom.domain}\`): remove or flatten includes to stay within 10 DNS lookups.`,
          `Sign with DKIM d=${from} so that DMARC does not depend on SPF alone.`,
        ],
      };
    }
    return {
      code: 'spf-not-permitted',
      text: `SPF for ${spfMailfrom.domain} gives ${spfMailfrom.result}: ${spfMailfrom.detail ?? 'the sending IP is not listed'}; and no aligned DKIM signature passes.`,
      fixes: [
        `Add the sending server${ip ? ` ${ip}` : ''} (or its provider's include:) to the SPF record of ${spfMailfrom.domain}.`,
        `Sign with DKIM d=${from} at that server, so that DMARC passes even when SPF does not.`,
      ],
    };
  }

  // 5. something passes, but for other domains (an ESP's own domains)
  const passingDkimOther = dkim.filter((d) => d.result === 'pass' && !d.alignment?.aligned);
  const spfPassOther =
    spfMailfrom && spfMailfrom.result === 'pass' && !spfMailfrom.alignment?.aligned ? spfMailfrom : undefined;
  if (passingDkimOther.length > 0) {
    const dDomains = [...new Set(passingDkimOther.map((d) => d.domain))];
    const esp = [...dDomains, spfPassOther?.domain, ...input.relayHosts]
      .map((d) => espOf(d))
      .find((x) => x !== undefined);
    const via = esp ? `through ${esp}, which signs` : 'through a service that signs';
    const envelope = spfPassOther
      ? spfPassOther.domain === dDomains[0]
        ? ' and uses its own bounce domain'
        : ` and uses its own bounce domain (${spfPassOther.domain})`
      : '';
    const neither = spfPassOther ? 'neither identifier aligns' : 'it does not align';
    return {
      code: 'esp-own-domains',
      text: `Mail is sent ${via} with its own domain (d=${dDomains.join(', d=')})${envelope}; ${neither} with ${from}.`,
      fixes: [
        `Configure custom DKIM at ${esp ?? 'the sending service'} with d=${from} (or a subdomain of it, which relaxed alignment accepts).`,
        `Use a custom return-path (bounce domain) on a subdomain of ${from}, so that SPF aligns too.`,
        'Only then tighten p= (quarantine, then reject).',
      ],
    };
  }
  if (spfPassOther) {
    const provider2 = mailboxProviderOf(spfPassOther.domain);
    const unsigned =
      dkim.length === 0 ? 'carries no DKIM signature' : 'carries no DKIM signature that passes';
    const text = provider2
      ? `The message was sent through ${provider2}'s servers (for example its "send mail as" feature) with a From address in ${from}: ${provider2} uses its own envelope (SPF passed for ${spfPassOther.domain}, which is not ${from} nor a subdomain of it) and the message ${unsigned} for ${from}, so nothing aligns.`
      : `SPF passed for ${spfPassOther.domain}, which is not ${from} nor a subdomain of it, and the message ${unsigned} for ${from}, so nothing aligns.`;
    return {
      code: provider2 ? 'sent-via-mailbox-provider' : 'unaligned-envelope-no-dkim',
      text,
      fixes: provider2
        ? [
            `Send through an SMTP service that DKIM-signs with d=${from} (with Google Workspace: turn DKIM on with "Start authentication").`,
            `Add that service to ${from}'s SPF record (and use it as the envelope sender).`,
          ]
        : [
            `Set up DKIM signing with d=${from} on the sending server or service.`,
            `Use a return-path in ${from} (or a subdomain) and authorise the server in its SPF record.`,
          ],
    };
  }

  // 6. nothing passes at all - or nothing was evaluated (offline) and the headers record no result:
  // then that is what is known, not a verdict that both fail
  const known = [spfMailfrom, ...dkim].some((c) => c !== undefined && c.source !== 'not-checked');
  const fixes = [
    `Authorise the sending server in the SPF record of the envelope domain${input.mailFromDomain ? ` (${input.mailFromDomain})` : ''}, using a return-path in ${from}.`,
    `Sign the messages with DKIM d=${from}.`,
  ];
  if (!known) {
    return {
      code: 'nothing-authenticates',
      text: `No SPF or DKIM result is known: none was evaluated here and the headers record none${dkim.length === 0 ? '; the message carries no DKIM signature' : ''}. If the receiver found none passing and aligned, these are the fixes.`,
      fixes,
    };
  }
  return {
    code: 'nothing-authenticates',
    text: `Neither SPF nor DKIM passes for any domain${spfMailfrom ? ` (SPF ${spfMailfrom.result} for ${spfMailfrom.domain})` : ''}${dkim.length === 0 ? '; the message carries no DKIM signature' : ''}.`,
    fixes,
  };
}

function dkimFixes(d: IdentityCheck, from: string): string[] {
  const sel = d.selector
    ? `${d.selector}._domainkey.${d.domain}`
    : `the selector record under _domainkey.${d.domain}`;
  switch (d.code) {
    case 'dkim.body-hash':
    case 'dkim.bad-signature':
      return [
        'Find what changes the message after signing (a footer or disclaimer added by a gateway, link rewriting, a mailing list) and sign after it, or stop the change.',
        `Check that the public key at ${sel} belongs to the signing key.`,
      ];
    case 'dkim.no-key':
      return [
        `Publish the public key at ${sel} (TXT "v=DKIM1; k=rsa; p=...") as the signer's setup page shows it.`,
      ];
    case 'dkim.key-version':
    case 'dkim.key-type':
    case 'dkim.key-invalid':
      return [
        `Correct the key record at ${sel} (run \`bouncedoc check ${d.domain} --selector ${d.selector ?? 'SELECTOR'}\`).`,
      ];
    case 'dkim.weak-key':
      return [`Generate a 2048-bit key for ${d.domain} and publish it at a new selector.`];
    case 'dkim.dns-failure':
      return ['The key could not be fetched: check again later, and check the name servers of the domain.'];
    default:
      return [`Check the DKIM signer for ${from}: ${d.detail ?? 'the signature is invalid'}.`];
  }
}
