// SPF lint: each syntax error explained as precisely as the term allows, with the obvious repair
// where there is one ("ipv4:" -> "ip4:", a glued "~all", "?all.", "include: example.com").
import { isIPv4, isIPv6 } from 'node:net';
import type { Edit } from './edits.js';
import { MECHANISM_TYPOS } from './lint-data.js';
import type { Draft } from './lint-text.js';
import { isIp4Network, isIp6Network, parseSpf } from './parse.js';
import type { SpfSyntaxError } from './types.js';

export interface TermSlice {
  text: string;
  start: number;
  end: number;
}

/** The space-separated term of `record` that contains offset `pos`. */
export function termAt(record: string, pos: number): TermSlice {
  const start = record.lastIndexOf(' ', Math.max(0, pos - 1)) + 1;
  const space = record.indexOf(' ', start);
  const end = space < 0 ? record.length : space;
  return { text: record.slice(start, end), start, end };
}

/** Whether `term` alone is a valid SPF term. */
function validTerm(term: string): boolean {
  return term !== '' && !term.includes(' ') && parseSpf(`v=spf1 ${term}`).errors.length === 0;
}

const HOSTNAME = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+\.?$/;

/**
 * Explain one syntax error as precisely as the term allows. Returns the finding and its repair;
 * `consumesNext` when the repair also swallows the following term (a space after "include:").
 */
