// Looks up DKIM key records at <selector>._domainkey.<domain> and lints what it finds. Selectors
// given by the user are expected to exist; without any, the common ones (selectors.ts) are tried
// in parallel and only those that answer are reported.
import type { DnsResult, Finding, Resolver } from '../../types.js';
import { finding, type Verdict, verdictOf, worstVerdict } from '../findings.js';
import { type DkimKeyLint, lintDkimKey } from './key.js';
import { COMMON_SELECTORS } from './selectors.js';

export interface DkimSelectorResult {
  selector: string;
  /** the name asked: <selector>._domainkey.<domain> */
  name: string;
  /** named by the user, rather than tried from the common list */
  given: boolean;
  /** what DNS answered */
  rcode: DnsResult['rcode'];
  /** every TXT record at the name, character-strings joined (RFC 6376 §3.6.2.2) */
  records: string[];
  /** the CNAME target, when the name is an alias (usual for hosted mail services) */
  canonicalName?: string;
  /** the lint of the key record (the one DKIM-looking record, or the first of several) */
  key?: DkimKeyLint;
  findings: Finding[];
  verdict: Verdict;
}

export interface DkimResult {
  /** the selectors reported: all given ones; of the tried ones, those with a record or no answer */
  selectors: DkimSelectorResult[];
  /** true when no selector was given and the common list was tried */
  probed: boolean;
  /** how many names were tried */
  tried: number;
  /** findings about DKIM as a whole (e.g. no key found at any common selector) */
  findings: Finding[];
  verdict: Verdict;
}

/** Temporary failures: the record may well exist, we just could not see it. */
export function isDnsFailure(rcode: DnsResult['rcode']): boolean {
  return rcode === 'TIMEOUT' || rcode === 'SERVFAIL' || rcode === 'REFUSED' || rcode === 'ERROR';
}

/** TXT answers as joined texts (a resolver may hand a plain string for a single-string record). */
export function txtTexts(result: DnsResult): string[] {
  return result.answers.map((a) => (Array.isArray(a) ? a.join('') : typeof a === 'string' ? a : ''));
}

/** Looks like a key record: starts with v=DKIM1 or carries a p= tag (quotes and case aside). */
function looksLikeKey(text: string): boolean {
  const plain = text.replace(/["'\u201c\u201d]/g, '').trim();
  return /^v\s*=\s*DKIM1/i.test(plain) || /(?:^|[;\s])p\s*=/i.test(plain);
}

export async function checkDkimSelector(
  domain: string,
  selector: string,
  resolver: Resolver,
  options: { given: boolean },
): Promise<DkimSelectorResult> {
  const name = `${selector}._domainkey.${domain}`;
  const answer = await resolver(name, 'TXT');
  const base = { selector, name, given: options.given, rcode: answer.rcode };
  const findings: Finding[] = [];
  if (isDnsFailure(answer.rcode)) {
    findings.push(
      finding(
        'dkim.could-not-check',
        'info',
        `Could not look up ${name}: DNS said ${answer.rcode}. Whether the key exists is unknown.`,
        {
          fix: 'Try again, or ask another DNS server (--dns).',
        },
      ),
    );
    return { ...base, records: [], findings, verdict: 'could-not-check' };
  }
  const records = txtTexts(answer);
  const out: DkimSelectorResult = { ...base, records, findings, verdict: 'missing' };
  if (answer.canonicalName) out.canonicalName = answer.canonicalName;
  if (records.length === 0) {
    const why =
      answer.rcode === 'NXDOMAIN'
        ? 'the name does not exist (NXDOMAIN)'
        : answer.canonicalName
          ? `it is an alias of ${answer.canonicalName}, which has no TXT record`
          : 'the name exists but has no TXT record';
    findings.push(
      finding(
        'dkim.key-missing',
        options.given ? 'error' : 'info',
        `No DKIM key at ${name}: ${why}. Signatures with s=${selector} fail for want of a key.`,
        {
          fix: `Publish the public key of selector "${selector}" as a TXT record at ${name}, or sign with a selector whose key is published.`,
        },
      ),
    );
    return out;
  }
  const keys = records.filter(looksLikeKey);
  const chosen = keys[0] ?? records[0];
  out.key = lintDkimKey(chosen, { expected: options.given });
  findings.push(...out.key.findings);
  if (keys.length > 1) {
    findings.push(
      finding(
        'dkim.multiple-records',
        'warning',
        `${name} has ${keys.length} key records; a verifier may use any one of them (RFC 6376 §3.6.2.2), so results vary.`,
        {
          fix: 'Keep one key record per selector; use a new selector for a new key.',
        },
      ),
    );
  } else if (records.length > 1) {
    findings.push(
      finding(
        'dkim.other-txt',
        'warning',
        `${name} holds ${records.length - 1} other TXT record(s) beside the key; a verifier may pick one of those and fail (RFC 6376 §3.6.2.2).`,
        {
          fix: 'Remove the other TXT records from the selector name.',
        },
      ),
    );
  }
  if (answer.canonicalName) {
    findings.push(
      finding(
        'dkim.cname',
        'info',
        `${name} is an alias (CNAME) of ${answer.canonicalName}; the key is published there.`,
      ),
    );
  }
  out.verdict = verdictOf(findings);
  return out;
}

/**
 * DKIM for a domain: the given selectors, or the common ones when none is given. All names are
 * asked in parallel.
 */
export async function checkDkim(
  domain: string,
  resolver: Resolver,
  selectors?: readonly string[],
): Promise<DkimResult> {
  const given = selectors !== undefined && selectors.length > 0;
  const names = given ? [...new Set(selectors)] : COMMON_SELECTORS;
  const all = await Promise.all(names.map((s) => checkDkimSelector(domain, s, resolver, { given })));
  const findings: Finding[] = [];
  if (given) {
    return {
      selectors: all,
      probed: false,
      tried: all.length,
      findings,
      verdict: worstVerdict(all.map((r) => r.verdict)),
    };
  }
  // a TXT record that is no key at a tried name is most likely a wildcard (*.example.com), not a selector
  const found = all.filter((r) => r.records.some(looksLikeKey));
  const failed = all.filter((r) => r.verdict === 'could-not-check');
  let verdict: Verdict;
  if (found.length > 0) {
    verdict = worstVerdict(found.map((r) => r.verdict));
  } else if (failed.length === all.length) {
    verdict = 'could-not-check';
  } else {
    verdict = 'missing';
    findings.push(
      finding(
        'dkim.no-common-selector',
        'warning',
        `No DKIM key found at any of ${all.length} common selectors (${names.slice(0, 6).join(', ')}, ...). The domain may use another selector.`,
        {
          fix: 'Name the selector from a signed message (the s= of its DKIM-Signature header) with --selector.',
        },
      ),
    );
  }
  // failed probes matter only when nothing was found: then they are why nothing was
  return { selectors: found.length > 0 ? found : failed, probed: true, tried: all.length, findings, verdict };
}
