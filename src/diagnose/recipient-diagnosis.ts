// Recipient-side results: the likely typo, a domain that does not exist or takes no mail, an
// address that is not one. Each says how sure it is, as the sender-side causes do: what DNS
// answered (NXDOMAIN, no MX and no address, a null MX) and the address syntax are checked evidence;
// a typo guess that DNS did not bear out (offline, no answer, or a domain that does take mail) is
// only likely.
import type { RecipientResult, Resolver } from '../types.js';
import { domainServerIn } from './bounce-clues.js';
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
      const unanswered = check.findings.find(
        (f) => f.code === 'address.dns-unanswered' || f.code === 'address.dns-suspect',
      );
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
  // DNS here says the domain cannot take mail, but its own server answered in the bounce: the
  // sending server's view of DNS and this one differ, so DNS confirms nothing (see disagreeing()
  // in causes/dmarc-record-broken.ts for the sender-side rule).
  // (also when the DNS answer was already doubted: see AddressCheck.dnsSuspect)
  const denied = typoConfirmed(check.mail) || check.dnsSuspect !== undefined;
  const server = denied ? domainServerIn(result, check.domain) : undefined;
  if (server) return disagreeing(result, check, server, base);
  const legacy = legacyExchangeDn(result.recipient);
  if (legacy) return legacyExchange(result.recipient, legacy, base);
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

/**
 * The DNS asked here says the recipient's domain does not exist (or takes no mail), yet the bounce
 * shows a server of that domain answering: the domain took mail for the sending server, whose view
 * of DNS and this one differ (a resolver here that is broken or filtered, or a change since). The
 * cause DNS points at stays likely at most, and says so; the fix is to look again as the world sees
 * it. A typo guess stays a guess.
 */
function disagreeing(
  result: RecipientResult,
  check: AddressCheck,
  server: string,
  base: { party: 'recipient'; checked: string[]; notChecked: string[] },
): ChainDiagnosis {
  const nxdomain = check.mx?.rcode === 'NXDOMAIN';
  const said = nxdomain
    ? `the DNS asked here says ${check.domain} does not exist`
    : `the DNS asked here says ${check.domain} accepts no mail`;
  const views = `but the bounce shows its mail server ${server} answering${result.smtpCommand ? ` at the ${result.smtpCommand} stage` : ''}, so the domain took mail for the sending server: its view of DNS and this one differ (the resolver here may be broken or filtered).`;
  const recheck = `Check the domain as the world sees it: run \`bouncedoc address ${result.recipient} --dns 1.1.1.1\` (a public resolver).`;
  if (check.suggestion) {
    return {
      ...base,
      code: 'recipient-typo',
      confidence: 'likely',
      rootCause: `${check.domain} looks like a typing mistake for ${check.suggestion.domain}; ${said}, ${views}`,
      fix: `Correct the address to ${check.suggestion.address} if the recipient confirms it, then send again.`,
      steps: [recheck],
      party: 'sender',
    };
  }
  return {
    ...base,
    code: nxdomain ? 'recipient-domain-missing' : 'recipient-domain-no-mail',
    confidence: 'likely',
    rootCause: `${said.charAt(0).toUpperCase()}${said.slice(1)}, ${views} The server's own reply is what counts.`,
    fix: recheck,
    steps: [],
  };
}

/**
 * The X.500 name an Exchange IMCEAEX address encapsulates ("IMCEAEX-_O=CONTOSO_OU=..._CN=old+2Ecolleague@
 * contoso.com" is "/O=CONTOSO/OU=.../CN=old.colleague": "_" for "/", "+XX" for a byte in hex), or
 * undefined for any other address.
 */
function legacyExchangeDn(address: string): string | undefined {
  const m = /^IMCEAEX-(.{1,1000})@[^@]+$/i.exec(address);
  if (!m) return undefined;
  return m[1]
    .replace(/_/g, '/')
    .replace(/\+([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * An IMCEAEX recipient is an Exchange mailbox's legacy X.500 name, which Outlook keeps in its
 * autocomplete list: once the mailbox is moved or recreated under a new name, mail to the old one
 * fails (Microsoft: "IMCEAEX non-delivery report when you send email messages to an internal user").
 * The person usually still has a mailbox; the address as written is what is dead.
 */
function legacyExchange(
  address: string,
  dn: string,
  base: { party: 'recipient'; checked: string[]; notChecked: string[] },
): ChainDiagnosis {
  return {
    ...base,
    code: 'recipient-legacy-exchange',
    confidence: 'likely',
    rootCause: `${address} is an Exchange legacy address (the X.500 name ${dn}), kept by Outlook's autocomplete: the mailbox it named was moved or recreated, so that name no longer resolves. The person may still have a mailbox.`,
    fix: "Remove the entry from Outlook's autocomplete list and choose the person from the address book again.",
    steps: [
      `The Exchange administrator can add the old name as an X500 proxy address to the person's current mailbox (X500:${dn}), so that replies to old messages arrive too.`,
    ],
    party: 'sender',
  };
}
