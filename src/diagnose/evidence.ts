// Gathers what the chain needs for a sender-side failure: the original message's audit (message
// doctor), the domain doctor on the From domain, SPF of the envelope domain, the sending IP and its
// reverse DNS. Expensive parts are shared between the results of one report.
import { checkDomain, type DomainCheck } from '../auth/domain.js';
import { auditMessage, type MessageAudit } from '../auth/message/index.js';
import { isNonPublicIp } from '../auth/message/ip-address.js';
import { lintSpf, type SpfLintResult } from '../auth/spf/index.js';
import type { Clock, ExplainReport, RecipientResult, Resolver } from '../types.js';
import type { PtrCheck, SenderEvidence } from './types.js';

export interface ChainOptions {
  /** DNS; without it (offline) the chain uses only the bounce and its headers */
  resolver?: Resolver;
  clock?: Clock;
}

/** Per-report memo so that several recipients of one bounce share the lookups. */
export interface ReportContext {
  report: ExplainReport;
  options: ChainOptions;
  audit?: Promise<MessageAudit | undefined>;
  domains: Map<string, Promise<DomainCheck>>;
  spf: Map<string, Promise<SpfLintResult>>;
  ptr: Map<string, Promise<PtrCheck>>;
}

export function reportContext(report: ExplainReport, options: ChainOptions): ReportContext {
  return { report, options, domains: new Map(), spf: new Map(), ptr: new Map() };
}

function memo<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    p = make();
    map.set(key, p);
  }
  return p;
}

export async function gatherSenderEvidence(
  ctx: ReportContext,
  result: RecipientResult,
): Promise<SenderEvidence> {
  const { report, options } = ctx;
  const resolver = options.resolver;
  const checked: string[] = [];
  const notChecked: string[] = [];
  const headers = report.originalHeaders;
  if (headers) {
    ctx.audit ??= auditMessage(headers, { resolver, offline: !resolver, clock: options.clock }).catch(
      () => undefined,
    );
  }
  const audit = headers ? await ctx.audit : undefined;
  if (audit) checked.push("the returned message's headers (SPF, DKIM, DMARC)");
  else notChecked.push('the original message (the bounce does not carry its headers)');

  const text = (result.diagnosticCode ?? '').toLowerCase();
  const fromDomain = audit?.from.domain ?? domainOf(report.original?.from) ?? domainNamedIn(text);
  if (fromDomain && !audit && !report.original?.from)
    checked.push(`the From domain ${fromDomain}, as the reply names it`);
  const mailFromDomain = audit?.mailFrom?.domain || undefined;
  const ipInText = ipFrom(result.diagnosticCode ?? '');
  const ip = ipInText
    ? { address: ipInText, source: "the receiver's reply" }
    : audit?.ip
      ? { address: audit.ip.address, source: audit.ip.why }
      : undefined;

  const evidence: SenderEvidence = {
    result,
    text,
    fromDomain,
    mailFromDomain,
    audit,
    ip,
    offline: !resolver,
    checked,
    notChecked,
  };
  if (!resolver) {
    notChecked.push('DNS (offline): the sender domain and the sending IP were not looked up');
    return evidence;
  }
  const selectors = [
    ...new Set(
      (audit?.signatures ?? [])
        .filter((s) => s.d && fromDomain && s.d === fromDomain)
        .map((s) => s.s)
        .filter((s): s is string => Boolean(s)),
    ),
  ];
  const work: Promise<unknown>[] = [];
  if (fromDomain) {
    work.push(
      memo(ctx.domains, fromDomain, () =>
        checkDomain(fromDomain, {
          resolver,
          clock: options.clock,
          selectors: selectors.length ? selectors : undefined,
        }),
      ).then((c) => {
        evidence.fromCheck = c;
        // a DNS failure is "could not check", never "checked" (nor "record missing")
        const failed = Object.entries(c.verdicts)
          .filter(([, v]) => v === 'could-not-check')
          .map(([k]) => k.toUpperCase());
        if (failed.length === 4) notChecked.push(`DNS of ${fromDomain}: the DNS server did not answer`);
        else if (failed.length > 0) {
          checked.push(`DNS of ${fromDomain} (DMARC, SPF, DKIM, MX; no answer for ${failed.join(', ')})`);
        } else checked.push(`DNS of ${fromDomain} (DMARC, SPF, DKIM, MX)`);
      }),
    );
  } else notChecked.push('the sender domain (the bounce names no From address)');
  if (mailFromDomain && mailFromDomain !== fromDomain) {
    work.push(
      memo(ctx.spf, mailFromDomain, () => lintSpf(mailFromDomain, { resolver })).then((s) => {
        evidence.envelopeSpf = s;
        if (s.verdict === 'unknown')
          notChecked.push(`SPF of the envelope sender domain ${mailFromDomain}: DNS did not answer`);
        else checked.push(`SPF of the envelope sender domain ${mailFromDomain}`);
      }),
    );
  }
  if (ip) {
    work.push(
      memo(ctx.ptr, ip.address, () => reverseDns(ip.address, resolver)).then((p) => {
        evidence.ptr = p;
      }),
    );
  }
  await Promise.all(work);
  return evidence;
}

