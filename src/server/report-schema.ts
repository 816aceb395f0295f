// The JSON Schemas of the explain report (OpenAPI 3.1 components), built from the types in
// src/types.ts so that they cannot drift apart unseen: every field of a type must be described
// (optional ones marked so), none may be added, and every closed set of values is listed in full,
// all checked by the compiler. Each object schema is closed (additionalProperties: false), so that
// test/server/openapi-responses.test.ts fails on a field the code sends but the schema lacks.
import type { Confidence, DiagnosisCode } from '../diagnose/types.js';
import type {
  Advice,
  BounceType,
  Category,
  DeliveryStage,
  Diagnosis,
  ExplainReport,
  OriginalSummary,
  Party,
  Reason,
  RecipientResult,
  ReportKind,
  SmtpCommand,
  StepTopic,
} from '../types.js';

/** The part of JSON Schema these components use. */
export interface Schema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'boolean';
  description?: string;
  /** (null among them for a value that may be null: JSON Schema's enum takes any JSON value) */
  enum?: readonly (string | null)[];
  items?: Schema;
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: readonly string[];
  additionalProperties?: boolean;
  /** (keeps an optional field from passing for a required one, see Fields) */
  optional?: never;
}

/** A field the type marks optional (`name?:`): described, but not listed in `required`. */
interface Optional {
  optional: Schema;
}

export function optional(schema: Schema): Optional {
  return { optional: schema };
}

/** The keys of T that may be absent. */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/** One schema per field of T, no more and no less: optional fields wrapped in optional(). */
export type Fields<T> = { [K in keyof T]-?: K extends OptionalKeys<T> ? Optional : Schema };

/** A closed object schema for T: its required fields are those not wrapped in optional(). */
export function objectOf<T>(description: string, fields: Fields<T>): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(fields as Record<string, Schema | Optional>)) {
    if ('optional' in field && field.optional) properties[name] = field.optional;
    else {
      properties[name] = field as Schema;
      required.push(name);
    }
  }
  return { type: 'object', description, properties, required, additionalProperties: false };
}

/**
 * The members of a string union, as an enum. The Record makes the compiler check the list against
 * the union both ways: a member missing here or one the union does not have fails `tsc`.
 */
export function members<T extends string>(all: Record<T, true>): T[] {
  return Object.keys(all) as T[];
}

const text: Schema = { type: 'string' };
const texts: Schema = { type: 'array', items: text };
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const closedSet = <T extends string>(description: string, all: Record<T, true>): Schema => ({
  type: 'string',
  description,
  enum: members(all),
});

const REPORT_KINDS = members<ReportKind>({
  bounce: true,
  delay: true,
  feedback: true,
  autoreply: true,
  'not-bounce': true,
  'reply-text': true,
});

const BOUNCE_TYPES = members<BounceType>({ hard: true, soft: true, block: true });

const PARTIES = members<Party>({ recipient: true, sender: true, content: true, none: true });

const CATEGORIES = members<Category>({
  'recipient-domain': true,
  'recipient-address': true,
  'recipient-restricted': true,
  'mailbox-full': true,
  'content-blocked': true,
  authentication: true,
  'sender-blocked': true,
  'rate-limited': true,
  'message-rejected': true,
  temporary: true,
  unknown: true,
});

const REASONS = members<Reason>({
  authfailure: true,
  badreputation: true,
  blocked: true,
  contenterror: true,
  delivered: true,
  exceedlimit: true,
  expired: true,
  failedstarttls: true,
  feedback: true,
  filtered: true,
  hasmoved: true,
  hostunknown: true,
  mailboxfull: true,
  mailererror: true,
  mesgtoobig: true,
  networkerror: true,
  norelaying: true,
  notaccept: true,
  notcompliantrfc: true,
  onhold: true,
  policyviolation: true,
  rejected: true,
  requireptr: true,
  securityerror: true,
  spamdetected: true,
  speeding: true,
  suppressed: true,
  suspend: true,
  syntaxerror: true,
  systemerror: true,
  systemfull: true,
  toomanyconn: true,
  undefined: true,
  userunknown: true,
  vacation: true,
  virusdetected: true,
});

