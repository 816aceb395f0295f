// SPF lint: policy faults of a record that parses (+all, ?all, no all, terms after all, ptr,
// %{p}, host bits, ranges that allow too much, doubled mechanism names, repeats).
import type { Edit } from './edits.js';
import { parseIp, readableForm } from './ip.js';
import type { Draft } from './lint-text.js';
import { parseSpf } from './parse.js';
import type { ParsedSpf, SpfMechanism } from './types.js';

/** ip4:/ip6: with bits set below the prefix: the network address it really means, else undefined. */
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
  return readableForm({ family: ip.family, bytes });
}

/**
 * A prefix so short that the term allows a large part of the Internet: /0 is "+all" in disguise
 * (an error, like +all); IPv4 shorter than /16 and IPv6 shorter than /32 are warnings.
 */
function wideRange(m: SpfMechanism): Omit<Draft, 'record' | 'span'> | undefined {
  if (m.qualifier !== '+') return undefined;
  const p4 = m.name === 'ip6' ? undefined : m.cidr4;
  const p6 = m.name === 'ip4' ? undefined : m.cidr6;
  if (p4 === 0 || p6 === 0) {
    return {
      code: 'spf.allows-everything',
      severity: 'error',
      message: `"${m.text}" has prefix length /0: it allows every ${p4 === 0 ? 'IPv4' : 'IPv6'} address, like "+all".`,
      fix: 'Use the real address range of the sending servers.',
    };
  }
  if ((p4 !== undefined && p4 < 16) || (p6 !== undefined && p6 < 32)) {
    return {
      code: 'spf.wide-range',
      severity: 'warning',
      message: `"${m.text}" allows ${p4 !== undefined && p4 < 16 ? `${2 ** (32 - p4)} IPv4 addresses` : 'a very large IPv6 range'}; SPF should list only the servers that send.`,
      fix: 'Narrow the range to the sending servers.',
    };
  }
  return undefined;
}

/** Policy faults of a record (spans and edits are offsets into `record`). */
export function policyFaults(record: string): { findings: Draft[]; edits: Edit[]; parsed: ParsedSpf } {
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
    const wide = wideRange(m);
    if (wide) add({ ...wide, span: m.span });
    if (/%\{p/i.test(m.domainSpec ?? '')) {
      add({
        code: 'spf.p-macro',
        severity: 'warning',
        message: `"${m.text}" uses the %{p} macro, which is slow and unreliable; RFC 7208 §7.3 says it should not be used.`,
        fix: 'Use %{i} or list the addresses instead.',
        span: m.span,
      });
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
