// Recipient checks: is the address well formed, is its domain a likely typo of a common provider,
// does the domain exist and accept mail (MX, or null MX per RFC 7505)? Used by `bouncedoc address`
// and by the diagnosis chain for recipient-domain and recipient-address bounces.
import { checkMx, type MxResult } from '../auth/mx.js';
import type { Finding, Resolver } from '../types.js';
import { type ParsedAddress, parseAddress } from './address-syntax.js';
import { type DomainSuggestion, isProviderDomain, suggestDomain } from './typos.js';

export type MailAcceptance =
  | 'accepts-mail'
  | 'no-mail'
  | 'no-such-domain'
  | 'could-not-check'
  | 'not-checked';

export interface AddressCheck {
  input: string;
  address: string;
  valid: boolean;
  internationalized: boolean;
  domain: string;
  /** the likely intended address when the domain looks mistyped */
  suggestion?: DomainSuggestion & { address: string };
  /** what DNS says of the domain; 'not-checked' offline */
  mail: MailAcceptance;
  mx?: Pick<MxResult, 'rcode' | 'records' | 'nullMx' | 'implicit'>;
  /**
   * Set when the DNS asked here said "no such domain" of a frequent mail provider's domain (the
   * typed one, or the one a typo points at): its answers look wrong, in words. `mail` is then
   * 'could-not-check', never 'no-such-domain'.
   */
  dnsSuspect?: string;
  findings: Finding[];
  /** one sentence for a person */
  summary: string;
}

export interface AddressOptions {
  /** without a resolver (offline) only syntax and typos are checked */
  resolver?: Resolver;
}

export async function checkAddress(input: string, options: AddressOptions = {}): Promise<AddressCheck> {
  const parsed = parseAddress(input);
  const findings = [...parsed.findings];
  const check: AddressCheck = {
    input,
    address: parsed.address,
    valid: parsed.valid,
    internationalized: parsed.internationalized,
    domain: parsed.domain,
    mail: 'not-checked',
    findings,
    summary: '',
  };
  if (parsed.internationalized && parsed.valid) {
    findings.push({
      code: 'address.smtputf8',
      severity: 'info',
      message: 'An internationalized address: it reaches only servers that support SMTPUTF8 (RFC 6531).',
      record: parsed.address,
    });
  }
  const typo = parsed.domain ? suggestDomain(parsed.asciiDomain || parsed.domain) : undefined;
  if (typo) {
    check.suggestion = { ...typo, address: `${parsed.local}@${typo.domain}` };
    findings.push({
      code: 'address.domain-typo',
      severity: 'warning',
      message: `${typo.why}.`,
      fix: `Did you mean ${check.suggestion.address}?`,
      record: parsed.address,
      span: [parsed.address.length - parsed.domain.length, parsed.address.length],
      fixed: check.suggestion.address,
    });
  }
  if (options.resolver && parsed.valid && parsed.asciiDomain && !parsed.asciiDomain.startsWith('[')) {
    await checkDns(check, parsed, options.resolver);
  }
  check.summary = summarize(check);
  return check;
}

