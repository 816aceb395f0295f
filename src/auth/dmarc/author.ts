// The Author Domain from an RFC5322.From value (RFC 9989 "Extract Author Domain"; RFC 7489 §6.6.1):
// exactly one domain, or none when there are zero or several domains (DMARC then does not apply;
// OpenDMARC takes the first address instead, RFC 9989 decides). Quoted strings and comments
// (RFC 5322 §3.2.4, §3.2.2) are skipped, so an address inside a display name does not count.

const MAX_FROM_CHARS = 4096;
// An address is found from its "@" (not by an unanchored local-part scan, which restarts at every
// character of a long run and is quadratic): at least one local-part character right before it,
// then the domain, matched sticky right after it (linear: each label's backtracking is one step).
const LOCAL_CHAR = /[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/;
const DOMAIN_AT = /[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*/y;

/** The domains of the addresses in a text, in order (as a global local@domain regex would find). */
function addressDomains(value: string): string[] {
  const out: string[] = [];
  let consumed = 0; // a match's end: the next address's local part starts at or after it
  for (let at = value.indexOf('@'); at >= 0; at = value.indexOf('@', at + 1)) {
    if (at <= consumed || !LOCAL_CHAR.test(value[at - 1])) continue;
    DOMAIN_AT.lastIndex = at + 1;
    const m = DOMAIN_AT.exec(value);
    if (!m) continue;
    out.push(m[0]);
    consumed = DOMAIN_AT.lastIndex;
  }
  return out;
}

/** Remove quoted strings and (nested) comments in one pass. */
function stripQuotedAndComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && (quoted || depth > 0)) {
      i++;
      continue;
    }
    if (quoted) {
      if (c === '"') quoted = false;
      continue;
    }
    if (depth > 0) {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '(') depth++;
    else out += c;
  }
  return out;
}

/** The single author domain (lower case) of a From header value, or '' when there is none or several. */
export function authorDomain(fromValue: string): string {
  const value = stripQuotedAndComments(String(fromValue ?? '').slice(0, MAX_FROM_CHARS)).replace(
    /^\s*from\s*:/i,
    '',
  );
  const domains = new Set<string>();
  for (const d of addressDomains(value)) domains.add(d.toLowerCase());
  return domains.size === 1 ? [...domains][0] : '';
}
