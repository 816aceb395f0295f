// SPF (RFC 7208) data: parsed terms, check_host() results, lint results.
import type { Finding } from '../../types.js';

export type SpfQualifier = '+' | '-' | '~' | '?';
export type SpfMechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';
export type SpfResult = 'none' | 'neutral' | 'pass' | 'fail' | 'softfail' | 'temperror' | 'permerror';

interface TermBase {
  /** the term as written */
  text: string;
  /** [start, end) of the term within the record */
  span: [number, number];
}

export interface SpfMechanism extends TermBase {
  kind: 'mechanism';
  qualifier: SpfQualifier;
  /** whether the qualifier was written (`+a` vs `a`) */
  explicitQualifier: boolean;
  name: SpfMechanismName;
  /** include, exists, a, mx, ptr: the domain-spec as written (may hold macros) */
  domainSpec?: string;
  /** ip4, ip6: the address part */
  ip?: string;
  /** a, mx, ip4: prefix length for IPv4 */
  cidr4?: number;
  /** a, mx, ip6: prefix length for IPv6 */
  cidr6?: number;
}

export interface SpfModifier extends TermBase {
  kind: 'modifier';
  /** lower case: redirect, exp, or an unknown modifier's name */
  name: string;
  value: string;
}

export type SpfTerm = SpfMechanism | SpfModifier;

export interface SpfSyntaxError {
  /** stable code, e.g. "spf.unknown-mechanism" */
  code: string;
  message: string;
  /** [start, end) within the record */
  span: [number, number];
}

export interface ParsedSpf {
  record: string;
  terms: SpfTerm[];
  /** any error makes check_host() return permerror (RFC 7208 §4.6) */
  errors: SpfSyntaxError[];
  redirect?: SpfModifier;
  exp?: SpfModifier;
}

/** One step of an evaluation, for --explain style output. */
export interface SpfTraceStep {
  domain: string;
  /** the term or action, e.g. "include:_spf.example.com" or "TXT example.com" */
  step: string;
  outcome: string;
}

export interface SpfCheckResult {
  result: SpfResult;
  /** exp= text on fail (expanded), when the domain gave one */
  explanation?: string;
  /** the term that decided (with the domain whose record held it) */
  mechanism?: { domain: string; term: string };
  /** why the result is permerror/temperror/none */
  problem?: string;
  /** DNS-querying terms evaluated (limit 10) */
  lookups: number;
  /** DNS lookups that returned NXDOMAIN or no answers (limit 2) */
  voidLookups: number;
  trace: SpfTraceStep[];
}

/** One node of the lint lookup tree: a DNS-querying term and what it pulled in. */
export interface SpfLookupNode {
  /** the term as written, e.g. "include:_spf.google.com"; the root is "domain" */
  term: string;
  /** the domain asked about (target of include/redirect/a/mx...) */
  domain: string;
  /** DNS-querying terms this term costs itself (1) plus its subtree */
  lookups: number;
  /** running count of DNS-querying terms after this term, in evaluation order */
  runningTotal: number;
  /** what DNS said, e.g. "NOERROR", "NXDOMAIN", "TIMEOUT", "no SPF record" */
  status: string;
  /** the SPF record found at an include/redirect target */
  record?: string;
  children: SpfLookupNode[];
  /** addresses/MX names looked up for a/mx/ptr */
  names?: number;
  void?: boolean;
  loop?: boolean;
}

export interface SpfRecordFound {
  /** the record's character-strings as published */
  strings: string[];
  /** the strings joined without separator (RFC 7208 §3.3) */
  text: string;
}

export interface SpfLintResult {
  domain: string;
  /** every TXT record at the domain that starts like an SPF record */
  records: SpfRecordFound[];
  /**
   * the published record that was checked: the single v=spf1 record, or the record meant as SPF
   * when none is valid (its text faults repaired before the term checks); unset for several records
   */
  record?: string;
  findings: Finding[];
  tree?: SpfLookupNode;
  /** DNS-querying terms through includes and redirects (limit 10) */
  lookups: number;
  voidLookups: number;
  /** ok: no error or warning; warning: warnings only; error: receivers fail or permerror; unknown: DNS could not be asked */
  verdict: 'ok' | 'warning' | 'error' | 'unknown';
  /** the corrected record, when one could be proposed */
  fixed?: string;
  /** what receivers conclude for mail from an unlisted server when that is fixed by the record (none, permerror, temperror) */
  receiverResult?: SpfResult;
}