export function domainOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const m = /@([A-Za-z0-9.-]+)/.exec(address);
  return m ? m[1].toLowerCase().replace(/\.$/, '') : undefined;
}

/**
 * The sender's domain as receivers name it in DMARC refusals, when no headers came with the bounce:
 * Gmail's "Unauthenticated email from example.com is not accepted", "administrator of example.com
 * domain", and the common "DMARC policy for example.com".
 */
const DOMAIN_PHRASES: readonly RegExp[] = [
  /unauthenticated email from ([a-z0-9-]+(?:\.[a-z0-9-]+)+)/,
  /administrator of ([a-z0-9-]+(?:\.[a-z0-9-]+)+) domain/,
  /dmarc policy (?:for|of) ([a-z0-9-]+(?:\.[a-z0-9-]+)+)/,
];

export function domainNamedIn(lowerText: string): string | undefined {
  for (const re of DOMAIN_PHRASES) {
    const m = re.exec(lowerText);
    if (m) return m[1].replace(/\.$/, '');
  }
  return undefined;
}

/** The first public IPv4 (or bracketed IPv6) address the receiver's reply names. */
export function ipFrom(text: string): string | undefined {
  const v4 = /(?:^|[^\d.])((?:\d{1,3}\.){3}\d{1,3})(?![\d.]*\d)/g;
  for (const m of text.matchAll(v4)) {
    const ip = m[1];
    // "host mx.example[192.0.2.1] said": that is the receiver's own address, not the sender's
    const at = (m.index ?? 0) + m[0].indexOf(ip);
    if (text[at - 1] === '[' && /[a-z0-9.-]/i.test(text[at - 2] ?? '')) continue;
    // private, loopback and other non-public ranges: the same test the message doctor uses
    if (!isNonPublicIp(ip)) return ip;
  }
  const v6 = /\[(?:ipv6:)?([0-9a-f:]{3,39})\]/i.exec(text)?.[1].toLowerCase();
  return v6?.includes(':') && !isNonPublicIp(v6) ? v6 : undefined;
}

async function reverseDns(ip: string, resolver: Resolver): Promise<PtrCheck> {
  const name = reverseName(ip);
  if (!name) return { rcode: 'ERROR', names: [] };
  const answer = await resolver(name, 'PTR');
  const names = answer.answers
    .filter((a): a is string => typeof a === 'string')
    .map((n) => n.replace(/\.$/, ''));
  const check: PtrCheck = { rcode: answer.rcode, names };
  for (const n of names.slice(0, 10)) {
    const forward = await resolver(n, ip.includes(':') ? 'AAAA' : 'A');
    if (forward.answers.some((a) => typeof a === 'string' && a.toLowerCase() === ip)) {
      check.confirmedName = n;
      break;
    }
  }
  return check;
}

function reverseName(ip: string): string | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  if (!ip.includes(':')) return undefined;
  const [head, tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...new Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  if (groups.length !== 8) return undefined;
  const nibbles = groups.map((g) => g.padStart(4, '0')).join('');
  return `${[...nibbles].reverse().join('.')}.ip6.arpa`;
}
