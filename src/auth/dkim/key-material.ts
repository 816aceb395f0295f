// DKIM key-record linter: k= and p=, the key itself (RFC 6376 §3.6.1, RFC 8463 for Ed25519,
// RFC 8301 for key sizes). Decoding and identifying the key is public-key.ts's work.

import { type KeyLint, type Rebuild, RFC, type TagContext } from './key-lint.js';
import { KEY_TYPES, RSA_MAX_VERIFIED_BITS, RSA_MIN_BITS, RSA_RECOMMENDED_BITS } from './key-rules.js';
import { decodeBase64, identifyKey, type PublicKeyInfo } from './public-key.js';
import type { Tag } from './tag-list.js';

export function lintKeyTypeAndKey({ text, key, lint, rebuild, byName }: TagContext): void {
  const k = byName.get('k');
  const p = byName.get('p');
  let declared = k ? k.value : 'rsa';
  let knownType = (KEY_TYPES as readonly string[]).includes(declared);
  if (k && !knownType && (KEY_TYPES as readonly string[]).includes(declared.toLowerCase())) {
    lint.add(
      'dkim.key-type-case',
      'warning',
      `k=${declared}: key types are written in lower case; some verifiers do not recognise "${declared}".`,
      {
        record: text,
        span: [k.valueStart, k.valueEnd],
        fix: `Write k=${declared.toLowerCase()}.`,
      },
    );
    declared = declared.toLowerCase();
    knownType = true;
    rebuild.set('k', declared);
  }
  key.keyType = declared;

  if (!p) {
    lint.add(
      'dkim.no-key',
      'error',
      `The record has no p= tag, which is required (${RFC}); verifiers cannot use it.`,
      {
        record: text,
        fix: 'Publish the public key: p=<base64>.',
        repairable: false,
      },
    );
    return;
  }
  const raw = p.value.replace(/[ \t\r\n]+/g, '');
  if (raw === '') {
    key.revoked = true;
    if (lint.options.expected) {
      lint.add(
        'dkim.key-revoked',
        'error',
        'p= is empty: the key is revoked, so every signature with this selector fails.',
        {
          record: text,
          span: [p.nameStart, p.valueEnd],
          fix: 'Sign with a selector whose key is published, or publish the key for this one.',
          repairable: false,
        },
      );
    } else {
      lint.add(
        'dkim.key-revoked',
        'info',
        'p= is empty: this key has been revoked (a normal way to retire a selector).',
        {
          record: text,
          span: [p.nameStart, p.valueEnd],
        },
      );
    }
    return;
  }

  const decoded = decodeKeyValue(text, p, raw, lint);
  if (!decoded) return;
  rebuild.set('p', decoded.base64);
  const info = identifyKey(decoded.bytes);
  key.publicKey = info;
  const span: [number, number] = [p.valueStart, p.valueEnd];
  lintKeyMaterial(text, declared, knownType, k, info, span, lint, rebuild);
}

