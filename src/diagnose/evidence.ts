// Gathers what the chain needs for a sender-side failure: the original message's audit (message
// doctor), the domain doctor on the From domain, SPF of the envelope domain, the sending IP and its
// reverse DNS. Expensive parts are shared between the results of one report.

import { checkDomain, type DomainCheck } from '../auth/domain.js';
import { type Alignment, alignmentOf } from '../auth/message/alignment.js';
import { auditMessage, type MessageAudit } from '../auth/message/index.js';
import { registrableDomain } from '../auth/public-suffix.js';
import { lintSpf, type SpfLintResult } from '../auth/spf/index.js';
import type { Clock, ExplainReport, RecipientResult, Resolver } from '../types.js';
import { domainNamedIn, domainOf, ipFrom } from './bounce-clues.js';
import { reverseDns } from './reverse-dns.js';
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
  if (audit?.mode === 'dns') checked.push("the returned message's headers (SPF, DKIM, DMARC)");
  else if (audit) checked.push("the returned message's headers (what they show; SPF and DKIM need DNS)");
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
      memo(ctx.spf, mailFromDomain, () => lintSpf(mailFromDomain, { resolver })).then(async (s) => {
        evidence.envelopeSpf = s;
        // "no SPF record" and "no such domain" differ: the same question again, answered from the
        // report's DNS cache
        if (s.findings.some((f) => f.code === 'spf.no-record'))
          evidence.envelopeMissing = (await resolver(mailFromDomain, 'TXT')).rcode === 'NXDOMAIN';
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

/** Whether DNS answered for the From domain's DMARC record (not offline, not "could not check"). */
export function dmarcChecked(e: SenderEvidence): boolean {
  return Boolean(e.fromCheck && e.fromCheck.verdicts.dmarc !== 'could-not-check');
}

/** Why the From domain's DNS was not read, in words: for "... was not checked (offline)". */
export function dnsMissingWhy(e: SenderEvidence): string {
  return e.offline ? 'offline' : 'the DNS server did not answer';
}

/**
 * The envelope sender's (Return-Path) alignment with the From domain, from the returned headers:
 * relaxed = the same organizational domain (public-suffix list, as the message doctor does
 * offline), strict when the From domain's DMARC record asks for aspf=s (RFC 7489 §3.1.2).
 */
export function envelopeAlignment(e: SenderEvidence): Alignment | undefined {
  const mf = e.audit?.mailFrom?.domain;
  const from = e.fromDomain;
  if (!mf || !from) return undefined;
  const mode = e.fromCheck?.dmarc.policy?.aspf === 's' ? 'strict' : 'relaxed';
  return alignmentOf(from, mf, mode, registrableDomain(from) ?? from, registrableDomain(mf) ?? mf);
}
