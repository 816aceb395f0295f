// Authentication-Results (RFC 8601) and ARC-Authentication-Results (RFC 8617 §4.1.1): what a
// receiver recorded about SPF, DKIM, DMARC, ARC... Also reads Microsoft's variant, which has no
// authserv-id and adds non-standard methods and properties (compauth=fail reason=001, action=none).
import { type Token, tokenize } from './tokens.js';

/** One "method=result" statement with its reason and properties. */
export interface AuthResult {
  /** lower-case method name (spf, dkim, dmarc, arc, iprev, auth, compauth...) */
  method: string;
  /** lower-case result word (pass, fail, softfail, neutral, none, temperror, permerror, policy...) */
  result: string;
  /** reason=... (RFC 8601 §2.2), or Microsoft's compauth reason code */
  reason?: string;
  /** ptype.property -> value, e.g. "header.d" -> "example.com", "smtp.mailfrom" -> "a@b.example" */
  props: Record<string, string>;
  /** key=value pairs without a ptype (Microsoft's action=, mailauth's policy.*) */
  extras: Record<string, string>;
  /** the comments written next to the result, e.g. "1024-bit key" or "sender IP is 192.0.2.1" */
  comments: string[];
}

/** One Authentication-Results or ARC-Authentication-Results field. */
export interface AuthResultsHeader {
  field: 'authentication-results' | 'arc-authentication-results';
  /** the ADMD that wrote it (RFC 8601 §2.5); absent in Microsoft's format */
  authservId?: string;
  /** ARC instance (i=) for ARC-Authentication-Results */
  instance?: number;
  results: AuthResult[];
  /** position among the message's header fields of this kind, 0 = topmost */
  index: number;
}

/** Methods that begin a new statement even when a writer forgot the ";" between them. */
const KNOWN_METHODS = new Set([
  'auth',
  'dkim',
  'dkim-adsp',
  'dkim-atps',
  'domainkeys',
  'sender-id',
  'spf',
  'iprev',
  'dmarc',
  'arc',
  'bimi',
  'rrvs',
  'smime',
  'vbr',
  'compauth',
  'x-google-dkim',
]);

const MAX_STATEMENTS = 100;

/** Parses an Authentication-Results (or ARC-Authentication-Results) value; never throws. */
export function parseAuthResults(
  value: string,
  field: AuthResultsHeader['field'],
  index: number,
): AuthResultsHeader {
  const sections = splitSections(tokenize(value, true));
  const header: AuthResultsHeader = { field, results: [], index };
  let s = 0;
  // ARC-Authentication-Results starts with "i=N;" (RFC 8617 §4.1.1)
  const first = sections[0];
  if (field === 'arc-authentication-results' && first && isInstance(first)) {
    header.instance = Number((first[2] as { text: string }).text);
    s = 1;
  }
  // authserv-id [version] unless the section already is a "method=result" (Microsoft)
  const idSection = sections[s];
  if (idSection && !idSection.some((t) => t.kind === '=')) {
    const words = idSection.filter((t) => t.kind === 'word' || t.kind === 'quoted') as Array<{
      text: string;
    }>;
    if (words[0]) header.authservId = words[0].text.toLowerCase();
    s++;
  }
  for (; s < sections.length && header.results.length < MAX_STATEMENTS; s++) {
    header.results.push(...readStatements(sections[s]));
  }
  return header;
}

function isInstance(tokens: Token[]): boolean {
  return (
    tokens.length === 3 &&
    tokens[0].kind === 'word' &&
    tokens[0].text.toLowerCase() === 'i' &&
    tokens[1].kind === '=' &&
    tokens[2].kind === 'word' &&
    /^\d{1,3}$/.test(tokens[2].text)
  );
}

function splitSections(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === ';') out.push([]);
    else out[out.length - 1].push(t);
  }
  return out.filter((s) => s.length > 0);
}

/** Reads "key=value" pairs of one section into statements; comments attach to the statement. */
function readStatements(tokens: Token[]): AuthResult[] {
  const out: AuthResult[] = [];
  let current: AuthResult | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'comment') {
      if (current) current.comments.push(t.text);
      continue;
    }
    if (t.kind !== 'word' || tokens[i + 1]?.kind !== '=') continue;
    const valueTok = tokens[i + 2];
    const val = valueTok && (valueTok.kind === 'word' || valueTok.kind === 'quoted') ? valueTok.text : '';
    i += valueTok && (valueTok.kind === 'word' || valueTok.kind === 'quoted') ? 2 : 1;
    const key = t.text.toLowerCase();
    const method = key.split('/')[0]; // "dkim/1": method version (RFC 8601 §2.2)
    if (!current || (KNOWN_METHODS.has(method) && !key.includes('.'))) {
      if (current === null && key.includes('.')) continue; // a property before any method: junk
      current = { method, result: val.toLowerCase(), props: {}, extras: {}, comments: [] };
      out.push(current);
      continue;
    }
    if (key === 'reason') current.reason = val;
    else if (key.includes('.')) current.props[key] = val;
    else current.extras[key] = val;
  }
  return out;
}

/** The domain an SPF statement is about: smtp.mailfrom (address or domain) or smtp.helo. */
export function spfDomainOf(r: AuthResult): { domain: string; scope: 'mailfrom' | 'helo' } | undefined {
  const mf = r.props['smtp.mailfrom'];
  if (mf) return { domain: domainPart(mf), scope: 'mailfrom' };
  const helo = r.props['smtp.helo'];
  if (helo) return { domain: domainPart(helo), scope: 'helo' };
  return undefined;
}

/** The d= domain of a DKIM statement: header.d, else the domain of header.i. */
export function dkimDomainOf(r: AuthResult): string | undefined {
  const d = r.props['header.d'];
  if (d && d.toLowerCase() !== 'none') return d.toLowerCase();
  const i = r.props['header.i'];
  if (i) return domainPart(i);
  return undefined;
}

function domainPart(v: string): string {
  const at = v.lastIndexOf('@');
  let d = (at >= 0 ? v.slice(at + 1) : v).toLowerCase();
  if (d.endsWith('.')) d = d.slice(0, -1);
  return d;
}
