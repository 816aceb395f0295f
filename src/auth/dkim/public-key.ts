// The p= value of a DKIM key record: base64 (RFC 6376 §3.6.1, whitespace allowed inside) of a
// public key whose encoding the k= tag names. node:crypto does the DER parsing.
//
// RSA: RFC 6376 is inconsistent. §3.6.1 (k=) says an RSAPublicKey (PKCS#1), while the key-record
// example in Appendix C and every major signer publish a SubjectPublicKeyInfo (SPKI); erratum 3017
// asks to allow both. Verifiers differ: dkimpy and OpenDKIM accept both, mailauth and others accept
// SPKI only. So SPKI is the form that works everywhere and PKCS#1 is worth a warning.
// Ed25519: RFC 8463 §4.2 makes p= the raw 32-byte public key, not an SPKI structure.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

export type Base64Fault =
  /** a character that is not base64 (index into the value) */
  | { kind: 'bad-char'; index: number }
  /** "-" and "_": the URL-safe alphabet (RFC 4648 §5) instead of base64's "+" and "/" */
  | { kind: 'url-safe'; index: number }
  /** PEM armour ("-----BEGIN PUBLIC KEY-----") pasted along with the key */
  | { kind: 'pem'; index: number }
  /** the length is impossible for base64: characters are missing */
  | { kind: 'length' };

export type Base64Decoded =
  | { ok: true; bytes: Buffer; base64: string; missingPadding: boolean }
  | { ok: false; fault: Base64Fault };

const B64_CHAR = /[A-Za-z0-9+/]/;
const WSP = /[ \t\r\n]/;

/** Decodes a p= value strictly: whitespace may appear anywhere, "=" only at the end. */
export function decodeBase64(value: string): Base64Decoded {
  const pem = value.indexOf('-----');
  if (pem !== -1) return { ok: false, fault: { kind: 'pem', index: pem } };
  let compact = '';
  let padding = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (WSP.test(c)) continue;
    if (c === '=') {
      padding++;
      compact += c;
      continue;
    }
    if (padding > 0 || !B64_CHAR.test(c)) {
      if (padding === 0 && (c === '-' || c === '_'))
        return { ok: false, fault: { kind: 'url-safe', index: i } };
      return { ok: false, fault: { kind: 'bad-char', index: i } };
    }
    compact += c;
  }
  if (padding > 2) return { ok: false, fault: { kind: 'length' } };
  let base64 = compact;
  let missingPadding = false;
  if (base64.length % 4 !== 0) {
    // data length mod 4 of 1 can never be base64; 2 or 3 is padding left out
    const data = base64.length - padding;
    if (padding > 0 || data % 4 === 1) return { ok: false, fault: { kind: 'length' } };
    base64 += '='.repeat(4 - (data % 4));
    missingPadding = true;
  }
  return { ok: true, bytes: Buffer.from(base64, 'base64'), base64, missingPadding };
}

export type KeyFormat =
  /** SubjectPublicKeyInfo DER: the form that every verifier takes (for RSA) */
  | 'spki'
  /** PKCS#1 RSAPublicKey DER */
  | 'pkcs1'
  /** 32 raw bytes: an Ed25519 public key as RFC 8463 wants it */
  | 'raw-ed25519'
  /** a private key (PKCS#8 or PKCS#1): published by mistake, the key pair is compromised */
  | 'private'
  /** none of these */
  | 'unknown';

export interface PublicKeyInfo {
  format: KeyFormat;
  /** node's asymmetricKeyType: "rsa", "ed25519", "ec"... */
  type?: string;
  /** RSA modulus length */
  bits?: number;
  /** the key as base64 SPKI DER, for a PKCS#1 RSA key (the form to publish instead) */
  spki?: string;
  /** the key as 32 raw bytes in base64, for an Ed25519 key wrapped in SPKI */
  raw?: string;
}

// DER header of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4): SEQUENCE, AlgorithmIdentifier
// id-Ed25519 (1.3.101.112), BIT STRING of 33 bytes (no unused bits) holding the 32-byte key.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Identifies the key in p= bytes. Never throws. */
export function identifyKey(bytes: Buffer): PublicKeyInfo {
  if (bytes.length === 32) return { format: 'raw-ed25519', type: 'ed25519' };
  const spki = tryPublic(bytes, 'spki');
  if (spki) {
    const type = spki.asymmetricKeyType;
    const info: PublicKeyInfo = { format: 'spki', type };
    if (type === 'rsa') info.bits = spki.asymmetricKeyDetails?.modulusLength;
    if (type === 'ed25519') info.raw = bytes.subarray(ED25519_SPKI_PREFIX.length).toString('base64');
    return info;
  }
  // before PKCS#1 public: node derives a public key from a private one when asked for pkcs1
  for (const type of ['pkcs8', 'pkcs1'] as const) {
    try {
      const key = createPrivateKey({ key: bytes, format: 'der', type });
      return { format: 'private', type: key.asymmetricKeyType };
    } catch {
      // not this encoding
    }
  }
  const pkcs1 = tryPublic(bytes, 'pkcs1');
  if (pkcs1) {
    return {
      format: 'pkcs1',
      type: 'rsa',
      bits: pkcs1.asymmetricKeyDetails?.modulusLength,
      spki: pkcs1.export({ type: 'spki', format: 'der' }).toString('base64'),
    };
  }
  return { format: 'unknown' };
}

function tryPublic(bytes: Buffer, type: 'spki' | 'pkcs1'): KeyObject | undefined {
  try {
    return createPublicKey({ key: bytes, format: 'der', type });
  } catch {
    return undefined;
  }
}
