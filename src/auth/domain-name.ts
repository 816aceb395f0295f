// The domain a person or a request names for `check`: one rule for the command line and the API.
import { domainToASCII } from 'node:url';
import { isValidDomain } from './spf/index.js';

/** Longer input is refused before the IDN conversion (which is not free on megabytes of text). */
const MAX_INPUT_CHARS = 1024;

/**
 * The domain to check for `input` (spaces, letter case and a final dot ignored; an IDN such as
 * bücher.example as its A-label xn--bcher-kva.example, as DNS holds it), or null when `input` is
 * not a host name (RFC 1035 lengths; letters, digits, hyphens, and "_" for names like _dmarc).
 */
export function domainToCheck(input: string): string | null {
  const raw = input.trim().toLowerCase().replace(/\.$/, '');
  if (raw.length > MAX_INPUT_CHARS) return null;
  const domain = /[^\x00-\x7f]/.test(raw) ? domainToASCII(raw) : raw;
  if (domain.length > 253 || !isValidDomain(domain) || /[^a-z0-9._-]/.test(domain)) return null;
  return domain;
}
