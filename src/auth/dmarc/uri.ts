// Report URIs of rua/ruf (RFC 9989 dmarc-urilist, RFC 7489 §6.2, RFC 6068 mailto:).
// RFC 9989 permits any URI syntactically, but receivers only MUST support "mailto:" and MUST ignore
// schemes they do not support (RFC 9989 rua/ruf tags). So a non-mailto URI is accepted with a
// warning and does not count as a "syntactically valid reporting URI" for the missing-p rule
// (§4.10.1; Mail::DMARC reads it the same way). The "!size" suffix of RFC 7489 is obsolete in
// RFC 9989 ("!" MUST be percent-encoded in dmarc-uri).

export interface ReportUri {
  /** the URI as written (without surrounding blanks) */
  raw: string;
  /** offset of raw within the tag value */
  offset: number;
  scheme?: string;
  /** mailto: the address */
  address?: string;
  /** mailto: the domain of the address, lower case */
  domain?: string;
  /** RFC 7489 "!size" suffix, when present */
  size?: string;
  /** a syntactically valid mailto: URI with a valid address */
  validMailto: boolean;
  /** what is wrong, when not valid */
  problem?: 'no-scheme' | 'bad-scheme' | 'mailto-typo' | 'bad-address' | 'bad-size' | 'not-mailto';
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const SIZE = /^[0-9]{1,15}[kmgt]?$/i;
// dot-atom local part (RFC 5322) with percent-encoding (RFC 6068); a DNS host name with a dot.
const LOCAL = /^[A-Za-z0-9!#$&'*+/=?^_`{|}~%-]+(?:\.[A-Za-z0-9!#$&'*+/=?^_`{|}~%-]+)*$/;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const MAILTO_TYPOS = new Set(['mail', 'mailo', 'maito', 'mailt', 'malto', 'maillto', 'mailtto', 'emailto']);

/** Split a rua/ruf value on commas (RFC 9989: *WSP "," *WSP) and read each URI. */
export function parseUriList(value: string): ReportUri[] {
  const out: ReportUri[] = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i < value.length && value[i] !== ',') continue;
    let s = start;
    let e = i;
    while (s < e && (value[s] === ' ' || value[s] === '\t')) s++;
    while (e > s && (value[e - 1] === ' ' || value[e - 1] === '\t')) e--;
    if (e > s) out.push(readUri(value.slice(s, e), s));
    start = i + 1;
  }
  return out;
}

export function isHostName(domain: string): boolean {
  const labels = domain.split('.');
  return domain.length <= 253 && labels.length >= 2 && labels.every((l) => LABEL.test(l));
}

function readUri(raw: string, offset: number): ReportUri {
  const uri: ReportUri = { raw, offset, validMailto: false };
  let body = raw;
  const bang = body.lastIndexOf('!');
  if (bang !== -1) {
    uri.size = body.slice(bang + 1);
    body = body.slice(0, bang);
  }
  const m = SCHEME.exec(body);
  if (!m) {
    uri.problem = body.includes('@') && !body.includes(':') ? 'no-scheme' : 'bad-scheme';
    return uri;
  }
  const scheme = m[1].toLowerCase();
  uri.scheme = scheme;
  if (scheme !== 'mailto') {
    uri.problem = MAILTO_TYPOS.has(scheme) ? 'mailto-typo' : 'not-mailto';
    return uri;
  }
  const rest = body.slice(m[0].length);
  const q = rest.indexOf('?');
  const addr = q === -1 ? rest : rest.slice(0, q);
  const at = addr.lastIndexOf('@');
  const local = at > 0 ? addr.slice(0, at) : '';
  const domain = at > 0 ? addr.slice(at + 1) : '';
  if (!LOCAL.test(local) || !isHostName(domain)) {
    uri.problem = 'bad-address';
    return uri;
  }
  uri.address = addr;
  uri.domain = domain.toLowerCase();
  if (uri.size !== undefined && !SIZE.test(uri.size)) {
    uri.problem = 'bad-size';
    return uri;
  }
  uri.validMailto = true;
  return uri;
}
