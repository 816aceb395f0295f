// DMARC tag tables as data. Sources: RFC 7489 §6.3 (tags, defaults), RFC 9989 §4.7 and its
// "Formal Definition" (p, sp, np, adkim, aspf, fo, rua, ruf, psd, t, v), RFC 9989's list of tags
// removed from RFC 7489 (pct, rf, ri). Tag names are case-insensitive (ABNF quoted strings, RFC 5234
// §2.3); of all values only v's "DMARC1" is case-sensitive (%s"DMARC1", RFC 7405).

export type DmarcMode = 'rfc9989' | 'rfc7489';

export type PolicyRequest = 'none' | 'quarantine' | 'reject';

/** Tags defined by RFC 9989 (v first). */
export const RFC9989_TAGS = ['v', 'p', 'sp', 'np', 'adkim', 'aspf', 'fo', 'rua', 'ruf', 'psd', 't'] as const;

/** Tags of RFC 7489 that RFC 9989 removed; older receivers still read them. */
export const REMOVED_TAGS = ['pct', 'rf', 'ri'] as const;

/** Every tag name bouncedoc recognises (used to spot a tag swallowed by a wrong separator). */
export const KNOWN_TAGS: ReadonlySet<string> = new Set<string>([...RFC9989_TAGS, ...REMOVED_TAGS]);

/** RFC 7489 defaults of the removed tags: writing them changes nothing. */
export const REMOVED_TAG_DEFAULTS: Readonly<Record<string, string>> = { pct: '100', rf: 'afrf', ri: '86400' };

/** Single-token values, compared case-insensitively (ABNF quoted strings). */
export const ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  p: ['none', 'quarantine', 'reject'],
  sp: ['none', 'quarantine', 'reject'],
  np: ['none', 'quarantine', 'reject'],
  adkim: ['r', 's'],
  aspf: ['r', 's'],
  psd: ['y', 'n', 'u'],
  t: ['y', 'n'],
  rf: ['afrf', 'iodef'], // RFC 7489 §6.3 (iodef via RFC 5070 registrations); removed by RFC 9989
};

/**
 * fo options, colon-separated (RFC 7489 §6.3). RFC 9989's prose keeps lists ("fo=0:d") while its
 * ABNF lists only 0, 1, d, s, d:s, s:d; the prose and RFC 7489 are followed, so "0:d" stays valid.
 */
export const FO_OPTIONS: readonly string[] = ['0', '1', 'd', 's'];

/** Plain words for each tag, used in messages. */
export const TAG_MEANING: Readonly<Record<string, string>> = {
  v: 'version',
  p: 'policy for the domain',
  sp: 'policy for subdomains',
  np: 'policy for non-existent subdomains',
  adkim: 'DKIM alignment mode',
  aspf: 'SPF alignment mode',
  fo: 'failure reporting options',
  rua: 'aggregate report addresses',
  ruf: 'failure report addresses',
  psd: 'public suffix domain flag',
  t: 'test mode',
  pct: 'percentage of mail the policy applies to',
  rf: 'failure report format',
  ri: 'aggregate report interval',
};
