// SPF (RFC 7208): parse, evaluate (check_host), lint.
export {
  type CheckHostOptions,
  /** check_host(ip, domain, sender, { resolver, helo, receivingHost?, clock? }) of RFC 7208 §4; never throws. */
  checkHost,
  /** check_host() for MAIL FROM, or for postmaster@<helo> when MAIL FROM is empty. */
  checkSender,
  /** RFC 7208 §4.3 domain validity (multi-label, labels 1-63, <= 253, no literal). */
  isValidDomain,
  /** The RFC 7208 §4.6.4 processing limits. */
  SPF_LIMITS,
} from './evaluate.js';
export {
  type LintSpfOptions,
  /** Lint a domain's SPF: records, findings with spans and fixes, the lookup tree, counts, verdict. */
  lintSpf,
} from './lint.js';
export {
  /** Whether a TXT text is an SPF record: "v=spf1" (any case) then a space or the end. */
  isSpfRecord,
  /** Parse a joined SPF record into terms with spans plus syntax errors with positions. */
  parseSpf,
} from './parse.js';
export type * from './types.js';
