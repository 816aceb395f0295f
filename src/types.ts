// Shared vocabulary of bouncedoc: the plain data that flows between the stages
// read -> extract -> classify -> diagnose -> advise -> output (see DESIGN.md).
// Every stage takes and returns these values; nothing here has behaviour.

/** What kind of message an input turned out to be. */
export type ReportKind = 'bounce' | 'delay' | 'feedback' | 'autoreply' | 'not-bounce' | 'reply-text';

/** hard: the address is dead (suppress); soft: temporary (retry); block: refused because of sender/content. */
export type BounceType = 'hard' | 'soft' | 'block';

/** Who must act. */
export type Party = 'recipient' | 'sender' | 'content' | 'none';

/** User-facing groups (../shared/corpus/seed/errors.json plus recipient-restricted). */
export type Category =
  | 'recipient-domain'
  | 'recipient-address'
  | 'recipient-restricted'
  | 'mailbox-full'
  | 'content-blocked'
  | 'authentication'
  | 'sender-blocked'
  | 'rate-limited'
  | 'message-rejected'
  | 'temporary'
  | 'unknown';

/** Sisimai's reason vocabulary, kept so results stay comparable with Sisimai. */
export type Reason =
  | 'authfailure'
  | 'badreputation'
  | 'blocked'
  | 'contenterror'
  | 'delivered'
  | 'exceedlimit'
  | 'expired'
  | 'failedstarttls'
  | 'feedback'
  | 'filtered'
  | 'hasmoved'
  | 'hostunknown'
  | 'mailboxfull'
  | 'mailererror'
  | 'mesgtoobig'
  | 'networkerror'
  | 'norelaying'
  | 'notaccept'
  | 'notcompliantrfc'
  | 'onhold'
  | 'policyviolation'
  | 'rejected'
  | 'requireptr'
  | 'securityerror'
  | 'spamdetected'
  | 'speeding'
  | 'suppressed'
  | 'suspend'
  | 'syntaxerror'
  | 'systemerror'
  | 'systemfull'
  | 'toomanyconn'
  | 'undefined'
  | 'userunknown'
  | 'vacation'
  | 'virusdetected';

/** SMTP stage at which the reply came (RFC 5321 command names). */
export type SmtpCommand = 'CONN' | 'EHLO' | 'HELO' | 'STARTTLS' | 'AUTH' | 'MAIL' | 'RCPT' | 'DATA' | '';

// ---------------------------------------------------------------- read stage

/** One header field: name in lower case, value unfolded and RFC 2047-decoded. */
export interface HeaderField {
  name: string;
  value: string;
}

/** A leaf MIME part, decoded to text. */
export interface MessagePart {
  /** lower-case media type, e.g. "text/plain", "message/delivery-status" */
  contentType: string;
  headers: HeaderField[];
  /** transfer-decoded and charset-decoded content */
  content: string;
  filename?: string;
}

/**
 * A message as the extract stage sees it. Built by src/read from raw bytes; plain data so that
 * extractors are pure functions over it.
 */
export interface MailMessage {
  /** top-level header fields in order */
  headers: HeaderField[];
  /** readable body text: text/plain parts (or HTML converted to text) joined, decoded */
  text: string;
  /** all leaf parts in document order (including text parts) */
  parts: MessagePart[];
  /** content of message/delivery-status or message/global-delivery-status, when present */
  deliveryStatus?: string;
  /** content of message/feedback-report (RFC 5965), when present */
  feedbackReport?: string;
  /** the returned original message (message/rfc822, message/global, text/rfc822-headers), raw text */
  originalMessage?: string;
  /** the whole input as text (bytes read as UTF-8, falling back to latin1) */
  raw: string;
  /** set when the reader stopped at a limit (e.g. too many MIME parts): what was left unread */
  truncated?: string;
}

// ------------------------------------------------------------- extract stage

/** What an extractor found for one recipient, before classification. Field names follow RFC 3464. */
export interface RawRecipient {
  recipient: string;
  originalRecipient?: string;
  /** failed | delayed | delivered | relayed | expanded (RFC 3464 Action) */
  action?: string;
  /** enhanced status code as written, e.g. "5.1.1" */
  status?: string;
  /** SMTP reply code, e.g. "550" */
  replyCode?: string;
  /** the server's words, unfolded, without the "smtp;" type prefix */
  diagnosticCode?: string;
  smtpCommand?: SmtpCommand;
  remoteMta?: string;
  reportingMta?: string;
  lastAttemptDate?: string;
  /** RFC 3464 2.3.5 Will-Retry-Until: how long the sending server keeps trying a delayed message */
  willRetryUntil?: string;
  /** a reason the format itself states unambiguously (e.g. a carrier's fixed notice); a hint, not a verdict */
  reasonHint?: Reason;
  /** ARF Feedback-Type, for feedback reports */
  feedbackType?: string;
  /** an ESP webhook's own label for the event (e.g. "ses: Transient/General"): kept, never decisive */
  espLabel?: string;
  /**
   * The failed message was itself a bounce, sent to a mail system's address (MAILER-DAEMON@...):
   * a bounce sent with an address as its reverse-path instead of <> (src/extract/returned-bounce.ts).
   */
  returnedBounce?: true;
  /**
   * A challenge-response notice: the recipient's system holds the message until the sender
   * confirms (src/extract/autoreply.ts); an auto-reply, but the message is not delivered yet.
   */
  heldForConfirmation?: true;
}

