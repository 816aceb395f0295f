// A From address on a mailbox provider's domain (mail.ru, yahoo.com, gmail.com, aol.com ...) sent
// through the sender's own server or an ESP. The provider's DMARC policy (reject or quarantine)
// makes that mail fail everywhere: SPF and DKIM can only pass for the sender's own domains, and
// DMARC needs one of them aligned with the From domain (RFC 7489 §3.1, RFC 9989 §4.4). No setting
// on the sender's side can fix it; only the From address or the sending path can change.
import { mailboxProviderOf } from '../../auth/message/providers.js';
import { dmarcChecked, dnsMissingWhy } from '../evidence.js';
import type { Cause } from '../types.js';

export const foreignFromDomain: Cause = (e) => {
  const provider = mailboxProviderOf(e.fromDomain);
  if (!provider || !e.fromDomain) return undefined;
  const from = e.fromDomain;
  // Signed by the provider itself and sent from its servers would pass: not this cause.
  const providerSigned = e.audit?.dkim.some((d) => d.counts) ?? false;
  if (providerSigned) return undefined;
  const p = e.fromCheck?.dmarc.policy?.p ?? '';
  const strict = p === 'reject' || p === 'quarantine';
  const mentioned = e.text.includes(from) || e.text.includes('dmarc');
  const read = dmarcChecked(e);
  if (read && !strict) return undefined; // its policy was read and does not refuse mail
  if (!read && !mentioned && e.result.category !== 'authentication') return undefined;
  const policyWords = strict
    ? `${from} publishes DMARC p=${p}`
    : `${from} is known to publish a strict DMARC policy (not looked up here: ${dnsMissingWhy(e)})`;
  return {
    code: 'foreign-from-domain',
    // the provider's policy is known; only reading it in DNS makes the refusal certain
    confidence: read ? 'confirmed' : 'likely',
    rootCause:
      `The From address is on ${from} (${provider}), but the message was not sent through ${provider}'s own servers. ` +
      `${policyWords}, so receivers refuse mail that ${provider} did not sign: SPF and DKIM can only pass for your own domains, ` +
      `and DMARC needs one of them to match the From domain. This can never pass, whatever you set up.`,
    fix: `Send from an address on a domain you own (with SPF and DKIM set up for it), or send through ${provider}'s own SMTP server with your account's login.`,
    steps: [
      `Change the From address to one on your own domain; keep the ${from} address as Reply-To if replies must go there.`,
      'Set up SPF and DKIM for your domain at the server or service that sends the mail.',
      `Or submit the mail through ${provider}'s SMTP server (authenticated), so that ${provider} signs it.`,
    ],
    party: 'sender',
    checked: e.checked,
    notChecked: e.notChecked,
  };
};
