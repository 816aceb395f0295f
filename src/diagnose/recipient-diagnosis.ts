// Recipient-side results: the likely typo, a domain that does not exist or takes no mail.
import type { Diagnosis, RecipientResult, Resolver } from '../types.js';
import { checkAddress } from './recipient.js';

export async function diagnoseRecipient(
  result: RecipientResult,
  resolver?: Resolver,
): Promise<Diagnosis | undefined> {
  const check = await checkAddress(result.recipient, { resolver });
  const checked = resolver ? [`DNS of ${check.domain} (MX)`] : [];
  const notChecked = resolver ? [] : ['DNS (offline): whether the domain exists and accepts mail'];
  const base = { party: 'recipient' as const, checked: ['the address syntax', ...checked], notChecked };
  if (check.suggestion) {
    return {
      ...base,
      code: 'recipient-typo',
      rootCause: `${check.domain} looks like a typing mistake for ${check.suggestion.domain}${
        check.mail === 'no-such-domain' ? ' (and it does not exist)' : ''
      }.`,
      fix: `Correct the address to ${check.suggestion.address} (confirm with the recipient), then send again.`,
      steps: ['Fix the address where it was entered (sign-up form, CRM), so the mistake does not come back.'],
      party: 'sender',
    };
  }
  if (check.mail === 'no-such-domain') {
    return {
      ...base,
      code: 'recipient-domain-missing',
      rootCause: `The domain ${check.domain} does not exist in DNS: no mail can reach it.`,
      fix: 'Ask the recipient for a working address and remove this one from your lists.',
      steps: [],
    };
  }
  if (check.mail === 'no-mail') {
    return {
      ...base,
      code: 'recipient-domain-no-mail',
      rootCause: `${check.domain} accepts no mail (${check.mx?.nullMx ? 'it publishes a null MX, RFC 7505' : 'no MX and no address'}).`,
      fix: 'Ask the recipient for another address and remove this one from your lists.',
      steps: [],
    };
  }
  if (!check.valid) {
    return {
      ...base,
      code: 'recipient-address-unknown',
      rootCause: `${result.recipient} is not a valid address: ${check.findings[0]?.message ?? ''}`.trim(),
      fix: 'Correct the address where it was entered.',
      steps: [],
      party: 'sender',
    };
  }
  return undefined;
}
