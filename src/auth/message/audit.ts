// The message doctor: from a message (whole, or its header block) to each identity's result, its
// alignment with the From domain, the DMARC verdict under RFC 9989 and RFC 7489 rules, the
// differences from what the receiver recorded, and the fix. Returns a value; never throws.

import { cachingResolver } from '../../dns/index.js';
import type { Finding, Resolver } from '../../types.js';
import { type ArcVerification, type DkimVerification, verifyDkim } from '../dkim/verify.js';
import { registrableDomain } from '../public-suffix.js';
import { domainOf, parseReversePath } from './address.js';
import { alignmentOf } from './alignment.js';
import { compareWithReceiver } from './compare.js';
import { diagnose } from './diagnosis.js';
import { type DmarcCandidate, evaluateMessageDmarc } from './dmarc-step.js';
import { dkimFromReceiver, dkimFromVerification, keyFindings, spfFromReceiver } from './identities.js';
import { normalizeIp } from './ip-address.js';
import { offlineDmarc } from './offline-dmarc.js';
import { readMessageHeaders } from './read-headers.js';
import { receiverView } from './receiver-view.js';
import { pickSendingHop } from './sending-hop.js';
import { describeSpf, evaluateSpf } from './spf-step.js';
import type { AuditOptions, DmarcVerdict, IdentityCheck, MessageAudit } from './types.js';

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

/** Message bytes as text: UTF-8 when valid, else latin1 (nothing lost). */
function asText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return new TextDecoder('latin1').decode(input);
  }
}

