// SendGrid Event Webhook (Twilio SendGrid docs, "Event Webhook Reference"): a JSON array of events,
// each with "email" and "event". The delivery events read here:
//   bounce   {"event":"bounce","type":"bounce|blocked","status":"5.1.1","reason":"550 5.1.1 ..."}
//   dropped  {"event":"dropped","reason":"Bounced Address|Unsubscribed Address|Spam Reporting Address|Invalid"}
//   deferred {"event":"deferred","response":"400 try again later","attempt":"5"}
//   spamreport {"event":"spamreport"}   delivered {"event":"delivered","response":"250 OK"}
// Engagement events (open, click, ...) are not delivery results and are skipped.
import { MAX_RECIPIENTS } from '../../read/limits.js';
import type { Reason } from '../../types.js';
import { events, isObject, str } from './json.js';
import { batchExtraction } from './kind.js';
import { complaintRecipient, espRecipient } from './recipient.js';
import { epochSecondsDate } from './time.js';
import type { EspRecipient, WebhookReader } from './types.js';

const DELIVERY_EVENTS = new Set(['bounce', 'dropped', 'deferred', 'blocked', 'spamreport', 'delivered']);

/** SendGrid drops a message without trying it when the address is on a suppression list. */
const DROPPED_REASON: [RegExp, Reason][] = [
  [/bounced address/i, 'suppressed'],
  [/unsubscribed address|spam reporting address/i, 'suppressed'],
  [/invalid/i, 'syntaxerror'],
];

/** What a delivery event carries besides its address: SendGrid's reply, status or bounce type. */
const DELIVERY_DETAILS = ['reason', 'response', 'status', 'type'];

/**
 * A SendGrid event: "event" and SendGrid's ids (with or without "email": an event that lost its
 * address is still SendGrid's, and is kept with an empty recipient); or, for an event pasted
 * without its ids, "email", a delivery event name and one of its details. (No other ESP's payload
 * has a top-level "email" beside "event": Mandrill's address is in "msg", Mailgun's in "recipient".)
 */
function isEvent(e: unknown): boolean {
  if (!isObject(e) || typeof e.event !== 'string') return false;
  if ('sg_event_id' in e || 'sg_message_id' in e || 'smtp-id' in e)
    return e.email === undefined || typeof e.email === 'string';
  if (typeof e.email !== 'string') return false;
  return DELIVERY_EVENTS.has(e.event.toLowerCase()) && DELIVERY_DETAILS.some((k) => typeof e[k] === 'string');
}

export const sendgridWebhook: WebhookReader = {
  name: 'sendgrid-webhook',
  detect(json) {
    return events(json, 1000).some(isEvent);
  },
  extract(json) {
    const recipients: EspRecipient[] = [];
    for (const e of events(json, MAX_RECIPIENTS)) {
      if (!isEvent(e)) continue;
      const event = str(e, 'event').toLowerCase();
      if (!DELIVERY_EVENTS.has(event)) continue;
      const type = str(e, 'type');
      const label = `sendgrid: ${event}${type ? `/${type}` : ''}`;
      const address = str(e, 'email');
      const eventTime = epochSecondsDate(str(e, 'timestamp'));
      if (event === 'spamreport') {
        recipients.push(complaintRecipient(address, label, undefined, eventTime, '"email"'));
        continue;
      }
      const reason = str(e, 'reason');
      const r = espRecipient({
        address,
        action: event === 'deferred' ? 'delayed' : event === 'delivered' ? 'delivered' : 'failed',
        diagnostic: reason || str(e, 'response'),
        status: str(e, 'status'),
        espLabel: label,
        eventTime,
        addressField: '"email"',
      });
      // A drop is SendGrid's own refusal: its reason words are no server reply, so the label decides.
      if (event === 'dropped') {
        const hint = DROPPED_REASON.find(([re]) => re.test(reason))?.[1];
        if (hint) r.reasonHint = hint;
      }
      recipients.push(r);
    }
    return batchExtraction('sendgrid-webhook', recipients);
  },
};