function lintKeyMaterial(
  text: string,
  declared: string,
  knownType: boolean,
  k: Tag | undefined,
  info: PublicKeyInfo,
  span: [number, number],
  lint: KeyLint,
  rebuild: Rebuild,
): void {
  const o = { record: text, span };
  if (info.format === 'private') {
    lint.add(
      'dkim.private-key',
      'error',
      'p= holds a PRIVATE key: anyone can now sign mail as this domain, and verifiers cannot use it as a public key.',
      {
        ...o,
        fix: 'Generate a new key pair at once, publish only its public key, and retire this selector.',
        repairable: false,
      },
    );
    return;
  }
  if (info.format === 'unknown') {
    lint.add(
      'dkim.key-invalid',
      'error',
      'p= is base64, but not a public key: it is damaged or truncated, so every signature with this selector fails.',
      {
        ...o,
        fix: 'Copy the whole public key again from the signing system.',
        repairable: false,
      },
    );
    return;
  }
  const actual = info.type ?? 'unknown';
  if (k && !knownType) {
    const guess = (KEY_TYPES as readonly string[]).includes(actual) ? actual : undefined;
    lint.add(
      'dkim.key-type-unknown',
      'error',
      `k=${declared} is not a key type; verifiers know "rsa" and "ed25519"${guess ? ` and p= holds an ${guess} key` : ''}.`,
      {
        record: text,
        span: [k.valueStart, k.valueEnd],
        fix: guess ? `Write k=${guess}.` : 'Write k=rsa or k=ed25519, as the key is.',
        repairable: guess !== undefined,
      },
    );
    if (!guess) return;
    rebuild.set('k', guess);
    declared = guess;
  } else if (declared !== actual && (KEY_TYPES as readonly string[]).includes(actual)) {
    const said = k ? `k=${declared}` : 'without k= (which means rsa)';
    lint.add(
      'dkim.key-type-mismatch',
      'error',
      `The record says ${said}, but p= holds an ${actual} key, so signatures cannot verify.`,
      {
        record: text,
        span: k ? [k.valueStart, k.valueEnd] : span,
        fix: `Write k=${actual}.`,
      },
    );
    rebuild.set('k', actual);
    declared = actual;
  } else if (!(KEY_TYPES as readonly string[]).includes(actual)) {
    lint.add(
      'dkim.key-type-unsupported',
      'error',
      `p= holds an ${actual} key; DKIM signs with rsa or ed25519 keys only.`,
      {
        ...o,
        fix: 'Generate an RSA (2048-bit) or Ed25519 key pair.',
        repairable: false,
      },
    );
    return;
  }

  if (actual === 'ed25519') {
    if (info.format === 'spki' && info.raw) {
      lint.add(
        'dkim.ed25519-spki',
        'error',
        'p= wraps the Ed25519 key in a SubjectPublicKeyInfo structure; RFC 8463 §4.2 wants the bare 32-byte key.',
        {
          ...o,
          fix: 'Publish the 32-byte key alone (the last 32 bytes of this structure).',
        },
      );
      rebuild.set('p', info.raw);
    }
    return;
  }

  if (info.format === 'pkcs1' && info.spki) {
    lint.add(
      'dkim.key-pkcs1',
      'warning',
      'p= holds a bare PKCS#1 RSAPublicKey. RFC 6376 is ambiguous here (erratum 3017); dkimpy and OpenDKIM accept it, but other verifiers (mailauth, for one) reject it. The SubjectPublicKeyInfo form works everywhere.',
      {
        ...o,
        fix: 'Publish the same key in SubjectPublicKeyInfo form (openssl rsa -pubout), as in the corrected record.',
      },
    );
    rebuild.set('p', info.spki);
  }
  const bits = info.bits;
  if (bits === undefined) return;
  if (bits < RSA_MIN_BITS) {
    lint.add(
      'dkim.key-too-short',
      'error',
      `The RSA key has ${bits} bits; RFC 8301 §3.2 forbids verifiers to accept keys under ${RSA_MIN_BITS} bits, so its signatures fail.`,
      {
        ...o,
        fix: `Generate a ${RSA_RECOMMENDED_BITS}-bit key pair and publish it under a new selector.`,
        repairable: false,
      },
    );
  } else if (bits < RSA_RECOMMENDED_BITS) {
    lint.add(
      'dkim.key-short',
      'warning',
      `The RSA key has ${bits} bits; RFC 8301 §3.2 asks for at least ${RSA_RECOMMENDED_BITS}, and some receivers already distrust 1024-bit keys.`,
      {
        ...o,
        fix: `Generate a ${RSA_RECOMMENDED_BITS}-bit key pair and publish it under a new selector.`,
        repairable: false,
      },
    );
  } else if (bits > RSA_MAX_VERIFIED_BITS) {
    lint.add(
      'dkim.key-long',
      'warning',
      `The RSA key has ${bits} bits; verifiers need only handle up to ${RSA_MAX_VERIFIED_BITS} (RFC 8301 §3.2), so some cannot check its signatures.`,
      {
        ...o,
        fix: `Use a ${RSA_RECOMMENDED_BITS}- to ${RSA_MAX_VERIFIED_BITS}-bit key.`,
        repairable: false,
      },
    );
  }
}

/**
 * Decodes p=, repairing what can be repaired (PEM armour, the URL-safe alphabet); reports what
 * cannot. Returns the key bytes, or undefined when there are none to read.
 */
function decodeKeyValue(
  text: string,
  p: Tag,
  raw: string,
  lint: KeyLint,
): { bytes: Buffer; base64: string } | undefined {
  const pem = /-----(?:BEGIN|END)[A-Z ]*-----/g;
  let b64: string;
  let decoded = decodeBase64(p.value);
  if (!decoded.ok && decoded.fault.kind === 'pem') {
    b64 = raw.replace(pem, '');
    lint.add(
      'dkim.key-pem',
      'error',
      'p= still carries the PEM armour lines ("-----BEGIN ... KEY-----"), which are not base64.',
      {
        record: text,
        span: [p.valueStart + decoded.fault.index, p.valueStart + decoded.fault.index + 5],
        fix: 'Keep only the base64 text between the BEGIN and END lines, without line breaks.',
      },
    );
    decoded = decodeBase64(b64);
  } else if (!decoded.ok && decoded.fault.kind === 'url-safe') {
    b64 = raw.replace(/-/g, '+').replace(/_/g, '/');
    lint.add(
      'dkim.key-url-safe',
      'error',
      'p= uses the URL-safe base64 alphabet ("-" and "_"); DKIM wants plain base64 ("+" and "/").',
      {
        record: text,
        span: [p.valueStart + decoded.fault.index, p.valueStart + decoded.fault.index + 1],
        fix: 'Replace "-" with "+" and "_" with "/".',
      },
    );
    decoded = decodeBase64(b64);
  }
  if (!decoded.ok) {
    const fault = decoded.fault;
    if (fault.kind === 'length') {
      lint.add(
        'dkim.key-truncated',
        'error',
        'p= is not complete base64: characters are missing (cut off when copied?), so no verifier can read the key.',
        {
          record: text,
          span: [p.valueStart, p.valueEnd],
          fix: 'Copy the whole public key again from the signing system.',
          repairable: false,
        },
      );
    } else {
      const at = p.valueStart + fault.index;
      lint.add(
        'dkim.key-base64',
        'error',
        `p= holds "${text[at] ?? ''}", which is not a base64 character; verifiers cannot read the key.`,
        {
          record: text,
          span: [at, at + 1],
          fix: 'Copy the public key again; it holds only A-Z, a-z, 0-9, "+", "/" and "=" at the end.',
          repairable: false,
        },
      );
    }
    return undefined;
  }
  if (decoded.missingPadding) {
    lint.add(
      'dkim.key-padding',
      'warning',
      'p= lacks its "=" padding at the end; lenient verifiers add it, strict ones reject the key.',
      {
        record: text,
        span: [p.valueEnd, p.valueEnd],
        fix: 'Add the missing "=" characters at the end of p=.',
      },
    );
  }
  return decoded;
}