async function checkDns(check: AddressCheck, parsed: ParsedAddress, resolver: Resolver): Promise<void> {
  const mx = await checkMx(parsed.asciiDomain, resolver);
  check.mx = { rcode: mx.rcode, records: mx.records, nullMx: mx.nullMx, implicit: mx.implicit };
  if (mx.rcode === 'NXDOMAIN') {
    const suspect = await nxdomainLooksWrong(parsed.asciiDomain, check.suggestion?.domain, resolver);
    if (suspect) {
      check.mail = 'could-not-check';
      check.dnsSuspect = suspect;
      check.findings.push({ code: 'address.dns-suspect', severity: 'warning', message: suspect });
      return;
    }
    check.mail = 'no-such-domain';
    check.findings.push({
      code: 'address.no-such-domain',
      severity: 'error',
      message: `The domain ${parsed.domain} does not exist (NXDOMAIN): mail to it can never be delivered.`,
      fix: check.suggestion
        ? `Use ${check.suggestion.address}.`
        : 'Ask the recipient for their correct address.',
    });
  } else if (mx.rcode !== 'NOERROR' || addressLookupFailed(mx)) {
    check.mail = 'could-not-check';
    const why = mx.rcode !== 'NOERROR' ? mx.rcode : 'no MX, and its address lookup failed';
    check.findings.push({
      code: 'address.dns-unanswered',
      severity: 'warning',
      message: `DNS did not answer for ${parsed.domain} (${why}): could not check whether it accepts mail.`,
    });
  } else if (mx.nullMx) {
    check.mail = 'no-mail';
    check.findings.push({
      code: 'address.null-mx',
      severity: 'error',
      message: `${parsed.domain} publishes a null MX (RFC 7505): it accepts no mail at all.`,
      fix: 'Ask the recipient for another address.',
    });
  } else if (mx.records.length > 0 || (mx.implicit && mx.implicit.addresses.length > 0)) {
    check.mail = 'accepts-mail';
  } else {
    check.mail = 'no-mail';
    check.findings.push({
      code: 'address.no-mail-host',
      severity: 'error',
      message: `${parsed.domain} has neither MX nor an address record: no server receives its mail.`,
      fix: 'Ask the recipient for their correct address.',
    });
  }
  // MX faults of the recipient's domain are theirs to fix, but they explain a bounce
  for (const f of mx.findings) if (f.severity === 'error') check.findings.push(f);
}

/**
 * The sanity probe: a "no such domain" answer is believed unless the same DNS also denies a
 * frequent mail provider's domain — the typed domain itself, or the one a typo points at (asked
 * here, through the same injected resolver). Those domains exist and take mail, so such answers
 * come from a resolver that is broken or filtered (a sandbox that answers NXDOMAIN for every name),
 * and prove nothing about the typed domain. Returns why, in words, or undefined.
 */
async function nxdomainLooksWrong(
  domain: string,
  suggested: string | undefined,
  resolver: Resolver,
): Promise<string | undefined> {
  const why = 'its answers look wrong (a resolver that is broken or filtered)';
  if (isProviderDomain(domain)) {
    return `The DNS asked here says ${domain}, a major mail provider's domain, does not exist: ${why}, so whether it accepts mail was not checked.`;
  }
  if (!suggested || !isProviderDomain(suggested)) return undefined;
  const probe = await checkMx(suggested, resolver);
  if (probe.rcode !== 'NXDOMAIN') return undefined;
  return `The DNS asked here says ${domain} does not exist, but also ${suggested}, a major mail provider's domain: ${why}, so whether ${domain} exists was not checked.`;
}

/**
 * No MX, and the A/AAAA question for the implicit MX (RFC 5321 §5.1) got no answer: that is not
 * "no mail host", only a question DNS left open.
 */
function addressLookupFailed(mx: MxResult): boolean {
  return mx.records.length === 0 && mx.verdict === 'could-not-check';
}

function summarize(c: AddressCheck): string {
  if (!c.valid) return `${c.address || 'The address'} is not a valid e-mail address.`;
  if (c.mail === 'no-such-domain') {
    return c.suggestion
      ? `The domain does not exist; you probably meant ${c.suggestion.address}.`
      : 'The domain does not exist.';
  }
  if (c.mail === 'no-mail') return `${c.domain} accepts no mail.`;
  if (c.suggestion) return `Probably a typing mistake: did you mean ${c.suggestion.address}?`;
  if (c.mail === 'accepts-mail') return `The address is well formed and ${c.domain} accepts mail.`;
  if (c.dnsSuspect) return 'The address is well formed; the DNS answers here look wrong (see below).';
  if (c.mail === 'could-not-check') return 'The address is well formed; DNS did not answer for its domain.';
  return 'The address is well formed (its domain was not looked up).';
}
