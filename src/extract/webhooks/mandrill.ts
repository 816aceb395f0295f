// Mandrill (Mailchimp Transactional) webhooks (Mandrill docs, "Webhook format"): a POST whose form
// field mandrill_events holds a JSON array of events (the raw body is therefore
// "mandrill_events=<url-encoded JSON>"; the decoded array is accepted too):
//   {"event":"hard_bounce|soft_bounce|reject|deferral|spam|send","msg":{"email":"...","state":"bounced",
//    "bounce_description":"bad_mailbox","diag":"smtp;550 5.1.1 ...","smtp_events":[{"diag":"451 4.3.5 ..."}]}}
// bounce_description is Mandrill's label (bad_mailbox, invalid_domain, mailbox_full, spam_related,
// policy_related, general, ...); msg.diag is the remote server's reply.
import { MAX_RECIPIENTS } from '../../read/limits.js';
import type { Reason } from '../../types.js';
import { arr, events, isObject, lookup, obj, str } from './json.js';
import { batchExtraction } from './kind.js';
import { complaintRecipient, espRecipient } from './recipient.js';
import { epochSecondsDate } from './time.js';
import type { EspRecipient, WebhookReader } from './types.js';

const DESCRIPTION_REASON: Record<string, Reason> = {
  bad_mailbox: 'userunknown',
  invalid_domain: 'hostunknown',
  mailbox_full: 'mailboxfull',
  spam_related: 'spamdetected',
  virus_related: 'virusdetected',
  policy_related: 'policyviolation',
  invalid: 'syntaxerror',
};

function isEvent(e: unknown): boolean {
  return isObject(e) && typeof e.event === 'string' && isObject(e.msg) && typeof e.msg.email === 'string';
}

/** The events array from a mandrill_events wrapper object or the array itself. */
function mandrillEvents(json: unknown): unknown[] {
  if (isObject(json) && Array.isArray(json.mandrill_events))
    return events(json.mandrill_events, MAX_RECIPIENTS);
  return events(json, MAX_RECIPIENTS);
}

export const mandrillWebhook: WebhookReader = {
  name: 'mandrill-webhook',
  detect(json) {
    return mandrillEvents(json).some(isEvent);
  },
  extract(json) {
    const recipients: EspRecipient[] = [];
    for (const e of mandrillEvents(json)) {
      if (!isEvent(e)) continue;
      const event = str(e, 'event');
      const msg = obj(e, 'msg');
      const address = str(msg, 'email');
      const description = str(msg, 'bounce_description');
      const label = `mandrill: ${event}${description ? ` (${description})` : ''}`;
      const eventTime = epochSecondsDate(str(e, 'ts'));
      if (event === 'spam') {
        const r = complaintRecipient(address, label, undefined, eventTime, '"msg.email"');
        if (r) recipients.push(r);
        continue;
      }
      if (!['hard_bounce', 'soft_bounce', 'reject', 'deferral'].includes(event)) continue;
      // The last SMTP event's reply is the freshest word from the server.
      const smtp = arr(msg, 'smtp_events');
      const diag = str(msg, 'diag') || str(smtp[smtp.length - 1], 'diag');
      const r = espRecipient({
        address,
        action: event === 'deferral' ? 'delayed' : 'failed',
        diagnostic: diag,
        espLabel: label,
        labelReason: event === 'reject' ? 'suppressed' : lookup(DESCRIPTION_REASON, description),
        eventTime,
        addressField: '"msg.email"',
      });
      if (r) recipients.push(r);
    }
    return batchExtraction('mandrill-webhook', recipients);
  },
};
