// DKIM (RFC 6376, RFC 8463 ed25519) and ARC (RFC 8617) signature verification. The cryptography
// and canonicalization are mailauth 4.13's; this file adapts our Resolver to it and turns its
// results into our own words. mailauth reports most failed checks as "neutral" with a comment
// (see ../../../../shared/corpus/dkim/README.md); RFC 8601 §2.7.1 has fail / permerror / temperror
// for them, so the comment is mapped to a fault code and the RFC's result word.
import { createPublicKey } from 'node:crypto';
import type { arc as ArcFn } from 'mailauth/lib/arc/index.js';
import type { dkimVerify as DkimVerifyFn } from 'mailauth/lib/dkim/verify.js';
import type { Clock, Resolver } from '../../types.js';

/**
 * mailauth is loaded on the first verification, not at start-up: it costs ~0.3 s of CPU to load,
 * which every `bouncedoc` command (and every bounce that needs no DKIM check) would pay.
 */
let mailauth: Promise<{ dkimVerify: typeof DkimVerifyFn; arc: typeof ArcFn }> | undefined;
function loadMailauth() {
  mailauth ??= Promise.all([import('mailauth/lib/dkim/verify.js'), import('mailauth/lib/arc/index.js')]).then(
    ([d, a]) => ({ dkimVerify: d.dkimVerify, arc: a.arc }),
  );
  return mailauth;
}

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
  /** the key record's p= is a PKCS#1 RSAPublicKey rather than SubjectPublicKeyInfo (see mailauthResolver) */
  pkcs1Key?: boolean;
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

/**
 * Our Resolver as mailauth's `resolver(name, rrtype)`: node:dns answers, node:dns error codes.
 * RFC 6376 is inconsistent on the form of an RSA p= (RSAPublicKey in §3.6.1's k= text,
 * SubjectPublicKeyInfo in practice; erratum 3017 accepts both). mailauth accepts only the second,
 * so a PKCS#1 key is handed to it re-encoded as SubjectPublicKeyInfo and its name is noted in
 * `pkcs1Names`, so that the result can warn that some verifiers reject such a key.
 */
export function mailauthResolver(resolver: Resolver, pkcs1Names?: Set<string>) {
  return async (name: string, rrtype: string): Promise<string[][]> => {
    if (rrtype !== 'TXT') {
      const err = new Error(`${rrtype} not supported here`) as Error & { code: string };
      err.code = 'ENOTIMP';
      throw err;
    }
    const res = await resolver(name, 'TXT');
    if (res.rcode === 'NOERROR' && res.answers.length > 0) {
      return res.answers.map((a) => {
        const chunks = Array.isArray(a) ? a : [String(a)];
        const spki = pkcs1ToSpki(chunks.join(''));
        if (spki === undefined) return chunks;
        pkcs1Names?.add(name.toLowerCase());
        return [spki];
      });
    }
    const code = res.rcode === 'NOERROR' ? 'ENODATA' : (ERROR_CODES[res.rcode] ?? 'ESERVFAIL');
    const err = new Error(`${code} ${name}`) as Error & { code: string };
    err.code = code;
    throw err;
  };
}

/** A key record whose p= is a PKCS#1 RSAPublicKey, rewritten with p= as SubjectPublicKeyInfo. */
function pkcs1ToSpki(record: string): string | undefined {
  const pieces = record.split(';');
  const at = pieces.findIndex((piece) => {
    const eq = piece.indexOf('=');
    return eq > 0 && piece.slice(0, eq).trim() === 'p';
  });
  if (at < 0) return undefined;
  const value = pieces[at].slice(pieces[at].indexOf('=') + 1).replace(/\s+/g, '');
  if (value.length < 100 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  const der = Buffer.from(value, 'base64');
  try {
    createPublicKey({ key: der, format: 'der', type: 'spki' });
    return undefined; // already SubjectPublicKeyInfo
  } catch {
    // not SubjectPublicKeyInfo: try PKCS#1 below
  }
  try {
    const key = createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
    pieces[at] = ` p=${key.export({ format: 'der', type: 'spki' }).toString('base64')}`;
    return pieces.join(';');
  } catch {
    return undefined;
  }
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
  const { dkimVerify, arc } = await loadMailauth();
  const pkcs1Names = new Set<string>();
  const resolver = mailauthResolver(opts.resolver, pkcs1Names);
  const input = typeof message === 'string' ? Buffer.from(message, 'utf8') : Buffer.from(message);
  const curTime = (opts.clock ?? (() => new Date()))();
  const minBitLength = opts.minKeyBits ?? 1024;
  const restore = muteMailauthDebugLine();
  let res: Awaited<ReturnType<typeof DkimVerifyFn>>;
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
    .map(toVerification)
    .map((v) => keyRecordRules(v, pkcs1Names));
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

/**
 * Key record rules mailauth does not apply (RFC 6376 §3.6.1): s= service types must include
 * "email" or "*"; h= lists the hash algorithms the key may be used with. A signature whose key
 * record excludes it is as good as one without a key.
 */
function keyRecordRules(v: DkimVerification, pkcs1Names: Set<string>): DkimVerification {
  if (pkcs1Names.has(`${v.selector}._domainkey.${v.domain}`.toLowerCase())) v.pkcs1Key = true;
  if (v.result !== 'pass' || !v.keyRecord) return v;
  const tags = new Map<string, string>();
  for (const piece of v.keyRecord.split(';')) {
    const eq = piece.indexOf('=');
    if (eq > 0) tags.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const services = tags
    .get('s')
    ?.split(':')
    .map((x) => x.trim().toLowerCase());
  if (services && !services.includes('email') && !services.includes('*')) {
    return {
      ...v,
      result: 'permerror',
      code: 'dkim.key-not-for-email',
      detail: `the key record is for the service s=${tags.get('s')}, not e-mail; RFC 6376 §3.6.1 tells verifiers to ignore it`,
    };
  }
  const hashes = tags
    .get('h')
    ?.split(':')
    .map((x) => x.trim().toLowerCase());
  const sigHash = v.algorithm.split('-').pop() ?? '';
  if (hashes && sigHash && !hashes.includes(sigHash)) {
    return {
      ...v,
      result: 'permerror',
      code: 'dkim.key-hash-not-allowed',
      detail: `the key record allows only h=${tags.get('h')}, but the signature uses ${sigHash}`,
    };
  }
  return v;
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