export function explainError(
  record: string,
  e: SpfSyntaxError,
  next: TermSlice | undefined,
): { finding: Omit<Draft, 'record'>; edit?: Edit; consumesNext?: boolean } {
  const term = termAt(record, e.span[0]);
  const t = term.text;
  const base = { severity: 'error' as const, span: e.span };
  const permerror = 'receivers return permerror for every message';

  // "ip4:192.0.2.1~all": a space forgotten before the all mechanism
  const glued = /^(.*[^+\-~?])([+\-~?]?all)$/i.exec(t);
  if (glued && validTerm(glued[1])) {
    const at = term.start + glued[1].length;
    return {
      finding: {
        ...base,
        code: 'spf.missing-space',
        message: `No space before "${glued[2]}": "${t}" is read as one term, so ${permerror}.`,
        fix: `Put a space before "${glued[2]}".`,
        span: [at, term.end],
      },
      edit: { start: at, end: at, replacement: ' ' },
    };
  }

  // "?all." or "ip4:192.0.2.1." — a period (or comma/semicolon) after the term. A trailing dot
  // on a domain-spec is valid by the ABNF (domain-end = "." toplabel ["."]), so
  // "include:example.com." is not reported; only terms that are invalid with the dot are.
  let cut = t.length;
  while (cut > 0 && '.,;'.includes(t[cut - 1])) cut--;
  const trail = cut < t.length ? [t, t.slice(0, cut), t.slice(cut)] : null;
  if (trail && validTerm(trail[1])) {
    const at = term.start + trail[1].length;
    const isDot = /^\.+$/.test(trail[2]);
    return {
      finding: {
        ...base,
        code: isDot ? 'spf.trailing-dot' : 'spf.trailing-punctuation',
        message: `"${t}" ends with "${trail[2]}", which makes it an invalid term, so ${permerror}.`,
        fix: `Remove "${trail[2]}" after "${trail[1]}".`,
        span: [at, term.end],
      },
      edit: { start: at, end: term.end, replacement: '' },
    };
  }

  // "include: example.com": a space after the colon
  if (/:$/.test(t) && next && validTerm(t + next.text)) {
    return {
      finding: {
        ...base,
        code: 'spf.space-after-colon',
        message: `A space after "${t}" splits the term in two, so ${permerror}.`,
        fix: `Write "${t}${next.text}" without the space.`,
        span: [term.start, next.end],
      },
      edit: { start: term.end, end: next.start, replacement: '' },
      consumesNext: true,
    };
  }

  if (e.code === 'spf.unknown-mechanism') {
    const q = /^[+\-~?]/.test(t) ? 1 : 0;
    const nameEnd = t.search(/[:/=]/) < 0 ? t.length : t.search(/[:/=]/);
    const name = t.slice(q, nameEnd);
    const meant = MECHANISM_TYPOS[name.toLowerCase()];
    if (meant && validTerm(t.slice(0, q) + meant + t.slice(nameEnd))) {
      return {
        finding: {
          ...base,
          code: 'spf.unknown-mechanism',
          message: `"${name}" is not an SPF mechanism (did you mean "${meant}"?), so ${permerror}.`,
          fix: `Write "${meant}" instead of "${name}".`,
          span: [term.start + q, term.start + nameEnd],
        },
        edit: { start: term.start + q, end: term.start + nameEnd, replacement: meant },
      };
    }
    if (isIPv4(t.split('/')[0]) || isIPv6(t.split('/')[0])) {
      const mech = isIPv4(t.split('/')[0]) ? 'ip4' : 'ip6';
      return {
        finding: {
          ...base,
          code: 'spf.unknown-mechanism',
          message: `A bare address "${t}" is not a term, so ${permerror}.`,
          fix: `Write "${mech}:${t}".`,
          span: [term.start, term.end],
        },
        edit: { start: term.start, end: term.start, replacement: `${mech}:` },
      };
    }
    return {
      finding: {
        ...base,
        code: 'spf.unknown-mechanism',
        message: `"${name}" is not an SPF mechanism (all, include, a, mx, ptr, ip4, ip6, exists), so ${permerror}.`,
        fix: 'Remove the term or correct its name.',
        span: [term.start + q, term.start + nameEnd],
      },
    };
  }

  if (e.code === 'spf.bad-ip4' || e.code === 'spf.bad-ip6') {
    const colon = t.indexOf(':');
    const value = t.slice(colon + 1).split('/')[0];
    const at = term.start + colon + 1;
    const span: [number, number] = [at, at + value.length];
    const mech = t.slice(0, colon);
    if (value.includes('%')) {
      return {
        finding: {
          ...base,
          code: 'spf.macro-in-ip',
          message: `Macros are not expanded in ${mech}: (only in domain-specs), so ${permerror}.`,
          fix: 'Use exists:%{i}._spf.example.com style terms for per-IP rules, or list the addresses.',
          span,
        },
      };
    }
    if (e.code === 'spf.bad-ip4' && isIp6Network(value)) {
      return {
        finding: {
          ...base,
          code: 'spf.ip4-given-ipv6',
          message: `"${value}" is an IPv6 address in an ip4: term.`,
          fix: 'Use ip6: for IPv6 addresses.',
          span,
        },
        edit: { start: term.start + colon - 3, end: term.start + colon, replacement: 'ip6' },
      };
    }
    if (e.code === 'spf.bad-ip6' && isIp4Network(value)) {
      return {
        finding: {
          ...base,
          code: 'spf.ip6-given-ipv4',
          message: `"${value}" is an IPv4 address in an ip6: term.`,
          fix: 'Use ip4: for IPv4 addresses.',
          span,
        },
        edit: { start: term.start + colon - 3, end: term.start + colon, replacement: 'ip4' },
      };
    }
    if (HOSTNAME.test(value) && /[A-Za-z]/.test(value) && !value.includes(':')) {
      const q = /^[+\-~?]/.test(t) ? t[0] : '';
      return {
        finding: {
          ...base,
          code: 'spf.ip-hostname',
          message: `${mech}: takes an address, not a host name ("${value}"), so ${permerror}.`,
          fix: `Use "a:${value}" to allow that host's addresses (or the provider's include: if it publishes one).`,
          span,
        },
        edit: { start: term.start, end: term.end, replacement: `${q}a:${t.slice(colon + 1)}` },
      };
    }
    return {
      finding: {
        ...base,
        code: e.code,
        message: `${e.message}, so ${permerror}.`,
        fix: 'Correct the address.',
        span,
      },
    };
  }

  return {
    finding: {
      ...base,
      code: e.code,
      message: `${e.message} in "${t}", so ${permerror}.`,
      fix: 'Correct the term.',
    },
  };
}
