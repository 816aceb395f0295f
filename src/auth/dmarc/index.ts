// DMARC for the domain doctor and the message doctor (RFC 7489, RFC 9989).
// Public API of src/auth/dmarc; see each file for the rules and their sources.
//
//   domain doctor:  const d = await discoverDmarc('example.com', { resolver });
//                   d.status ('found' | 'none' | 'multiple' | 'temperror'), d.record, d.location,
//                   d.source, d.policy, d.findings (record lint + DNS-level findings), d.lint.fixed
//   one record:     lintDmarcRecord(text, { mode, presentation }) -> { valid, findings, fixed }
//   message doctor: await evaluateDmarc({ fromDomain, spf: [{ domain, result, scope }], dkim: [{ domain,
//                   result, selector }] }, { resolver, mode }) -> result, policy, alignment, identifiers[].why
// mode is 'rfc9989' (DNS tree walk; default) or 'rfc7489' (public suffix list via tldts, pct honoured).

export {
  type AlignResult,
  /** Strict (identical) or relaxed (same organizational domain) alignment of two names. */
  identifiersAlign,
} from './align.js';
export {
  /** The single author domain of a From header value ('' for none or several). */
  authorDomain,
} from './author.js';
export {
  /** Every DMARC finding code with the rule behind it. */
  DMARC_CODES,
  type DmarcCodeInfo,
} from './codes.js';
export {
  type DmarcDiscovery,
  type DmarcDiscoveryOptions,
  /** The record in force for a domain and where it came from; DNS failure -> status temperror. */
  discoverDmarc,
} from './discover.js';
export {
  type DkimIdentity,
  type DmarcEvalInput,
  type DmarcEvalOptions,
  type DmarcEvaluation,
  /** DMARC verdict for one message: result, requested policy, alignment of each identifier and why. */
  evaluateDmarc,
  type IdentifierAlignment,
  type SpfIdentity,
} from './evaluate.js';
export {
  type DmarcLintOptions,
  type DmarcLintResult,
  /** Lint one record: findings with spans, validity, and the corrected record when unambiguous. */
  lintDmarcRecord,
} from './lint.js';
export {
  type OrgDomainResult,
  /** Organizational domain: RFC 9989 DNS tree walk (default) or RFC 7489 public suffix list. */
  organizationalDomain,
  /** The names an RFC 9989 tree walk asks about (at most 8). */
  treeWalkTargets,
} from './orgdomain.js';
export {
  type DmarcTerm,
  type ParsedDmarc,
  /** Split a DMARC record into terms with character spans (strict or tolerant reading). Never throws. */
  parseDmarc,
} from './parse.js';
export {
  type DmarcPolicyRecord,
  /** Whether a TXT string is a DMARC record (starts with v=DMARC1 exactly). */
  isDmarcRecord,
  /** A receiver's reading of a record: effective p/sp/np, alignment modes, t, psd, pct, report URIs. */
  readDmarcRecord,
} from './record.js';
export type { DmarcMode, PolicyRequest } from './tags.js';
export {
  /** Read a rua/ruf value into report URIs. */
  parseUriList,
  type ReportUri,
} from './uri.js';