/** The returned original message's key headers. */
export interface OriginalSummary {
  from?: string;
  to?: string;
  subject?: string;
  messageId?: string;
  date?: string;
}

/** The result of extracting one message. */
export interface Extraction {
  kind: ReportKind;
  /** detected format name, e.g. "rfc3464", "postfix", "exim", "reply-text" */
  format: string;
  recipients: RawRecipient[];
  original?: OriginalSummary;
  /** raw header block of the returned original message, for the diagnosis chain */
  originalHeaders?: string;
  /** mail server that wrote the bounce (Reporting-MTA or the like) */
  reportingMta?: string;
}

/**
 * One bounce format (a sending MTA's own notice). Adding a format = one file in
 * src/extract/formats/ implementing this + one line in src/extract/formats/registry.ts.
 */
export interface FormatExtractor {
  /** short stable name, e.g. "postfix" */
  name: string;
  /**
   * Cheap test on headers only (From, Subject, X-Mailer, Received...). Return true when the
   * message is very likely this format; extract() is tried first for those.
   */
  hint(msg: MailMessage): boolean;
  /** Full parse; returns null when the message is not this format after all. */
  extract(msg: MailMessage): Extraction | null;
}

// ------------------------------------------------------------ classify stage

/** What the classifier concluded for one recipient. */
export interface Classification {
  reason: Reason;
  category: Category;
  bounceType: BounceType;
  party: Party;
  /** Sisimai-compatible: true for a permanent recipient-side failure */
  hardbounce: boolean;
  /** enhanced status, normalised (may be derived when the bounce had none, e.g. "5.0.910") */
  status: string;
  replyCode: string;
  /** receiving provider recognised from the text or remote MTA, e.g. "google", "microsoft" */
  provider?: string;
  /**
   * The key of the advice text to give instead of the reason's (a key of ADVICE_BY_PROVIDER_CODE):
   * a provider's own code when a provider rule decided ("TSS04", "S3140", "5.7.26"), or the key a
   * phrase table or the classifier sets for words that need their own advice ("greylisted",
   * "mail-loop", "unknown-unconfirmed").
   */
  providerCode?: string;
  /** short notes on which evidence decided (for --explain output and debugging) */
  evidence: string[];
}

/** Context a classifier may use besides the recipient fields. */
export interface ClassifyContext {
  kind: ReportKind;
  format: string;
}

// -------------------------------------------------------------- advise stage

/**
 * Where the delivery stands, from the report: the recipient's RFC 3464 Action first, then the
 * report's kind (derived once, in src/advise deliveryStage).
 * - retrying: a delay notice (Action: delayed): the sending server keeps the message.
 * - final: a bounce (Action: failed) - the sending server has given up: its retries (RFC 5321
 *   section 4.5.4.1) came before the bounce, none come after it - or a bare permanent (5xx)
 *   reply, which the sending server does not repeat (RFC 5321 section 4.2.1).
 * - open: not known (a bare transient reply, or no context given).
 */
export type DeliveryStage = 'retrying' | 'final' | 'open';

/**
 * What a generic advice step is about, so that the diagnosis can leave out the steps a named root
 * cause contradicts (src/diagnose/advice.ts) without reading their words. A closed set: only the
 * subjects some cause rules out; a step about none of them has no topic.
 * - spf: the sender domain's own SPF record and the servers it lists
 * - dkim: DKIM signing for the From domain
 * - authentication: SPF, DKIM and DMARC together (make them pass, or align)
 * - free-mail-from: a From address on someone else's domain (a free mail provider)
 * - run-check: running `bouncedoc check` on the sender's domain
 */
export type StepTopic = 'spf' | 'dkim' | 'authentication' | 'free-mail-from' | 'run-check' | 'blocklist';

export interface Advice {
  /** one line a support agent understands, e.g. "The recipient's address does not exist" */
  summary: string;
  /** what to do, in order */
  steps: string[];
  /** what each step is about: stepTopics[i] for steps[i], null for a step with no topic */
  stepTopics: (StepTopic | null)[];
  retry: {
    /** whether sending the same message again can succeed without a change */
    advised: boolean;
    /** when, in words (e.g. "the sending server retries for up to 5 days; no action needed") */
    when: string;
  };
  /**
   * Where the delivery stands. The advice texts and the retry advice were chosen for it, and the
   * outputs read it (e.g. the terminal's type line) instead of deciding it again.
   */
  stage: DeliveryStage;
}

