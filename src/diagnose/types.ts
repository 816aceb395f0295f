// What the diagnosis chain attaches to a result: the one named root cause and the one fix.
import type { DomainCheck } from '../auth/domain.js';
import type { MessageAudit } from '../auth/message/index.js';
import type { SpfLintResult } from '../auth/spf/index.js';
import type { Diagnosis, RecipientResult } from '../types.js';

export type DiagnosisCode =
  | 'foreign-from-domain'
  | 'esp-unaligned'
  | 'dmarc-record-broken'
  | 'dmarc-missing'
  | 'dmarc-unaligned'
  | 'spf-fail'
  | 'spf-permerror'
  | 'forwarding'
  | 'no-ptr'
  | 'blocklisted-ip'
  | 'recipient-typo'
  | 'recipient-domain-missing'
  | 'recipient-domain-no-mail'
  | 'recipient-address-unknown'
  | 'recipient-legacy-exchange'
  | 'undetermined';

/** How sure a named cause is (see Diagnosis.confidence). */
export type Confidence = NonNullable<Diagnosis['confidence']>;

/**
 * A Diagnosis whose code is one of the named causes. Every named cause says how sure it is: a cause
 * that needs DNS evidence is `likely` (and worded so) when DNS was not checked.
 */
export type ChainDiagnosis = Diagnosis &
  (
    | { code: Exclude<DiagnosisCode, 'undetermined'>; confidence: Confidence }
    | { code: 'undetermined'; confidence?: undefined }
  );

/** Everything gathered about a sender-side failure, before a cause is named. */
export interface SenderEvidence {
  result: RecipientResult;
  /** the server's words, lower case */
  text: string;
  fromDomain?: string;
  mailFromDomain?: string;
  audit?: MessageAudit;
  /** the domain doctor on the From domain */
  fromCheck?: DomainCheck;
  /** SPF of the envelope (MAIL FROM) domain when it differs from the From domain */
  envelopeSpf?: SpfLintResult;
  /** the envelope domain's TXT question got NXDOMAIN: the DNS asked says the domain does not exist */
  envelopeMissing?: boolean;
  /** the sending IP, from the bounce text or the original headers */
  ip?: { address: string; source: string };
  ptr?: PtrCheck;
  /** true when DNS was not used */
  offline: boolean;
  checked: string[];
  notChecked: string[];
}

export interface PtrCheck {
  /** NOERROR, NXDOMAIN, TIMEOUT ... of the PTR question */
  rcode: string;
  names: string[];
  /** a PTR name whose A/AAAA holds the IP again (forward-confirmed reverse DNS) */
  confirmedName?: string;
}

/** A named cause: returns its diagnosis when the evidence shows it, else undefined. */
export type Cause = (e: SenderEvidence) => ChainDiagnosis | undefined;
