// DKIM-Signature fields (RFC 6376 §3.5): the tags a person needs to see, and the faults that make
// a verifier ignore or fail the signature before any cryptography.
import type { Finding } from '../../types.js';
import { isDomainName } from './address.js';
import { parseTagList } from './tag-list.js';

export interface DkimSignatureInfo {
  /** position among DKIM-Signature fields, 0 = topmost */
  index: number;
  /** signing domain (d=), lower case */
  d: string;
  /** selector (s=) */
  s: string;
  /** algorithm (a=), e.g. rsa-sha256, ed25519-sha256 */
  a: string;
  /** canonicalization (c=) header/body, defaults filled in ("simple/simple") */
  c: string;
  /** signed header fields (h=), lower case */
  h: string[];
  /** agent or user identifier (i=) */
  i?: string;
  /** body length limit (l=) */
  l?: number;
  /** signature time (t=), seconds since the epoch */
  t?: number;
  /** expiry (x=), seconds since the epoch */
  x?: number;
  /** body hash (bh=) */
  bh?: string;
  /** first characters of b=, as receivers quote it in header.b */
  bPrefix?: string;
  /** faults found in the field itself */
  findings: Finding[];
}

const REQUIRED = ['v', 'a', 'b', 'bh', 'd', 'h', 's'];

export function parseDkimSignature(value: string, index: number): DkimSignatureInfo {
  const { tags, duplicates, malformed } = parseTagList(value);
  const get = (k: string) => tags.get(k) ?? '';
  const findings: Finding[] = [];
  const d = get('d').toLowerCase().replace(/\.$/, '');
  const c = get('c').replace(/\s+/g, '').toLowerCase();
  const [hc, bc] = c.split('/');
  const info: DkimSignatureInfo = {
    index,
    d,
    s: get('s'),
    a: get('a').toLowerCase(),
    c: `${hc || 'simple'}/${bc || 'simple'}`,
    h: get('h')
      .split(':')
      .map((x) => x.trim().toLowerCase())
      .filter((x) => x !== ''),
    findings,
  };
  if (tags.has('i')) info.i = get('i');
  const num = (k: string) => (/^\d{1,15}$/.test(get(k)) ? Number(get(k)) : undefined);
  if (tags.has('l')) info.l = num('l');
  if (tags.has('t')) info.t = num('t');
  if (tags.has('x')) info.x = num('x');
  if (tags.has('bh')) info.bh = get('bh').replace(/\s+/g, '');
  const b = get('b').replace(/\s+/g, '');
  if (b) info.bPrefix = b.slice(0, 8);

  const where = `DKIM-Signature${d ? ` (d=${d})` : ''}`;
  const missing = REQUIRED.filter((k) => !tags.has(k) || (k !== 'b' && get(k) === ''));
  if (missing.length > 0) {
    findings.push({
      code: 'dkim.signature-tag-missing',
      severity: 'error',
      message: `${where} lacks the required tag${missing.length > 1 ? 's' : ''} ${missing.map((m) => `${m}=`).join(', ')} (RFC 6376 §3.5); verifiers treat it as invalid (permerror)`,
      fix: 'Check the signer: the header may have been cut off or rewritten on the way.',
    });
  }
  if (duplicates.length > 0 || malformed.length > 0) {
    findings.push({
      code: 'dkim.signature-syntax',
      severity: 'error',
      message: `${where} is not a valid tag-list (${[...duplicates.map((x) => `${x}= twice`), ...malformed.map((x) => `"${x}"`)].join(', ')}); RFC 6376 §3.2 makes it invalid`,
    });
  }
  if (tags.has('v') && get('v') !== '1') {
    findings.push({
      code: 'dkim.signature-version',
      severity: 'error',
      message: `${where} has v=${get('v')}; only v=1 exists`,
    });
  }
  if (d && !isDomainName(d)) {
    findings.push({
      code: 'dkim.signature-bad-domain',
      severity: 'error',
      message: `${where}: d= is not a valid domain name (RFC 6376 §3.5); the signature is ignored`,
    });
  }
  if (info.h.length > 0 && !info.h.includes('from')) {
    findings.push({
      code: 'dkim.from-not-signed',
      severity: 'error',
      message: `${where} does not sign the From field (h= lacks "from"); RFC 6376 §5.4 requires it and verifiers reject the signature`,
    });
  }
  if (info.a && !['rsa-sha256', 'rsa-sha1', 'ed25519-sha256'].includes(info.a)) {
    findings.push({
      code: 'dkim.signature-algorithm',
      severity: 'error',
      message: `${where}: unknown algorithm a=${info.a}`,
    });
  } else if (info.a === 'rsa-sha1') {
    findings.push({
      code: 'dkim.sha1',
      severity: 'warning',
      message: `${where} uses rsa-sha1; RFC 8301 forbids it and receivers treat it as a failed signature`,
      fix: 'Sign with rsa-sha256 (or ed25519-sha256 alongside rsa-sha256).',
    });
  }
  if (info.i && d) {
    const idom = info.i.slice(info.i.lastIndexOf('@') + 1).toLowerCase();
    if (idom !== d && !idom.endsWith(`.${d}`)) {
      findings.push({
        code: 'dkim.identity-outside-domain',
        severity: 'error',
        message: `${where}: i=${info.i} is not in d=${d} or a subdomain of it (RFC 6376 §3.5); the signature is invalid`,
      });
    }
  }
  if (info.l !== undefined) {
    findings.push({
      code: 'dkim.body-length',
      severity: 'warning',
      message: `${where} signs only the first ${info.l} bytes of the body (l=); anyone can append text to a signed message`,
      fix: 'Turn off the body length (l=) option in the signer.',
    });
  }
  if (info.t !== undefined && info.x !== undefined && info.x < info.t) {
    findings.push({
      code: 'dkim.expiry-before-signing',
      severity: 'error',
      message: `${where}: x= (expiry) is earlier than t= (signing time)`,
    });
  }
  return info;
}
