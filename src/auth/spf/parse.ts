// SPF record parser (RFC 7208 §4.5, §4.6.1, §12 ABNF). Every term keeps its character span so the
// linter can point at it; every syntax fault is returned with its position (never thrown).
import { isIPv6 } from 'node:net';
import { tokenizeMacroString } from './macro.js';
import type {
  ParsedSpf,
  SpfMechanism,
  SpfMechanismName,
  SpfModifier,
  SpfQualifier,
  SpfSyntaxError,
  SpfTerm,
} from './types.js';

/** SPF records longer than this are not parsed further (attacker-controlled input). */
const MAX_RECORD_CHARS = 16_384;

const MECHANISMS = new Set<SpfMechanismName>(['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']);

/** RFC 7208 §4.5: a record is "v=spf1" (any case) followed by a space or the end. */
export function isSpfRecord(text: string): boolean {
  return /^v=spf1( |$)/i.test(text);
}

// dec-octet without leading zeros (RFC 7208 §12 via RFC 3986)
const DEC_OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IP4_NETWORK = new RegExp(`^${DEC_OCTET}\\.${DEC_OCTET}\\.${DEC_OCTET}\\.${DEC_OCTET}$`);
const IP4_CIDR = /^(0|[1-9][0-9]?)$/;
const IP6_CIDR = /^(0|[1-9][0-9]{0,2})$/;
// toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
// written with the digits before the first letter, so that it cannot split a run two ways
// (`^[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*$` is quadratic on a long label that fails at its end)
const TOPLABEL_ALNUM = /^[0-9]*[A-Za-z][A-Za-z0-9]*$/;
const TOPLABEL_DASH = /^[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9]$/;
const MODIFIER_NAME = /^[A-Za-z][A-Za-z0-9\-_.]*$/;

export function isIp4Network(s: string): boolean {
  return IP4_NETWORK.test(s);
}

export function isIp6Network(s: string): boolean {
  return !s.includes('%') && isIPv6(s);
}

/**
 * Check a domain-spec (macro-string domain-end). Returns an error message or null.
 *   domain-end = ( "." toplabel [ "." ] ) / macro-expand
 * So a trailing dot after the top label is allowed ("include:example.com." is valid), and the
 * top label must not be all digits ("a:192.0.2.1" is not a domain-spec).
 */
export function domainSpecError(
  spec: string,
): { message: string; at: number; end: number; macro?: boolean } | null {
  if (spec === '') return { message: 'empty domain', at: 0, end: 0 };
  const macro = tokenizeMacroString(spec);
  if (macro.error)
    return { message: macro.error.message, at: macro.error.span[0], end: macro.error.span[1], macro: true };
  if (spec.endsWith('}') || /%[%_-]$/.test(spec)) {
    // ends in a macro-expand, unless the final "%}"-looking text was a literal; the tokenizer said it is valid
    const last = macro.tokens[macro.tokens.length - 1];
    if (last?.kind === 'macro') return null;
  }
  const body = spec.endsWith('.') ? spec.slice(0, -1) : spec;
  const dot = body.lastIndexOf('.');
  if (dot < 0) return { message: 'a domain needs at least two labels', at: 0, end: spec.length };
  const top = body.slice(dot + 1);
  if (!TOPLABEL_ALNUM.test(top) && !TOPLABEL_DASH.test(top)) {
    return {
      message: /^[0-9]+$/.test(top)
        ? 'the last label is all digits: this is not a domain name'
        : `"${top}" is not a valid top-level label`,
      at: dot + 1,
      end: dot + 1 + top.length,
    };
  }
  return null;
}

interface TermParse {
  term?: SpfTerm;
  errors: SpfSyntaxError[];
}

