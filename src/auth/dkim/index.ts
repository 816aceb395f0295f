// DKIM key records (RFC 6376 §3.6, RFC 8463, RFC 8301): lint one record, or look a domain's up.
export {
  type DkimKey,
  type DkimKeyLint,
  type DkimKeyOptions,
  /** Lint one key record (TXT strings joined): findings with spans, and the corrected record. */
  lintDkimKey,
} from './key.js';
export {
  /** Look up and lint the given selectors, or try the common ones. */
  checkDkim,
  /** Look up and lint one selector. */
  checkDkimSelector,
  type DkimResult,
  type DkimSelectorResult,
} from './lookup.js';
export { decodeBase64, identifyKey, type KeyFormat, type PublicKeyInfo } from './public-key.js';
export { COMMON_SELECTORS, isValidSelector } from './selectors.js';
export { parseTagList, type Tag, type TagList } from './tag-list.js';
