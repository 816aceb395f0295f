// Postmark webhooks (Postmark developer docs, "Bounce webhook" / "Spam complaint webhook"): one JSON
// object per event:
//   {"RecordType":"Bounce","Type":"HardBounce","TypeCode":1,"Name":"Hard bounce",
//    "Description":"The server was unable to deliver your message (ex: unknown user, mailbox not found).",
//    "Details":"smtp;550 5.1.1 The email account that you tried to reach does not exist.",
//    "Email":"user@example.com","From":"...","Subject":"...","MessageID":"...","Inactive":true}
//   {"RecordType":"SpamComplaint","Type":"SpamComplaint","TypeCode":512,"Email":"..."}
// "Details" holds the remote server's words when Postmark has them; "Description" is Postmark's
// generic text for the Type, so it is not evidence of this bounce's cause.
import type { Extraction, Reason } from '../../types.js';
import { isObject, lookup, str } from './json.js';
import { complaintRecipient, espRecipient } from './recipient.js';
import { isoDate } from './time.js';
import type { WebhookReader } from './types.js';

/** Reasons the bounce Type implies, used only when Details has no reply (Postmark's bounce type list). */
const TYPE_REASON: Record<string, Reason> = {
  HardBounce: 'userunknown',
  BadEmailAddress: 'syntaxerror',
  DnsError: 'hostunknown',
  ManuallyDeactivated: 'suppressed',
  Blocked: 'blocked',
  DMARCPolicy: 'authfailure',
  VirusNotification: 'virusdetected',
  SpamNotification: 'spamdetected',
  AutoResponder: 'vacation',
};

const DELAY_TYPES = new Set(['Transient', 'SoftBounce']);

/**
 * A Postmark record: RecordType Bounce or SpamComplaint with its "Email", or, for a record that
 * lost its address, with Postmark's own bounce fields ("TypeCode", "BouncedAt"): that record is
 * still Postmark's, and is kept with an empty recipient.
 */
function isPostmark(json: unknown): boolean {
  if (!isObject(json) || !(json.RecordType === 'Bounce' || json.RecordType === 'SpamComplaint')) return false;
  if (typeof json.Email === 'string') return true;
  return json.Email === undefined && ('TypeCode' in json || 'BouncedAt' in json);
}

export const postmarkWebhook: WebhookReader = {
  name: 'postmark-webhook',
  detect: isPostmark,
  extract(json) {
    if (!isPostmark(json)) return null;
    const type = str(json, 'Type');
    const label = `postmark: ${type || 'Unknown'}${str(json, 'TypeCode') ? ` (${str(json, 'TypeCode')})` : ''}`;
    const eventTime = isoDate(str(json, 'BouncedAt') || str(json, 'ReceivedAt'));
    if (str(json, 'RecordType') === 'SpamComplaint' || type === 'SpamComplaint') {
      const r = complaintRecipient(str(json, 'Email'), label, undefined, eventTime, '"Email"');
      return { kind: 'feedback', format: 'postmark-webhook', recipients: [r] };
    }
    const details = str(json, 'Details');
    const r = espRecipient({
      address: str(json, 'Email'),
      action: DELAY_TYPES.has(type) ? 'delayed' : 'failed',
      diagnostic: details,
      espLabel: label,
      labelReason: lookup(TYPE_REASON, type),
      eventTime,
      addressField: '"Email"',
    });
    const ex: Extraction = {
      kind: r.action === 'delayed' ? 'delay' : type === 'AutoResponder' ? 'autoreply' : 'bounce',
      format: 'postmark-webhook',
      recipients: [r],
    };
    const original: Extraction['original'] = {};
    if (str(json, 'From')) original.from = str(json, 'From');
    if (str(json, 'Subject')) original.subject = str(json, 'Subject');
    if (str(json, 'MessageID')) original.messageId = str(json, 'MessageID');
    if (Object.keys(original).length > 0) ex.original = original;
    return ex;
  },
};
