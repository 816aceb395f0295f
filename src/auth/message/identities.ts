// Building the identity lines (SPF for MAIL FROM / HELO, DKIM per d=) from our own evaluation or,
// when we cannot evaluate, from what the receiver recorded.
import type { Finding } from '../../types.js';
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

/** Faults in the DKIM-Signature field that make a cryptographically good signature invalid. */
const FATAL_SIGNATURE_FAULTS = new Set([
  'dkim.from-not-signed',
  'dkim.identity-outside-domain',
  'dkim.signature-version',
  'dkim.signature-tag-missing',
  'dkim.signature-syntax',
]);

/** DKIM lines from our own verification; signatures the verifier skipped get their own fault. */
export function dkimFromVerification(
  verified: DkimVerification[],
  signatures: DkimSignatureInfo[],
): IdentityCheck[] {
  const out: IdentityCheck[] = verified.map((v) => {
    const sig = signatures.find(
      (s) => s.d === v.domain && s.s === v.selector && (!v.bPrefix || s.bPrefix === v.bPrefix),
    );
    const fatal = sig?.findings.find((f) => FATAL_SIGNATURE_FAULTS.has(f.code));
    if (fatal) {
      return {
        method: 'dkim',
        domain: v.domain,
        selector: v.selector,
        algorithm: v.algorithm,
        result: 'permerror',
        source: 'evaluated',
        code: fatal.code,
        detail: fatal.message,
        counts: false,
        why: `the signature d=${v.domain} s=${v.selector} is invalid: ${fatal.message}`,
      } satisfies IdentityCheck;
    }
    const key = v.keyBits ? ` (${v.keyBits}-bit key)` : '';
    return {
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
          ? `the signature d=${v.domain} s=${v.selector} verifies${key}`
          : `the signature d=${v.domain} s=${v.selector} does not verify: ${v.detail ?? v.result}`,
    } satisfies IdentityCheck;
  });
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

/** Findings about the keys that verification met (weak keys, PKCS#1 form, l= with unsigned text). */
export function keyFindings(verified: DkimVerification[]): Finding[] {
  const out: Finding[] = [];
  for (const v of verified) {
    const where = `${v.selector}._domainkey.${v.domain}`;
    if (v.pkcs1Key) {
      out.push({
        code: 'dkim.key-pkcs1',
        severity: 'warning',
        message: `the key at ${where} is a PKCS#1 RSAPublicKey, not SubjectPublicKeyInfo; RFC 6376 is ambiguous (erratum 3017) and some verifiers reject this form`,
        fix: 'Publish the key in SubjectPublicKeyInfo form (what "openssl rsa -pubout" prints, starting MIIB... or MIGf...).',
        record: v.keyRecord,
      });
    }
    if (v.result === 'pass' && v.keyBits !== undefined && v.keyBits < 2048 && v.algorithm.startsWith('rsa')) {
      out.push({
        code: 'dkim.key-short',
        severity: 'info',
        message: `the key at ${where} has ${v.keyBits} bits; 2048 is the usual size today`,
      });
    }
    if (v.unsignedBodyBytes) {
      out.push({
        code: 'dkim.unsigned-body',
        severity: 'warning',
        message: `${v.unsignedBodyBytes} bytes of the body are outside the part the signature d=${v.domain} covers (l=): they could have been added by anyone`,
      });
    }
  }
  return out;
}
