// Amazon SES notifications: the JSON SES publishes to SNS (and SNS delivers to HTTP endpoints, or
// by e-mail as the body of "AWS Notification Message"), per the SES developer guide, "Amazon SNS
// notification contents" and "Event publishing" (eventType instead of notificationType):
//   SNS envelope  {"Type":"Notification","TopicArn":...,"Message":"<the SES JSON as a string>"}
//   Bounce        {"notificationType":"Bounce","bounce":{"bounceType":"Permanent|Transient|Undetermined",
//                  "bounceSubType":"General|NoEmail|Suppressed|OnAccountSuppressionList|MailboxFull|...",
//                  "bouncedRecipients":[{"emailAddress","action","status","diagnosticCode"}],
//                  "reportingMTA","remoteMtaIp"},"mail":{...}}
//   Complaint     {"notificationType":"Complaint","complaint":{"complainedRecipients":[{"emailAddress"}],
//                  "complaintFeedbackType":"abuse|fraud|..."}}
//   Delivery      {"notificationType":"Delivery","delivery":{"recipients":[...],"smtpResponse":"250 ..."}}
//   DeliveryDelay {"eventType":"DeliveryDelay","deliveryDelay":{"delayType","delayedRecipients":[
//                  {"emailAddress","status","diagnosticCode"}]}}

import { MAX_RECIPIENTS } from '../../read/limits.js';
import type { Extraction, OriginalSummary, Reason, ReportKind } from '../../types.js';
import { stripType } from '../fields.js';
import { arr, isObject, type JsonObject, lookup, obj, str } from './json.js';
import { complaintRecipient, espRecipient } from './recipient.js';
import { isoDate } from './time.js';
import type { EspRecipient, WebhookReader } from './types.js';

const TYPES = new Set(['Bounce', 'Complaint', 'Delivery', 'DeliveryDelay']);

/** Reasons the bounce sub-type implies, for payloads without status or text (SES guide, "Bounce types"). */
const SUBTYPE_REASON: Record<string, Reason> = {
  NoEmail: 'userunknown',
  Suppressed: 'suppressed',
  OnAccountSuppressionList: 'suppressed',
  MailboxFull: 'mailboxfull',
  MessageTooLarge: 'mesgtoobig',
  ContentRejected: 'contenterror',
  AttachmentRejected: 'contenterror',
};

/**
 * Sub-types for which SES sent nothing: the address is on SES's global (Suppressed) or the
 * account's (OnAccountSuppressionList) suppression list. The status (5.1.1) and the words ("Amazon
 * SES did not send the message ...") are SES's own, not a server's, so the sub-type decides, as
 * for SendGrid's dropped events.
 */
const NOT_SENT = new Set(['Suppressed', 'OnAccountSuppressionList']);

