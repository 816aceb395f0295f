// Recipient-side results: the likely typo, a domain that does not exist or takes no mail, an
// address that is not one. Each says how sure it is, as the sender-side causes do: what DNS
// answered (NXDOMAIN, no MX and no address, a null MX) and the address syntax are checked evidence;
// a typo guess that DNS did not bear out (offline, no answer, or a domain that does take mail) is
// only likely.
import type { RecipientResult, Resolver } from '../types.js';
import { type AddressCheck, checkAddress, type MailAcceptance } from './recipient.js';
import type { ChainDiagnosis } from './types.js';

/** What DNS answered or left open about the domain, for checked / notChecked. */
function dnsEvidence(check: AddressCheck, resolver?: Resolver): { checked: string[]; notChecked: string[] } {
  const dns = `DNS of ${check.domain} (MX)`;
  switch (check.mail) {
    case 'accepts-mail':
    case 'no-mail':
    case 'no-such-domain':
      return { checked: [dns], notChecked: [] };
    case 'could-not-check': {
      const unanswered = check.findings.find((f) => f.code === 'address.dns-unanswered');
      return { checked: [], notChecked: [unanswered?.message ?? `${dns}: DNS did not answer`] };
    }
    case 'not-checked':
      // with a resolver, checkAddress looks up only a valid address's domain name
      return {
        checked: [],
        notChecked: [
          resolver
            ? `${dns}: not looked up (${check.valid ? 'an address literal' : 'the address is not valid'})`
            : 'DNS (offline): whether the domain exists and accepts mail',
        ],
      };
  }
}

/** What DNS said of a mistyped domain, as the root cause puts it. */
const TYPO_DNS_WORDS: Record<MailAcceptance, string> = {
  'no-such-domain': ' (and it does not exist)',
  'no-mail': ' (and it accepts no mail)',
  'accepts-mail': ' (though it exists and accepts mail)',
  'could-not-check': '',
  'not-checked': '',
};

/**
 * A typo guess is confirmed only when DNS shows the typed domain cannot take mail: then the address
 * as typed can never work. Offline, unanswered, or on a domain that does take mail it is a guess.
 */
function typoConfirmed(mail: MailAcceptance): boolean {
  return mail === 'no-such-domain' || mail === 'no-mail';
}

export async function diagnoseRecipient(
  result: RecipientResult,
  resolver?: Resolver,
): Promise<ChainDiagnosis | undefined> {
  const check = await checkAddress(result.recipient, { resolver });
  const dns = dnsEvidence(check, resolver);
  const base = {
    party: 'recipient' as const,
    checked: ['the address syntax', ...dns.checked],
    notChecked: dns.notChecked,
  };
  if (check.suggestion) {
    return {
      ...base,
      code: 'recipient-typo',
      confidence: typoConfirmed(check.mail) ? 'confirmed' : 'likely',
      rootCause: `${check.domain} looks like a typing mistake for ${check.suggestion.domain}${TYPO_DNS_WORDS[check.mail]}.`,
      fix: `Correct the address to ${check.suggestion.address} (confirm with the recipient), then send again.`,
      steps: ['Fix the address where it was entered (sign-up form, CRM), so the mistake does not come back.'],
      party: 'sender',
    };
  }
  // The causes below are named only on checked evidence: an NXDOMAIN answer, a domain with no MX
  // and no address or a null MX (RFC 7505), an address that breaks the syntax rules.
  if (check.mail === 'no-such-domain') {
    return {
      ...base,
      code: 'recipient-domain-missing',
      confidence: 'confirmed',
      rootCause: `The domain ${check.domain} does not exist in DNS: no mail can reach it.`,
      fix: 'Ask the recipient for a working address and remove this one from your lists.',
      steps: [],
    };
  }
  if (check.mail === 'no-mail') {
    return {
      ...base,
      code: 'recipient-domain-no-mail',
      confidence: 'confirmed',
      rootCause: `${check.domain} accepts no mail (${check.mx?.nullMx ? 'it publishes a null MX, RFC 7505' : 'no MX and no address'}).`,
      fix: 'Ask the recipient for another address and remove this one from your lists.',
      steps: [],
    };
  }
  if (!check.valid) {
    return {
      ...base,
      code: 'recipient-address-unknown',
      confidence: 'confirmed',
      rootCause: `${result.recipient} is not a valid address: ${check.findings[0]?.message ?? ''}`.trim(),
      fix: 'Correct the address where it was entered.',
      steps: [],
      party: 'sender',
    };
  }
  return undefined;
}