// ------------------------------------------------------------ final results

/** One failed (or delayed, complained-about...) recipient, fully explained. */
export interface RecipientResult {
  recipient: string;
  originalRecipient?: string;
  action?: string;
  status: string;
  replyCode: string;
  diagnosticCode?: string;
  smtpCommand?: SmtpCommand;
  remoteMta?: string;
  reportingMta?: string;
  lastAttemptDate?: string;
  /** RFC 3464 2.3.5 Will-Retry-Until, for a delayed recipient */
  willRetryUntil?: string;
  reason: Reason;
  category: Category;
  bounceType: BounceType;
  party: Party;
  hardbounce: boolean;
  feedbackType?: string;
  provider?: string;
  /** the ESP's own label, for webhook input */
  espLabel?: string;
  /**
   * set when the ESP's label contradicts the evidence (which one bouncedoc followed, and why), or
   * when the payload holds no server evidence and the label decided
   */
  note?: string;
  advice: Advice;
  /** the root cause and the one fix, from the diagnosis chain (src/diagnose) */
  diagnosis?: Diagnosis;
}

/** The diagnosis chain's answer for one result: the named root cause and the one fix. */
export interface Diagnosis {
  /** the named cause, e.g. "dmarc-record-broken", "foreign-from-domain", "recipient-typo" */
  code: string;
  /** the root cause in plain words */
  rootCause: string;
  /** the one thing to change */
  fix: string;
  /** further steps, in order */
  steps: string[];
  /** the record to publish instead, when the cause is a DNS record */
  correctedRecord?: { name: string; record?: string; fixed: string };
  /** who has to act for this cause */
  party: 'sender' | 'recipient' | 'esp' | 'ip-owner' | 'forwarder';
  /**
   * How sure the named cause is: `confirmed` when the evidence it needs was checked (DNS answered,
   * or the headers or the reply itself show it); `likely` when it is inferred without that evidence
   * (offline, DNS did not answer: see notChecked). Absent for `undetermined`.
   */
  confidence?: 'confirmed' | 'likely';
  /** what was looked at, and what could not be (offline, DNS did not answer, no headers) */
  checked: string[];
  notChecked: string[];
}

/** The report for one input. */
export interface ExplainReport {
  /** file name or "-" for stdin; set by the caller (CLI/server) */
  source?: string;
  kind: ReportKind;
  format: string;
  original?: OriginalSummary;
  reportingMta?: string;
  results: RecipientResult[];
  /** raw header block of the original message, when the bounce carried one */
  originalHeaders?: string;
  /** the bounce message's own Date header (RFC 5322 3.6.1), when the input is a message */
  date?: string;
  /** set when a size limit cut the input: what was left out (never silently) */
  truncated?: string;
  /**
   * what the input is when it holds nothing to explain and its kind alone would not say it, e.g.
   * a JSON document that is no known ESP webhook payload (kind 'not-bounce', format 'json')
   */
  note?: string;
}

// ------------------------------------------------------------------- DNS

export type RRType = 'A' | 'AAAA' | 'MX' | 'TXT' | 'PTR' | 'CNAME' | 'NS' | 'SOA' | 'SPF';

export interface MxRecord {
  priority: number;
  exchange: string;
}

/** TXT answers keep their character-strings apart so that multi-string faults can be seen. */
export type DnsRecordData = string | string[] | MxRecord;

/**
 * The outcome of one DNS question. NODATA is rcode NOERROR with no answers. TIMEOUT and
 * SERVFAIL must be reported as "could not check", never as "no record".
 */
export interface DnsResult {
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED' | 'TIMEOUT' | 'ERROR';
  /**
   * A/AAAA/PTR/CNAME/NS: string; TXT/SPF: string[] (the character-strings of one record);
   * MX: MxRecord.
   */
  answers: DnsRecordData[];
  /** set when a CNAME was followed: the canonical name */
  canonicalName?: string;
}

/** The injected DNS dependency: every check takes one of these. */
export type Resolver = (name: string, type: RRType) => Promise<DnsResult>;

/** The injected clock. */
export type Clock = () => Date;

// --------------------------------------------------------------- findings

export type Severity = 'error' | 'warning' | 'info';

/** A fault or note about a DNS record or message, returned as a value (never thrown). */
export interface Finding {
  /** stable machine code, e.g. "dmarc.tag-separator" */
  code: string;
  severity: Severity;
  message: string;
  /** what to do, in plain words */
  fix?: string;
  /** the record text the finding is about */
  record?: string;
  /** [start, end) character offsets of the fault within `record` */
  span?: [number, number];
  /** the corrected record, when one can be proposed */
  fixed?: string;
}