function parseTerm(text: string, start: number): TermParse {
  const errors: SpfSyntaxError[] = [];
  const span: [number, number] = [start, start + text.length];
  const err = (code: string, message: string, from = 0, to = text.length) => {
    errors.push({ code, message, span: [start + from, start + to] });
    return { errors };
  };
  // characters outside visible ASCII make the term match nothing in the ABNF
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) {
      const code = c > 0x7e ? 'spf.non-ascii' : 'spf.control-character';
      return err(
        code,
        `character U+${c.toString(16).toUpperCase().padStart(4, '0')} is not allowed in SPF`,
        i,
        i + 1,
      );
    }
  }

  // modifier: name "=" value (no qualifier)
  const eq = text.indexOf('=');
  const colon = text.indexOf(':');
  const slash = text.indexOf('/');
  const firstSep = Math.min(...[colon, slash].map((x) => (x < 0 ? Infinity : x)));
  if (eq >= 0 && eq < firstSep) {
    const name = text.slice(0, eq);
    const value = text.slice(eq + 1);
    if (!MODIFIER_NAME.test(name)) {
      return err('spf.bad-modifier-name', `"${name}" is not a valid modifier name`, 0, eq + 1);
    }
    const lower = name.toLowerCase();
    if (lower === 'redirect' || lower === 'exp') {
      if (value === '') return err('spf.missing-domain', `"${lower}=" needs a domain`, 0, text.length);
      const bad = domainSpecError(value);
      if (bad)
        return err(
          bad.macro ? 'spf.bad-macro' : 'spf.bad-domain-spec',
          `${lower}=: ${bad.message}`,
          eq + 1 + bad.at,
          eq + 1 + Math.max(bad.end, bad.at + 1),
        );
    } else {
      const m = tokenizeMacroString(value);
      if (m.error)
        return err('spf.bad-macro', m.error.message, eq + 1 + m.error.span[0], eq + 1 + m.error.span[1]);
    }
    const term: SpfModifier = { kind: 'modifier', text, span, name: lower, value };
    return { term, errors };
  }

  // directive: [qualifier] mechanism
  let i = 0;
  let qualifier: SpfQualifier = '+';
  let explicitQualifier = false;
  if ('+-~?'.includes(text[0])) {
    qualifier = text[0] as SpfQualifier;
    explicitQualifier = true;
    i = 1;
  }
  let nameEnd = i;
  while (nameEnd < text.length && /[A-Za-z0-9]/.test(text[nameEnd])) nameEnd++;
  const name = text.slice(i, nameEnd).toLowerCase() as SpfMechanismName;
  if (
    !MECHANISMS.has(name) ||
    (nameEnd < text.length && text[nameEnd] !== ':' && text[nameEnd] !== '/' && name !== 'all')
  ) {
    let wordEnd = nameEnd;
    while (wordEnd < text.length && text[wordEnd] !== ':' && text[wordEnd] !== '/') wordEnd++;
    return err('spf.unknown-mechanism', `"${text.slice(i, wordEnd)}" is not an SPF mechanism`, i, wordEnd);
  }
  const rest = text.slice(nameEnd);
  const mech: SpfMechanism = { kind: 'mechanism', text, span, qualifier, explicitQualifier, name };
  const at = nameEnd; // offset of rest within text

  const checkDomain = (spec: string, offset: number): boolean => {
    const bad = domainSpecError(spec);
    if (!bad) return true;
    if (spec === '') {
      err('spf.missing-domain', `"${name}:" needs a domain after the colon`, 0, text.length);
      return false;
    }
    err(
      bad.macro ? 'spf.bad-macro' : 'spf.bad-domain-spec',
      `${name}: ${bad.message}`,
      offset + bad.at,
      offset + Math.max(bad.end, bad.at + 1),
    );
    return false;
  };

  switch (name) {
    case 'all':
      if (rest) return err('spf.all-argument', '"all" takes no argument', at, text.length);
      break;
    case 'include':
    case 'exists':
      if (!rest.startsWith(':'))
        return err('spf.missing-domain', `"${name}" needs ":domain"`, at, text.length);
      if (!checkDomain(rest.slice(1), at + 1)) return { errors };
      mech.domainSpec = rest.slice(1);
      break;
    case 'ptr':
      if (rest && !rest.startsWith(':'))
        return err('spf.ptr-argument', '"ptr" takes only ":domain"', at, text.length);
      if (rest) {
        if (!checkDomain(rest.slice(1), at + 1)) return { errors };
        mech.domainSpec = rest.slice(1);
      }
      break;
    case 'a':
    case 'mx': {
      // dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ], taken from the end
      let spec = rest;
      const m6 = /\/\/([0-9]*)$/.exec(spec);
      if (m6) {
        if (!IP6_CIDR.test(m6[1]) || Number(m6[1]) > 128) {
          return err(
            'spf.bad-cidr',
            `bad IPv6 prefix length "/${m6[1]}" (0-128)`,
            at + m6.index,
            text.length,
          );
        }
        mech.cidr6 = Number(m6[1]);
        spec = spec.slice(0, m6.index);
      }
      const m4 = /\/([0-9]*)$/.exec(spec);
      if (m4) {
        if (!IP4_CIDR.test(m4[1]) || Number(m4[1]) > 32) {
          return err(
            'spf.bad-cidr',
            `bad IPv4 prefix length "/${m4[1]}" (0-32)`,
            at + m4.index,
            at + spec.length,
          );
        }
        mech.cidr4 = Number(m4[1]);
        spec = spec.slice(0, m4.index);
      }
      if (spec) {
        if (!spec.startsWith(':'))
          return err('spf.bad-cidr', `unexpected "${spec}" after "${name}"`, at, at + spec.length);
        if (!checkDomain(spec.slice(1), at + 1)) return { errors };
        mech.domainSpec = spec.slice(1);
      }
      break;
    }
    case 'ip4':
    case 'ip6': {
      if (!rest.startsWith(':'))
        return err('spf.missing-address', `"${name}" needs ":address"`, at, text.length);
      const value = rest.slice(1);
      const cut = value.indexOf('/');
      const ip = cut < 0 ? value : value.slice(0, cut);
      const cidr = cut < 0 ? undefined : value.slice(cut + 1);
      const valid = name === 'ip4' ? isIp4Network(ip) : isIp6Network(ip);
      if (!valid) {
        return err(
          name === 'ip4' ? 'spf.bad-ip4' : 'spf.bad-ip6',
          `"${ip}" is not an ${name === 'ip4' ? 'IPv4' : 'IPv6'} address`,
          at + 1,
          at + 1 + ip.length,
        );
      }
      mech.ip = ip;
      if (cidr !== undefined) {
        const ok =
          name === 'ip4'
            ? IP4_CIDR.test(cidr) && Number(cidr) <= 32
            : IP6_CIDR.test(cidr) && Number(cidr) <= 128;
        if (!ok) {
          return err(
            'spf.bad-cidr',
            `bad prefix length "/${cidr}" (${name === 'ip4' ? '0-32' : '0-128'})`,
            at + 1 + cut,
            text.length,
          );
        }
        if (name === 'ip4') mech.cidr4 = Number(cidr);
        else mech.cidr6 = Number(cidr);
      }
      break;
    }
  }
  return { term: mech, errors };
}

