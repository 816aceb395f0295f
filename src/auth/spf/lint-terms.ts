// SPF lint, second pass: syntax faults with their position and a repair where one is obvious,
// and the policy faults of the terms themselves (+all, ?all, no all, ptr, host bits...).
import { isIPv4, isIPv6 } from 'node:net';
import { applyEdits, type Edit, mapBack } from './edits.js';
import { parseIp } from './ip.js';
import { MECHANISM_TYPOS } from './lint-data.js';
import type { Draft } from './lint-text.js';
import { isIp4Network, isIp6Network, parseSpf } from './parse.js';
import type { ParsedSpf, SpfMechanism, SpfSyntaxError } from './types.js';

interface TermSlice {
  text: string;
  start: number;
  end: number;
}

function termAt(record: string, pos: number): TermSlice {
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
function explainError(
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

function hostBitsNetwork(m: SpfMechanism): string | undefined {
  const prefix = m.name === 'ip4' ? m.cidr4 : m.cidr6;
  if (prefix === undefined || !m.ip) return undefined;
  const ip = parseIp(m.ip);
  if (!ip) return undefined;
  const bytes = ip.bytes.map((b, i) => {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    return b & ((0xff << (8 - bits)) & 0xff);
  });
  if (bytes.every((b, i) => b === ip.bytes[i])) return undefined;
  if (ip.family === 4) return bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

/**
 * Syntax and policy faults of one record (spans are offsets into `record`). Syntax faults are
 * found first and repaired; the policy checks then run on the repaired record, so that one
 * corrected record answers every finding. `parsed` is the repaired record's parse.
 */
export function termFaults(record: string): { findings: Draft[]; fixed: string; parsed: ParsedSpf } {
  const findings: Draft[] = [];
  const syntaxEdits: Edit[] = [];
  const skipTermsAt = new Set<number>();
  for (const e of parseSpf(record).errors) {
    const term = termAt(record, e.span[0]);
    if (skipTermsAt.has(term.start)) continue;
    skipTermsAt.add(term.start);
    const nextStart = record.slice(term.end).search(/[^ ]/);
    const next = nextStart < 0 ? undefined : termAt(record, term.end + nextStart);
    const { finding, edit, consumesNext } = explainError(record, e, next);
    findings.push({ ...finding, record, fixable: edit !== undefined });
    if (edit) syntaxEdits.push(edit);
    if (consumesNext && next) skipTermsAt.add(next.start);
  }
  const repaired = applyEdits(record, syntaxEdits);
  const policy = policyFaults(repaired);
  for (const f of policy.findings) {
    const span: [number, number] | undefined = f.span
      ? [
          mapBack(f.span[0], syntaxEdits),
          f.span[1] > f.span[0] ? mapBack(f.span[1] - 1, syntaxEdits) + 1 : mapBack(f.span[0], syntaxEdits),
        ]
      : undefined;
    findings.push({ ...f, record, span });
  }
  return { findings, fixed: applyEdits(repaired, policy.edits), parsed: policy.parsed };
}

/** Policy faults of a record (spans and edits are offsets into `record`). */
function policyFaults(record: string): { findings: Draft[]; edits: Edit[]; parsed: ParsedSpf } {
  const parsed = parseSpf(record);
  const findings: Draft[] = [];
  const edits: Edit[] = [];
  const add = (f: Omit<Draft, 'record'>, edit?: Edit) => {
    findings.push({ ...f, record, fixable: edit !== undefined });
    if (edit) edits.push(edit);
  };

  const mechanisms = parsed.terms.filter((t): t is SpfMechanism => t.kind === 'mechanism');
  const allIndex = parsed.terms.findIndex((t) => t.kind === 'mechanism' && t.name === 'all');
  const all = allIndex >= 0 ? (parsed.terms[allIndex] as SpfMechanism) : undefined;

  if (all && all.qualifier === '+') {
    add(
      {
        code: 'spf.pass-all',
        severity: 'error',
        message: `"${all.text}" lets every server on the Internet pass SPF for this domain.`,
        fix: 'Use "~all" (then "-all" once every sending service is listed).',
        span: all.span,
      },
      { start: all.span[0], end: all.span[1], replacement: '~all' },
    );
  } else if (all && all.qualifier === '?') {
    add(
      {
        code: 'spf.neutral-all',
        severity: 'warning',
        message:
          '"?all" is neutral: mail from any other server is neither allowed nor refused, and SPF protects nothing.',
        fix: 'Use "~all" (or "-all" once every sending service is listed).',
        span: all.span,
      },
      { start: all.span[0], end: all.span[1], replacement: '~all' },
    );
  }

  if (!all && !parsed.redirect && parsed.errors.length === 0) {
    add(
      {
        code: 'spf.no-all',
        severity: 'warning',
        message: 'The record has neither "all" nor "redirect=": mail from other servers gets "neutral".',
        fix: 'End the record with "~all" or "-all".',
        span: [record.trimEnd().length, record.trimEnd().length],
      },
      { start: record.trimEnd().length, end: record.trimEnd().length, replacement: ' ~all' },
    );
  }

  if (all && allIndex < parsed.terms.length - 1) {
    const after = parsed.terms
      .slice(allIndex + 1)
      .filter((t) => !(t.kind === 'modifier' && t.name === 'exp'));
    for (const t of after) {
      const isRedirect = t.kind === 'modifier' && t.name === 'redirect';
      add(
        {
          code: isRedirect ? 'spf.redirect-ignored' : 'spf.terms-after-all',
          severity: 'warning',
          message: isRedirect
            ? `"${t.text}" is ignored because the record has an "all" mechanism (RFC 7208 §6.1).`
            : `"${t.text}" comes after "${all.text}" and is never used (evaluation stops at "all").`,
          fix:
            t.kind === 'modifier'
              ? `Remove "${t.text}" (a verification token belongs in its own TXT record).`
              : `Move "${t.text}" before "${all.text}" or remove it.`,
          span: t.span,
        },
        { start: t.span[0] - 1, end: t.span[1], replacement: '' },
      );
    }
  } else if (all && parsed.redirect) {
    add(
      {
        code: 'spf.redirect-ignored',
        severity: 'warning',
        message: `"${parsed.redirect.text}" is ignored because the record has an "all" mechanism (RFC 7208 §6.1).`,
        fix: 'Remove one of them.',
        span: parsed.redirect.span,
      },
      { start: parsed.redirect.span[0] - 1, end: parsed.redirect.span[1], replacement: '' },
    );
  }

  const seen = new Set<string>();
  for (const m of mechanisms) {
    if (m.name === 'ptr') {
      add({
        code: 'spf.ptr',
        severity: 'warning',
        message:
          'The "ptr" mechanism is slow, unreliable and should not be used (RFC 7208 §5.5); some receivers ignore it.',
        fix: 'Replace "ptr" with the ip4:/ip6:/a: terms of the servers it was meant to cover.',
        span: m.span,
      });
    }
    if ((m.name === 'ip4' || m.name === 'ip6') && m.ip) {
      const network = hostBitsNetwork(m);
      if (network) {
        const at = m.span[0] + m.text.indexOf(':') + 1;
        add(
          {
            code: 'spf.cidr-host-bits',
            severity: 'info',
            message: `${m.ip}/${m.name === 'ip4' ? m.cidr4 : m.cidr6} has host bits set; it still means ${network}/${m.name === 'ip4' ? m.cidr4 : m.cidr6}.`,
            fix: `Write the network address ${network}.`,
            span: [at, at + m.ip.length],
          },
          { start: at, end: at + m.ip.length, replacement: network },
        );
      }
    }
    const doubled = /^(include|exists|a|mx|ptr):/i.exec(m.domainSpec ?? '');
    if (doubled && doubled[1].toLowerCase() === m.name) {
      const at = m.span[0] + m.text.indexOf(':') + 1;
      add(
        {
          code: 'spf.doubled-mechanism-name',
          severity: 'warning',
          message: `"${m.name}:" is written twice; the domain looked up is "${m.domainSpec}", which is surely not meant.`,
          fix: `Remove the second "${doubled[0]}".`,
          span: [at, at + doubled[0].length],
        },
        { start: at, end: at + doubled[0].length, replacement: '' },
      );
    }
    const key = m.text.toLowerCase().replace(/^\+/, '');
    if (seen.has(key) && m.name !== 'all') {
      add(
        {
          code: 'spf.duplicate-term',
          severity: 'info',
          message: `"${m.text}" appears twice.`,
          fix: 'Remove the repeat.',
          span: m.span,
        },
        { start: m.span[0] - 1, end: m.span[1], replacement: '' },
      );
    }
    seen.add(key);
  }
  for (const t of parsed.terms) {
    if (
      t.kind === 'modifier' &&
      t.name !== 'redirect' &&
      t.name !== 'exp' &&
      (allIndex < 0 || parsed.terms.indexOf(t) < allIndex)
    ) {
      add({
        code: 'spf.unknown-modifier',
        severity: 'info',
        message: `"${t.name}=" is not an SPF modifier; receivers ignore it.`,
        fix: 'Remove it unless a service asked for it.',
        span: t.span,
      });
    }
  }
  return { findings, edits, parsed };
}
