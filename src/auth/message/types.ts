// The message doctor's result: plain data for the CLI, the diagnosis chain and JSON output.
import type { Finding } from '../../types.js';
import type { Alignment } from './alignment.js';
import type { ArcSet } from './arc-sets.js';
import type { DkimSignatureInfo } from './dkim-signature.js';
import type { ReceivedHop } from './received.js';
import type { ReceiverView } from './receiver-view.js';

/** Where a result came from: our own evaluation, the receiver's header, or nowhere. */
export type ResultSource = 'evaluated' | 'receiver' | 'not-checked';

/** One authenticated (or not) identity: the MAIL FROM / HELO domain for SPF, a d= for DKIM. */
export interface IdentityCheck {
  method: 'spf' | 'dkim';
  /** the domain the result is about */
  domain: string;
  /** SPF: which identity was checked (RFC 7208 §2.3, §2.4) */
  scope?: 'mailfrom' | 'helo';
  /** DKIM: selector and algorithm */
  selector?: string;
  algorithm?: string;
  /** pass, fail, softfail, neutral, none, temperror, permerror, policy (weak key) */
  result: string;
  source: ResultSource;
  /** our fault code for a failure (e.g. "dkim.body-hash", "spf.not-permitted") */
  code?: string;
  /** what decided: the SPF mechanism, the DKIM fault in words, the receiver's comment */
  detail?: string;
  /** relation of the domain to the From domain (absent without a From domain) */
  alignment?: Alignment;
  /** passes AND aligns: this identity alone makes DMARC pass (HELO never counts) */
  counts: boolean;
  /** the sentence shown to a person */
  why: string;
}

export type DmarcResultWord = 'pass' | 'fail' | 'none' | 'temperror' | 'permerror' | 'unknown';

/** The DMARC verdict under one set of rules. */
export interface DmarcVerdict {
  mode: 'rfc9989' | 'rfc7489';
  result: DmarcResultWord;
  source: ResultSource;
  /** the policy requested for this message after p/sp/np and t=y (RFC 9989 §4.7) */
  policy?: 'none' | 'quarantine' | 'reject';
  /** what the receiver reports it did (from its header), when known */
  disposition?: string;
  /** where the policy record was found */
  policyDomain?: string;
  record?: string;
  adkim?: 'r' | 's';
  aspf?: 'r' | 's';
  why: string;
}

/** A place where the receiver's header and our evaluation disagree. */
export interface Difference {
  method: 'spf' | 'dkim' | 'dmarc';
  receiver: string;
  ours: string;
  /** likely reasons in plain words */
  why: string;
}

export interface MessageAudit {
  /** dns: we evaluated with a resolver; offline: only the headers were read */
  mode: 'dns' | 'offline';
  from: { domain?: string; addresses: string[] };
  /** the envelope sender: "" = the null sender "<>" of bounces */
  mailFrom?: {
    address: string;
    domain: string;
    source: 'given' | 'return-path' | 'received' | 'receiver-results';
  };
  ip?: {
    address: string;
    source: 'given' | 'received' | 'receiver-results';
    why: string;
    confident: boolean;
  };
  helo?: { name: string; source: 'given' | 'received' };
  received: ReceivedHop[];
  signatures: DkimSignatureInfo[];
  arc: { sets: ArcSet[]; faults: string[]; result?: string; detail?: string };
  receiver?: ReceiverView;
  /** SPF for the MAIL FROM identity (or the HELO identity when MAIL FROM is empty) */
  spf?: IdentityCheck;
  dkim: IdentityCheck[];
  /** RFC 9989 first (the default), then RFC 7489 */
  dmarc: DmarcVerdict[];
  differences: Difference[];
  /** one line: DMARC pass/fail and what happens to the message */
  verdict: string;
  /** why, naming the identities; absent when DMARC passes */
  rootCause?: { code: string; text: string };
  /** what to do, in order */
  fixes: string[];
  findings: Finding[];
  /** what could not be checked and why */
  unchecked: string[];
}

/** Options of auditMessage. */
export interface AuditOptions {
  resolver?: import('../../types.js').Resolver;
  /** the sending server's IP (else taken from the Received chain) */
  ip?: string;
  /** the HELO/EHLO name (else taken from the Received line) */
  helo?: string;
  /** the MAIL FROM address (else the Return-Path field); "" or "<>" for the null sender */
  mailFrom?: string;
  clock?: import('../../types.js').Clock;
  /** evaluate nothing in DNS: only what the headers show */
  offline?: boolean;
}