/**
 * Parse an SPF record (the character-strings already joined). The version must be present; it is
 * not returned as a term. Never throws.
 */
export function parseSpf(record: string): ParsedSpf {
  const parsed: ParsedSpf = { record, terms: [], errors: [] };
  if (record.length > MAX_RECORD_CHARS) {
    parsed.errors.push({
      code: 'spf.too-long',
      message: 'record too long to parse',
      span: [0, record.length],
    });
    return parsed;
  }
  if (!isSpfRecord(record)) {
    parsed.errors.push({
      code: 'spf.no-version',
      message: 'the record does not begin with "v=spf1"',
      span: [0, Math.min(6, record.length)],
    });
    return parsed;
  }
  // terms = *( 1*SP ( directive / modifier ) ); only SP (0x20) separates terms
  let i = 6;
  while (i < record.length) {
    if (record[i] === ' ') {
      i++;
      continue;
    }
    let end = record.indexOf(' ', i);
    if (end < 0) end = record.length;
    const { term, errors } = parseTerm(record.slice(i, end), i);
    parsed.errors.push(...errors);
    if (term) {
      parsed.terms.push(term);
      if (term.kind === 'modifier' && (term.name === 'redirect' || term.name === 'exp')) {
        if (parsed[term.name]) {
          parsed.errors.push({
            code: 'spf.duplicate-modifier',
            message: `"${term.name}=" appears more than once`,
            span: term.span,
          });
        } else parsed[term.name] = term;
      }
    }
    i = end;
  }
  return parsed;
}
