// DKIM (RFC 6376, RFC 8463 ed25519) and ARC (RFC 8617) signature verification. The cryptography
// and canonicalization are mailauth 4.13's; this file adapts our Resolver to it and turns its
// results into our own words. mailauth reports most failed checks as "neutral" with a comment
// (see ../../../../shared/corpus/dkim/README.md); RFC 8601 §2.7.1 has fail / permerror / temperror
// for them, so the comment is mapped to a fault code and the RFC's result word.
import { arc } from 'mailauth/lib/arc/index.js';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import type { Clock, Resolver } from '../../types.js';

/** One DKIM signature as verified. */
export interface DkimVerification {
  /** d= */
  domain: string;
  /** s= */
  selector: string;
  /** a= */
  algorithm: string;
  /** first 8 characters of b=, to match the signature with its header field */
  bPrefix?: string;
  /** RFC 8601 result word: pass, fail, permerror, temperror, policy (key too weak), none */
  result: 'pass' | 'fail' | 'permerror' | 'temperror' | 'policy' | 'neutral' | 'none';
  /** our fault code, e.g. "dkim.body-hash"; absent on pass */
  code?: string;
  /** what went wrong in plain words */
  detail?: string;
  /** RSA modulus length of the key used */
  keyBits?: number;
  /** the key record as found in DNS */
  keyRecord?: string;
  /** l= was used and the body has bytes after the signed part */
  unsignedBodyBytes?: number;
}

export interface ArcVerification {
  /** none: no ARC sets; pass: the chain validates; fail: it does not */
  result: 'none' | 'pass' | 'fail';
  /** highest instance */
  instance?: number;
  detail?: string;
}

export interface DkimVerifyOptions {
  resolver: Resolver;
  clock?: Clock;
  /** RSA keys shorter than this are not accepted (RFC 8301 §3.2: at least 1024) */
  minKeyBits?: number;
}

/** mailauth's comment -> our code, the RFC 8601 result and words for a person. */
const COMMENT_FAULTS: Array<{
  match: string;
  code: string;
  result: DkimVerification['result'];
  words: string;
}> = [
  {
    match: 'bad signature',
    code: 'dkim.bad-signature',
    result: 'fail',
    words:
      'the signature does not match the signed header fields (they were changed after signing, or the key in DNS is not the signing key)',
  },
  {
    match: 'body hash did not verify',
    code: 'dkim.body-hash',
    result: 'fail',
    words:
      'the body was changed after signing (body hash mismatch): a footer, a link rewriter, a re-encoding on the way',
  },
  {
    match: 'no key',
    code: 'dkim.no-key',
    result: 'permerror',
    words: 'no key record at the selector in DNS',
  },
  {
    match: 'unknown key version',
    code: 'dkim.key-version',
    result: 'permerror',
    words: 'the key record has an invalid v= tag (it must be exactly v=DKIM1)',
  },
  {
    match: 'unknown key type',
    code: 'dkim.key-type',
    result: 'permerror',
    words:
      "the key record's p= is not a usable public key of the type in k= (damaged base64, a PKCS#1 key where SubjectPublicKeyInfo is expected, or a wrong k=)",
  },
  {
    match: 'invalid public key',
    code: 'dkim.key-invalid',
    result: 'permerror',
    words: 'the key record has no valid p= value (empty p= means the key was revoked)',
  },
  {
    match: 'invalid expiration',
    code: 'dkim.expiry-before-signing',
    result: 'permerror',
    words: 'x= (expiry) is earlier than t= (signing time)',
  },
  {
    match: 'expired',
    code: 'dkim.expired',
    result: 'permerror',
    words: 'the signature has expired (x= is in the past)',
  },
  {
    match: 'DNS failure',
    code: 'dkim.dns-failure',
    result: 'temperror',
    words: 'the key could not be fetched from DNS',
  },
];

/** node:dns error codes, which mailauth's key lookup expects. */
const ERROR_CODES: Record<string, string> = {
  NXDOMAIN: 'ENOTFOUND',
  SERVFAIL: 'ESERVFAIL',
  REFUSED: 'EREFUSED',
  TIMEOUT: 'ETIMEOUT',
  ERROR: 'ECONNREFUSED',
};

/** Our Resolver as mailauth's `resolver(name, rrtype)`: node:dns answers, node:dns error codes. */
export function mailauthResolver(resolver: Resolver) {
  return async (name: string, rrtype: string): Promise<string[][]> => {
    if (rrtype !== 'TXT') {
      const err = new Error(`${rrtype} not supported here`) as Error & { code: string };
      err.code = 'ENOTIMP';
      throw err;
    }
    const res = await resolver(name, 'TXT');
    if (res.rcode === 'NOERROR' && res.answers.length > 0) {
      return res.answers.map((a) => (Array.isArray(a) ? a : [String(a)]));
    }
    const code = res.rcode === 'NOERROR' ? 'ENODATA' : (ERROR_CODES[res.rcode] ?? 'ESERVFAIL');
    const err = new Error(`${code} ${name}`) as Error & { code: string };
    err.code = code;
    throw err;
  };
}

