// DMARC for the domain doctor and the message doctor (RFC 7489, RFC 9989).
// Public API of src/auth/dmarc; see each file for the rules and their sources.

export {
  /** Split a DMARC record into terms with character spans (strict or tolerant reading). Never throws. */
  parseDmarc,
  type DmarcTerm,
  type ParsedDmarc,
} from './parse.js';
export {
  /** Whether a TXT string is a DMARC record (starts with v=DMARC1 exactly). */
  isDmarcRecord,
  /** A receiver's reading of a record: effective p/sp/np, alignment modes, t, psd, pct, report URIs. */
  readDmarcRecord,
  type DmarcPolicyRecord,
} from './record.js';
export type { DmarcMode, PolicyRequest } from './tags.js';
export {
  /** Lint one record: findings with spans, validity, and the corrected record when unambiguous. */
  lintDmarcRecord,
  type DmarcLintOptions,
  type DmarcLintResult,
} from './lint.js';
export {
  /** The record in force for a domain and where it came from; DNS failure -> status temperror. */
  discoverDmarc,
  type DmarcDiscovery,
  type DmarcDiscoveryOptions,
} from './discover.js';
export {
  /** DMARC verdict for one message: result, requested policy, alignment of each identifier and why. */
  evaluateDmarc,
  type DmarcEvalInput,
  type DmarcEvalOptions,
  type DmarcEvaluation,
  type DkimIdentity,
  type IdentifierAlignment,
  type SpfIdentity,
} from './evaluate.js';
export {
  /** Organizational domain: RFC 9989 DNS tree walk (default) or RFC 7489 public suffix list. */
  organizationalDomain,
  /** The names an RFC 9989 tree walk asks about (at most 8). */
  treeWalkTargets,
  type OrgDomainResult,
} from './orgdomain.js';
export {
  /** Read a rua/ruf value into report URIs. */
  parseUriList,
  type ReportUri,
} from './uri.js';
export {
  /** Strict (identical) or relaxed (same organizational domain) alignment of two names. */
  identifiersAlign,
  type AlignResult,
} from './align.js';
export {
  /** The single author domain of a From header value ('' for none or several). */
  authorDomain,
} from './author.js';