/** The SES notification inside an SNS envelope (Message is a JSON string), or the notification itself. */
export function sesNotification(json: unknown): JsonObject | undefined {
  if (!isObject(json)) return undefined;
  if (typeof json.Message === 'string' && /^\s*\{/.test(json.Message)) {
    try {
      return sesNotification(JSON.parse(json.Message));
    } catch {
      return undefined;
    }
  }
  const type = str(json, 'notificationType') || str(json, 'eventType');
  return TYPES.has(type) ? json : undefined;
}

export const sesWebhook: WebhookReader = {
  name: 'ses-webhook',
  detect(json) {
    return sesNotification(json) !== undefined;
  },
  extract(json) {
    const n = sesNotification(json);
    return n ? extractSes(n, 'ses-webhook') : null;
  },
};

/** One SES notification -> Extraction (also used for SES notifications that arrive by e-mail). */
export function extractSes(n: JsonObject, format: string): Extraction | null {
  const type = str(n, 'notificationType') || str(n, 'eventType');
  let kind: ReportKind = 'bounce';
  const recipients: EspRecipient[] = [];
  const push = (r: EspRecipient | null) => {
    if (r && recipients.length < MAX_RECIPIENTS) recipients.push(r);
  };
  if (type === 'Bounce') {
    const b = obj(n, 'bounce');
    const eventTime = isoDate(str(b, 'timestamp'));
    const subType = str(b, 'bounceSubType');
    const label = `ses: ${str(b, 'bounceType') || 'Undetermined'}/${subType || 'Undetermined'}`;
    for (const { address, x, note } of listed(b, 'bouncedRecipients', n)) {
      const r = espRecipient({
        address,
        action: 'failed',
        diagnostic: str(x, 'diagnosticCode'),
        status: str(x, 'status'),
        reportingMta: stripType(str(b, 'reportingMTA')),
        espLabel: label,
        labelReason: lookup(SUBTYPE_REASON, subType),
        eventTime,
      });
      if (NOT_SENT.has(subType)) r.reasonHint = 'suppressed';
      if (note) r.espNote = note;
      push(r);
    }
  } else if (type === 'DeliveryDelay') {
    kind = 'delay';
    const d = obj(n, 'deliveryDelay');
    const eventTime = isoDate(str(d, 'timestamp'));
    const label = `ses: DeliveryDelay/${str(d, 'delayType') || 'Undetermined'}`;
    for (const { address, x, note } of listed(d, 'delayedRecipients', n)) {
      const r = espRecipient({
        address,
        action: 'delayed',
        diagnostic: str(x, 'diagnosticCode'),
        status: str(x, 'status'),
        reportingMta: stripType(str(d, 'reportingMTA')),
        espLabel: label,
        eventTime,
      });
      if (note) r.espNote = note;
      push(r);
    }
  } else if (type === 'Complaint') {
    kind = 'feedback';
    const c = obj(n, 'complaint');
    const feedbackType = str(c, 'complaintFeedbackType');
    const eventTime = isoDate(str(c, 'timestamp'));
    for (const { address, note } of listed(c, 'complainedRecipients', n)) {
      const r = complaintRecipient(address, 'ses: Complaint', feedbackType || undefined, eventTime);
      if (note) r.espNote = note;
      push(r);
    }
  } else if (type === 'Delivery') {
    const d = obj(n, 'delivery');
    const eventTime = isoDate(str(d, 'timestamp'));
    for (const x of arr(d, 'recipients')) {
      push(
        espRecipient({
          address: typeof x === 'string' ? x : '',
          action: 'delivered',
          diagnostic: str(d, 'smtpResponse'),
          reportingMta: str(d, 'reportingMTA'),
          espLabel: 'ses: Delivery',
          eventTime,
        }),
      );
    }
  }
  if (recipients.length === 0) return null;
  const ex: Extraction = { kind, format, recipients };
  const original = originalOf(obj(n, 'mail'));
  if (original) ex.original = original;
  return ex;
}

/**
 * The recipients an event's list names (with each entry), or, when the list is empty ([]), the sent
 * message's envelope recipients (mail.destination), each with a note that SES named none: the
 * event is about some of them (with one destination, about that one). Without either, one
 * recipient without an address and that note: the event is shown, not dropped.
 */
function listed(
  event: JsonObject | undefined,
  field: string,
  n: JsonObject,
): { address: string; x?: unknown; note?: string }[] {
  const list = event?.[field];
  // (a list of another type is no SES notification: nothing is read from it)
  if (!Array.isArray(list)) return [];
  if (list.length > 0) return list.map((x) => ({ address: str(x, 'emailAddress'), x }));
  const destination = arr(obj(n, 'mail'), 'destination').filter((d): d is string => typeof d === 'string');
  if (destination.length === 0) {
    const note = `SES named no recipient (${field} is empty) and gave no destination (mail.destination): the recipient is unknown.`;
    return [{ address: '', note }];
  }
  const which =
    destination.length === 1
      ? 'the message had this one, so the event is about it'
      : `the message had ${destination.length}, and the event is about one or more of them`;
  const note = `SES named no recipient (${field} is empty); shown instead is the message's destination (mail.destination): ${which}.`;
  return destination.map((address) => ({ address, note }));
}

/**
 * The sent message's headers as SES echoes them under mail.commonHeaders; without a Date header
 * there, the time SES accepted the message (mail.timestamp) as its date.
 */
function originalOf(mail: JsonObject | undefined): OriginalSummary | undefined {
  const h = obj(mail, 'commonHeaders') ?? {};
  const s: OriginalSummary = {};
  const first = (key: string) => {
    const v = h[key];
    return Array.isArray(v)
      ? v.filter((x) => typeof x === 'string').join(', ')
      : typeof v === 'string'
        ? v
        : '';
  };
  const set = (k: keyof OriginalSummary, v: string) => {
    if (v) s[k] = v;
  };
  set('from', first('from'));
  set('to', first('to'));
  set('subject', first('subject'));
  set('messageId', first('messageId') || str(mail, 'messageId'));
  set('date', first('date') || (isoDate(str(mail, 'timestamp')) ?? ''));
  return Object.keys(s).length > 0 ? s : undefined;
}