const SMTP_COMMANDS = members<SmtpCommand>({
  CONN: true,
  EHLO: true,
  HELO: true,
  STARTTLS: true,
  AUTH: true,
  MAIL: true,
  RCPT: true,
  DATA: true,
  '': true,
});

const DIAGNOSIS_CODES = members<DiagnosisCode>({
  'foreign-from-domain': true,
  'esp-unaligned': true,
  'dmarc-record-broken': true,
  'dmarc-missing': true,
  'dmarc-unaligned': true,
  'spf-fail': true,
  'spf-permerror': true,
  forwarding: true,
  'no-ptr': true,
  'blocklisted-ip': true,
  'recipient-typo': true,
  'recipient-domain-missing': true,
  'recipient-domain-no-mail': true,
  'recipient-address-unknown': true,
  'recipient-legacy-exchange': true,
  undetermined: true,
});

const original = objectOf<OriginalSummary>("The returned original message's key headers", {
  from: optional(text),
  to: optional(text),
  subject: optional(text),
  messageId: optional(text),
  date: optional(text),
});

// The values of two advice fields and what each means (see src/types.ts). Records, so that a value
// added to the type but not described here is a type error.
const STAGES: Record<DeliveryStage, string> = {
  retrying: 'the sending server still tries (a delay notice)',
  final: 'the sending server has given up (a bounce), or a bare permanent (5xx) reply',
  open: 'not known (a bare transient reply)',
};
const STEP_TOPICS: Record<StepTopic, string> = {
  spf: "the sender domain's own SPF record",
  dkim: 'DKIM signing for the From domain',
  authentication: 'SPF, DKIM and DMARC together',
  'free-mail-from': "a From address on someone else's domain",
  'run-check': 'running `bouncedoc check`',
  blocklist: 'finding why the sending IP is listed and asking for its removal',
};
const meanings = (values: Record<string, string>) =>
  Object.entries(values)
    .map(([v, meaning]) => `${v}: ${meaning}`)
    .join('; ');

const advice = objectOf<Advice>('What to do', {
  summary: { type: 'string', description: 'one line a support agent understands' },
  steps: {
    type: 'array',
    items: text,
    description: "what to do, in order; with a diagnosis, the named cause's fix first",
  },
  stepTopics: {
    type: 'array',
    items: { enum: [...Object.keys(STEP_TOPICS), null] },
    description: `what each step is about, stepTopics[i] for steps[i]; null for a step with no topic. ${meanings(STEP_TOPICS)}`,
  },
  retry: objectOf<Advice['retry']>('Whether sending the same message again can succeed', {
    advised: { type: 'boolean' },
    when: { type: 'string', description: 'when, in words' },
  }),
  stage: {
    type: 'string',
    enum: Object.keys(STAGES),
    description: `where the delivery stands: ${meanings(STAGES)}`,
  },
});

type CorrectedRecord = NonNullable<Diagnosis['correctedRecord']>;

const diagnosis = objectOf<Diagnosis>('The root cause and the one fix, from the diagnosis chain', {
  code: { type: 'string', description: 'the named cause', enum: DIAGNOSIS_CODES },
  rootCause: { type: 'string', description: 'the root cause in plain words' },
  fix: { type: 'string', description: 'the one thing to change' },
  steps: { type: 'array', items: text, description: 'further steps, in order' },
  correctedRecord: optional(
    objectOf<CorrectedRecord>('The record to publish instead, when the cause is a DNS record', {
      name: text,
      record: optional({ type: 'string', description: 'the record as published' }),
      fixed: text,
    }),
  ),
  party: closedSet<Diagnosis['party']>('who has to act for this cause', {
    sender: true,
    recipient: true,
    esp: true,
    'ip-owner': true,
    forwarder: true,
  }),
  confidence: optional(
    closedSet<Confidence>(
      'confirmed: the evidence the cause needs was checked (DNS answered, or the headers or the reply show it); ' +
        'likely: inferred without it (offline, DNS did not answer, a typo guess DNS did not bear out: see notChecked). ' +
        'Present for every code but undetermined.',
      { confirmed: true, likely: true },
    ),
  ),
  checked: { ...texts, description: 'what was looked at' },
  notChecked: {
    ...texts,
    description: 'what could not be looked at (offline, DNS did not answer, no headers)',
  },
});