export async function auditMessage(
  input: string | Uint8Array,
  options: AuditOptions = {},
): Promise<MessageAudit> {
  const tooBig = input.length > MAX_MESSAGE_BYTES;
  const text = asText(tooBig ? input.slice(0, MAX_MESSAGE_BYTES) : input);
  const h = readMessageHeaders(text);
  const findings: Finding[] = [...h.findings];
  const unchecked: string[] = [];
  const offline = options.offline === true || !options.resolver;
  const resolver: Resolver | undefined = offline ? undefined : cachingResolver(options.resolver!);
  const receiver = receiverView(h.authResults, h.receivedSpf);
  const who = receiver?.authservId ? `the receiver (${receiver.authservId})` : 'the receiver';
  if (tooBig)
    findings.push({
      code: 'message.too-large',
      severity: 'warning',
      message: 'the message is larger than 25 MB; only its start was read',
    });

  // --- identities: envelope sender, sending IP, HELO
  const picked = pickSendingHop(h.received, receiver?.authservId);
  let mailFrom: MessageAudit['mailFrom'];
  if (options.mailFrom !== undefined) {
    const a = parseReversePath(options.mailFrom);
    mailFrom = { address: a, domain: domainOf(a), source: 'given' };
  } else if (h.returnPath !== undefined) {
    mailFrom = { address: h.returnPath, domain: domainOf(h.returnPath), source: 'return-path' };
  } else if (picked?.hop.envelopeFrom !== undefined) {
    const a = picked.hop.envelopeFrom;
    mailFrom = { address: a, domain: domainOf(a), source: 'received' };
  } else if (receiver?.spf?.scope === 'mailfrom' && receiver.spf.domain) {
    // smtp.mailfrom may hold the whole address or only its domain (RFC 8601 §2.7.2)
    const a = receiver.spf.address ?? `postmaster@${receiver.spf.domain}`;
    mailFrom = { address: a, domain: receiver.spf.domain, source: 'receiver-results' };
  }
  let ip: MessageAudit['ip'];
  let helo: MessageAudit['helo'];
  if (options.ip !== undefined) {
    const norm = normalizeIp(options.ip);
    if (norm) ip = { address: norm, source: 'given', why: 'given on the command line', confident: true };
    else
      findings.push({
        code: 'message.bad-ip',
        severity: 'error',
        message: `"${options.ip}" is not an IP address`,
      });
  } else if (picked && (picked.confident || !receiver?.clientIp)) {
    ip = { address: picked.hop.ip!, source: 'received', why: picked.why, confident: picked.confident };
  } else if (receiver?.clientIp) {
    // the address the receiver itself evaluated SPF for beats a guessed hop
    ip = {
      address: receiver.clientIp,
      source: 'receiver-results',
      why: `${picked ? 'no Received line from the receiver records it' : 'no Received line records it'}; ${who} wrote it in its SPF result`,
      confident: true,
    };
  }
  if (options.helo !== undefined) helo = { name: options.helo, source: 'given' };
  else {
    const hop = ip?.source === 'given' ? h.received.find((r) => r.ip === ip?.address) : picked?.hop;
    if (hop?.helo) helo = { name: hop.helo, source: 'received' };
  }

  // --- SPF
  let spf: IdentityCheck | undefined;
  if (!offline && resolver && ip && mailFrom) {
    const r = await evaluateSpf({
      resolver,
      ip: ip.address,
      mailFrom: mailFrom.address,
      helo: helo?.name,
      clock: options.clock,
    });
    if (r) {
      spf = {
        method: 'spf',
        domain: r.domain,
        scope: r.scope,
        result: r.check.result,
        source: 'evaluated',
        code: r.check.result === 'pass' ? undefined : `spf.${r.check.result}`,
        detail: describeSpf(r, ip.address),
        counts: false,
        why: describeSpf(r, ip.address),
      };
    } else unchecked.push('SPF: the envelope sender is empty and there is no HELO name to check instead');
  } else if (!offline) {
    if (!ip) unchecked.push('SPF: no sending IP (give --ip, or a message with its Received lines)');
    if (!mailFrom)
      unchecked.push('SPF: no envelope sender (give --mail-from, or a message with its Return-Path)');
  }
  if (!spf && receiver?.spf) spf = spfFromReceiver(receiver.spf, who);
  if (offline) {
    unchecked.push(
      receiver?.spf
        ? "SPF was not evaluated (offline): the result shown is the receiver's"
        : 'SPF was not evaluated (offline), and the headers hold no SPF result',
    );
  }

  // --- DKIM and ARC
  let dkim: IdentityCheck[];
  let arcCheck: ArcVerification | undefined;
  if (!offline && resolver && h.hasBody) {
    const v: { signatures: DkimVerification[]; arc: ArcVerification } = await verifyDkim(
      tooBig ? text : input,
      { resolver, clock: options.clock },
    );
    dkim = dkimFromVerification(v.signatures, h.dkim);
    findings.push(...keyFindings(v.signatures));
    arcCheck = v.arc;
  } else {
    const why = offline ? 'offline' : 'the message body is not present (only the header block)';
    dkim = dkimFromReceiver(receiver?.dkim ?? [], h.dkim, who, why);
    if (h.dkim.length > 0) unchecked.push(`DKIM signatures were not verified: ${why}`);
  }
  if (h.arc.sets.length > 0 && !arcCheck) {
    unchecked.push(
      `ARC: ${h.arc.sets.length} set(s) not verified (${offline ? 'offline' : 'only the header block'})${receiver?.arc ? "; the receiver's arc result is shown" : ''}`,
    );
  }
  const arcResult = arcOutcome(h.arc.sets.length, h.arc.faults, arcCheck, receiver?.arc?.result);

  // --- alignment and DMARC
  const fromDomain = h.fromDomain;
  const dmarc: DmarcVerdict[] = [];
  if (fromDomain) {
    const candidates: DmarcCandidate[] = [];
    const owners: IdentityCheck[] = [];
    if (spf && spf.scope !== 'helo') {
      candidates.push({ method: 'spf', domain: spf.domain, result: spf.result });
      owners.push(spf);
    }
    for (const d of dkim) {
      candidates.push({ method: 'dkim', domain: d.domain, result: d.result, selector: d.selector });
      owners.push(d);
    }
    if (!offline && resolver) {
      const modes = ['rfc9989', 'rfc7489'] as const;
      for (const mode of modes) {
        const step = await evaluateMessageDmarc(fromDomain, candidates, mode, resolver);
        dmarc.push(step.verdict);
        // alignment shown per identity follows RFC 9989, the current standard
        if (mode === 'rfc9989') {
          step.alignments.forEach((a, i) => {
            owners[i].alignment = a;
          });
        }
      }
      if (receiver?.dmarc?.disposition) for (const v of dmarc) v.disposition = receiver.dmarc.disposition;
    } else {
      // offline: relaxed alignment with public-suffix organizational domains (RFC 7489's way)
      const fromOrg = registrableDomain(fromDomain) ?? fromDomain;
      owners.forEach((o) => {
        o.alignment = alignmentOf(
          fromDomain,
          o.domain,
          'relaxed',
          fromOrg,
          registrableDomain(o.domain) ?? o.domain,
        );
      });
      unchecked.push(
        "DMARC record not read (offline): alignment assumes relaxed mode and uses the public-suffix list; RFC 9989's DNS tree walk needs DNS",
      );
      dmarc.push(
        offlineDmarc('rfc9989', fromDomain, owners, receiver),
        offlineDmarc('rfc7489', fromDomain, owners, receiver),
      );
    }
    if (spf?.scope === 'helo')
      spf.why = `${spf.why}; the HELO identity never counts for DMARC (only MAIL FROM does)`;
    for (const o of owners) {
      o.counts =
        o.result === 'pass' && (o.alignment?.aligned ?? false) && !(o.method === 'spf' && o.scope === 'helo');
      if (o.alignment) {
        const rel = o.alignment.aligned
          ? o.result === 'pass'
            ? 'aligned'
            : 'its domain aligns, but it did not pass'
          : 'not aligned';
        o.why = `${o.why}; ${rel}: ${o.alignment.why}`;
      }
    }
  } else {
    dmarc.push({ mode: 'rfc9989', result: 'unknown', source: 'not-checked', why: 'no single From domain' });
  }

  const differences = offline
    ? []
    : compareWithReceiver(receiver, spf, dkim, dmarc[0], ip?.confident ?? false);
  const firstSet = h.arc.sets[0];
  const diag = diagnose({
    fromDomain,
    mailFromDomain: mailFrom?.domain,
    spf,
    dkim,
    dmarc: dmarc[0],
    receiver,
    ip: ip?.address,
    ...(h.forwarding && { forwarded: h.forwarding }),
    arc: {
      result: arcResult.result,
      firstSawDmarc:
        arcResult.result === 'pass'
          ? firstSet?.results?.results.find((r) => r.method === 'dmarc')?.result
          : undefined,
      firstSawBy: firstSet?.results?.authservId,
    },
    relayHosts: h.received.flatMap((r) => [r.by, r.rdns, r.helo].filter((x): x is string => !!x)),
  });
  if (h.received.length > 0 && !ip)
    unchecked.push('the sending IP: no Received line records a public client address');

  return {
    mode: offline ? 'offline' : 'dns',
    from: { domain: fromDomain, addresses: h.from.map((m) => m.address) },
    mailFrom,
    ip,
    helo,
    received: h.received,
    signatures: h.dkim,
    arc: { sets: h.arc.sets, faults: h.arc.faults, result: arcResult.result, detail: arcResult.detail },
    receiver,
    spf,
    dkim,
    dmarc,
    differences,
    verdict: diag.verdict,
    rootCause: diag.rootCause,
    fixes: diag.fixes,
    findings,
    unchecked,
  };
}

/** ARC: structure faults fail the chain (RFC 8617 §5.2); then mailauth's cryptographic check. */
function arcOutcome(
  sets: number,
  faults: string[],
  check: ArcVerification | undefined,
  receiverSays: string | undefined,
): { result?: string; detail?: string } {
  if (sets === 0 && faults.length === 0)
    return check
      ? { result: 'none' }
      : receiverSays
        ? { result: receiverSays, detail: 'as the receiver recorded' }
        : {};
  if (faults.length > 0) return { result: 'fail', detail: faults.join('; ') };
  if (check) return { result: check.result, detail: check.detail };
  return receiverSays
    ? { result: receiverSays, detail: 'as the receiver recorded (not verified here)' }
    : { detail: 'not verified (offline, or only the header block)' };
}
