// Facts about DKIM key-record tags used by the key linter, as data, each with its source.

/** Tags a key record may carry (RFC 6376 §3.6.1), plus g= of RFC 4871 (removed by RFC 6376). */
export const KEY_TAGS = ['v', 'h', 'k', 'n', 'p', 's', 't', 'g'] as const;

/** Key types with a registered signing algorithm: rsa (RFC 6376), ed25519 (RFC 8463). */
export const KEY_TYPES = ['rsa', 'ed25519'] as const;

/** Hash algorithms for h=: RFC 6376 §3.6.1; RFC 8301 §3.1 forbids signing or verifying with sha1. */
export const KNOWN_HASHES = ['sha1', 'sha256'] as const;
export const FORBIDDEN_HASHES = ['sha1'] as const;

/** Service types for s= under which the key may sign mail (RFC 6376 §3.6.1). */
export const EMAIL_SERVICES = ['*', 'email'] as const;

/**
 * RSA key sizes (RFC 8301 §3.2): verifiers MUST NOT accept keys under 1024 bits; signers SHOULD
 * use at least 2048; verifiers need only handle up to 4096.
 */
export const RSA_MIN_BITS = 1024;
export const RSA_RECOMMENDED_BITS = 2048;
export const RSA_MAX_VERIFIED_BITS = 4096;

/** Longest record text the linter reads; a real 4096-bit key record is under 800 characters. */
export const MAX_KEY_RECORD_LENGTH = 8192;