const result = objectOf<RecipientResult>('One failed (delayed, complained-about...) recipient, explained', {
  recipient: text,
  originalRecipient: optional(text),
  action: optional({
    type: 'string',
    description: 'RFC 3464 Action: failed, delayed, delivered, relayed, expanded',
  }),
  status: {
    type: 'string',
    description: 'enhanced status code, e.g. 5.1.1 (derived when the bounce had none)',
  },
  replyCode: { type: 'string', description: 'SMTP reply code, e.g. 550' },
  diagnosticCode: optional({ type: 'string', description: "the server's own words" }),
  smtpCommand: optional({ type: 'string', description: 'SMTP stage of the reply', enum: SMTP_COMMANDS }),
  remoteMta: optional(text),
  reportingMta: optional(text),
  lastAttemptDate: optional(text),
  willRetryUntil: optional(text),
  reason: { type: 'string', description: "Sisimai's reason vocabulary", enum: REASONS },
  category: { type: 'string', enum: CATEGORIES },
  bounceType: {
    type: 'string',
    description:
      'hard: the address is dead; soft: temporary; block: refused because of the sender or content',
    enum: BOUNCE_TYPES,
  },
  party: { type: 'string', description: 'who must act', enum: PARTIES },
  hardbounce: { type: 'boolean', description: 'Sisimai-compatible: a permanent recipient-side failure' },
  feedbackType: optional({ type: 'string', description: 'ARF Feedback-Type, for feedback reports' }),
  provider: optional({ type: 'string', description: 'receiving provider, e.g. google, microsoft' }),
  espLabel: optional({ type: 'string', description: "the ESP's own label, for webhook input" }),
  note: optional({
    type: 'string',
    description: "set when the ESP's label contradicts the evidence, or decided for lack of it",
  }),
  advice: ref('Advice'),
  diagnosis: optional(ref('Diagnosis')),
});

const reportFields: Fields<ExplainReport> = {
  source: optional({ type: 'string', description: 'where the input came from, e.g. "paste" or a file name' }),
  kind: {
    type: 'string',
    description: 'what kind of message the input turned out to be',
    enum: REPORT_KINDS,
  },
  format: { type: 'string', description: 'detected format, e.g. rfc3464, postfix, reply-text, sendgrid' },
  original: optional(ref('OriginalSummary')),
  reportingMta: optional({ type: 'string', description: 'the mail server that wrote the bounce' }),
  results: { type: 'array', items: ref('RecipientResult') },
  originalHeaders: optional({
    type: 'string',
    description: 'raw header block of the returned original message',
  }),
  truncated: optional({
    type: 'string',
    description: 'set when a size limit cut the input: what was left out',
  }),
  note: optional({ type: 'string', description: 'what the input is, when it holds nothing to explain' }),
  date: optional({ type: 'string', description: "the bounce message's own Date header" }),
};

/** POST /api/explain answers the report, and with ?store=1 also the id it was stored under. */
type ExplainResponse = ExplainReport & { id?: number };

export const reportSchemas: Record<string, Schema> = {
  ExplainReport: objectOf<ExplainReport>('The report for one input', reportFields),
  ExplainResponse: objectOf<ExplainResponse>('The report, and the stored id with ?store=1', {
    ...reportFields,
    id: optional({ type: 'integer', description: 'with ?store=1: the id it was stored under' }),
  }),
  RecipientResult: result,
  Advice: advice,
  Diagnosis: diagnosis,
  OriginalSummary: original,
};