type MailauthDkimResult = {
  signingDomain?: string;
  selector?: string;
  algo?: string;
  signature?: string;
  status: { result: string; comment?: string; policy?: Record<string, string>; underSized?: number };
  modulusLength?: number;
  rr?: string;
};

/**
 * Verifies every DKIM signature of a whole message (header and body, as received) and its ARC
 * chain. Never throws for bad input: a message mailauth cannot read gives no results.
 */
export async function verifyDkim(
  message: string | Uint8Array,
  opts: DkimVerifyOptions,
): Promise<{ signatures: DkimVerification[]; arc: ArcVerification }> {
  const resolver = mailauthResolver(opts.resolver);
  const input = typeof message === 'string' ? Buffer.from(message, 'utf8') : Buffer.from(message);
  const curTime = (opts.clock ?? (() => new Date()))();
  const minBitLength = opts.minKeyBits ?? 1024;
  const restore = muteMailauthDebugLine();
  let res: Awaited<ReturnType<typeof dkimVerify>>;
  try {
    res = await dkimVerify(input, { resolver, curTime, minBitLength });
  } catch {
    return {
      signatures: [],
      arc: { result: 'none', detail: 'the message could not be read for verification' },
    };
  } finally {
    restore();
  }
  const signatures = (res.results as unknown as MailauthDkimResult[])
    .filter((r) => r.status.result !== 'none')
    .map(toVerification);
  let arcResult: ArcVerification = { result: 'none' };
  const chain = (res as unknown as { arc?: { chain?: unknown } }).arc;
  if (chain?.chain) {
    try {
      const a = (await arc(chain as never, { resolver, minBitLength })) as unknown as {
        i?: number | false;
        status: { result: string; comment?: string };
      };
      const word = a.status.result === 'pass' ? 'pass' : a.status.result === 'none' ? 'none' : 'fail';
      arcResult = { result: word, instance: a.i || undefined, detail: a.status.comment };
    } catch (err) {
      arcResult = { result: 'fail', detail: err instanceof Error ? err.message : String(err) };
    }
  } else if ((res as unknown as { arc?: { error?: Error } }).arc?.error) {
    arcResult = { result: 'fail', detail: (res as unknown as { arc: { error: Error } }).arc.error.message };
  }
  return { signatures, arc: arcResult };
}

function toVerification(r: MailauthDkimResult): DkimVerification {
  const out: DkimVerification = {
    domain: (r.signingDomain ?? '').toLowerCase(),
    selector: r.selector ?? '',
    algorithm: (r.algo ?? '').toLowerCase(),
    result: 'neutral',
  };
  if (r.signature) out.bPrefix = r.signature.replace(/\s+/g, '').slice(0, 8);
  if (r.modulusLength) out.keyBits = r.modulusLength;
  if (r.rr) out.keyRecord = r.rr;
  if (typeof r.status.underSized === 'number' && r.status.underSized > 0)
    out.unsignedBodyBytes = r.status.underSized;
  const comment = r.status.comment ?? '';
  if (r.status.result === 'pass') {
    out.result = 'pass';
  } else if (r.status.result === 'policy') {
    out.result = 'policy';
    out.code = 'dkim.weak-key';
    out.detail = 'the RSA key is shorter than 1024 bits; receivers do not accept it (RFC 8301 §3.2)';
  } else {
    const fault = COMMENT_FAULTS.find((f) => comment.startsWith(f.match));
    if (fault) {
      out.result = fault.result;
      out.code = fault.code;
      out.detail = fault.code === 'dkim.dns-failure' ? `${fault.words} (${comment})` : fault.words;
    } else if (r.status.result === 'temperror') {
      out.result = 'temperror';
      out.code = 'dkim.dns-failure';
      out.detail = comment || 'DNS failure';
    } else {
      out.result = 'permerror';
      out.code = 'dkim.verify-error';
      out.detail = comment || 'the signature could not be verified';
    }
  }
  return out;
}

/**
 * mailauth 4.13.3 prints a debugging line ("TOTAL n EXPECTING m") with console.log when l= does
 * not match the body; that would corrupt --json output. Drop exactly that line while verifying.
 */
function muteMailauthDebugLine(): () => void {
  const original = console.log;
  console.log = (...args: unknown[]) => {
    if (args[0] === 'TOTAL' && args[2] === 'EXPECTING') return;
    original(...args);
  };
  return () => {
    console.log = original;
  };
}
