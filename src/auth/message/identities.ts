// Building the identity lines (SPF for MAIL FROM / HELO, DKIM per d=) from our own evaluation or,
// when we cannot evaluate, from what the receiver recorded.
import type { DkimVerification } from '../dkim/verify.js';
import type { DkimSignatureInfo } from './dkim-signature.js';
import type { ReceiverDkim, ReceiverSpf } from './receiver-view.js';
import type { IdentityCheck } from './types.js';

/** SPF line from the receiver's header (offline, or when we had no IP). */
export function spfFromReceiver(r: ReceiverSpf, who: string): IdentityCheck | undefined {
  if (!r.domain) return undefined;
  return {
    method: 'spf',
    domain: r.domain,
    scope: r.scope ?? 'mailfrom',
    result: r.result,
    source: 'receiver',
    detail: r.comment,
    counts: false,
    why: `${who} recorded SPF ${r.result} for ${r.domain}${r.comment ? ` (${r.comment})` : ''}`,
  };
}

/** DKIM lines from the receiver's header, plus signatures it did not mention (not checked). */
export function dkimFromReceiver(
  receiver: ReceiverDkim[],
  signatures: DkimSignatureInfo[],
  who: string,
  whyUnchecked: string,
): IdentityCheck[] {
  const out: IdentityCheck[] = [];
  for (const r of receiver) {
    if (!r.d || r.result === 'none') continue;
    const sig = signatures.find((s) => s.d === r.d && (!r.selector || s.s === r.selector));
    out.push({
      method: 'dkim',
      domain: r.d,
      selector: r.selector ?? sig?.s,
      algorithm: sig?.a,
      result: r.result,
      source: 'receiver',
      detail: r.note,
      counts: false,
      why: `${who} recorded DKIM ${r.result} for d=${r.d}${r.note ? ` (${r.note})` : ''}`,
    });
  }
  for (const s of signatures) {
    if (!s.d || out.some((o) => o.domain === s.d)) continue;
    out.push({
      method: 'dkim',
      domain: s.d,
      selector: s.s,
      algorithm: s.a,
      result: 'none',
      source: 'not-checked',
      counts: false,
      why: `DKIM signature d=${s.d} s=${s.s} was not verified: ${whyUnchecked}`,
    });
  }
  return out;
}

/** DKIM lines from our own verification; signatures the verifier skipped get their own fault. */
export function dkimFromVerification(
  verified: DkimVerification[],
  signatures: DkimSignatureInfo[],
): IdentityCheck[] {
  const out: IdentityCheck[] = verified.map((v) => ({
    method: 'dkim',
    domain: v.domain,
    selector: v.selector,
    algorithm: v.algorithm,
    result: v.result,
    source: 'evaluated',
    code: v.code,
    detail: v.detail,
    counts: false,
    why:
      v.result === 'pass'
        ? `the signature d=${v.domain} s=${v.selector} verifies${v.keyBits ? ` (${v.keyBits}-bit key)` : ''}`
        : `the signature d=${v.domain} s=${v.selector} does not verify: ${v.detail ?? v.result}`,
  }));
  // a signature with faults the verifier ignores entirely (invalid d=, unknown algorithm, ...)
  for (const s of signatures) {
    const matched = verified.some((v) => v.domain === s.d && v.selector === s.s);
    if (matched) continue;
    const fault = s.findings.find((f) => f.severity === 'error');
    out.push({
      method: 'dkim',
      domain: s.d || '(none)',
      selector: s.s,
      algorithm: s.a,
      result: 'permerror',
      source: 'evaluated',
      code: fault?.code ?? 'dkim.signature-ignored',
      detail: fault?.message ?? 'the verifier ignored this signature',
      counts: false,
      why: `the signature d=${s.d || '?'} is ignored: ${fault?.message ?? 'it is not a valid DKIM-Signature'}`,
    });
  }
  return out;
}
