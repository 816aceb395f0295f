// Mailgun webhooks (Mailgun docs, "Webhook Payloads"): {"signature":{...},"event-data":{...}}; the
// events API gives the same event-data objects, also as {"items":[...]}. Read here:
//   failed     {"event":"failed","severity":"permanent|temporary","reason":"bounce|suppress-bounce|generic|...",
//               "recipient":"...","delivery-status":{"code":550,"message":"...","description":"...",
//               "enhanced-code":"5.1.1","mx-host":"..."}}
//   rejected   {"event":"rejected","reject":{"reason":"...","description":"..."}}
//   complained {"event":"complained"}     delivered {"event":"delivered","delivery-status":{"code":250,...}}
import { MAX_RECIPIENTS } from '../../read/limits.js';
import { events, isObject, obj, str } from './json.js';
import { batchExtraction } from './kind.js';
import { complaintRecipient, espRecipient } from './recipient.js';
import { epochSecondsDate } from './time.js';
import type { EspRecipient, WebhookReader } from './types.js';

function eventData(json: unknown): unknown[] {
  if (isObject(json) && isObject(json['event-data'])) return [json['event-data']];
  if (isObject(json) && Array.isArray(json.items)) return events(json.items, MAX_RECIPIENTS);
  return events(json, MAX_RECIPIENTS).map((e) =>
    isObject(e) && isObject(e['event-data']) ? e['event-data'] : e,
  );
}

function isEvent(e: unknown): boolean {
  return (
    isObject(e) &&
    typeof e.event === 'string' &&
    typeof e.recipient === 'string' &&
    ('delivery-status' in e || 'severity' in e || 'log-level' in e)
  );
}

export const mailgunWebhook: WebhookReader = {
  name: 'mailgun-webhook',
  detect(json) {
    return eventData(json).some(isEvent);
  },
  extract(json) {
    const recipients: EspRecipient[] = [];
    for (const e of eventData(json)) {
      if (!isEvent(e)) continue;
      const event = str(e, 'event').toLowerCase();
      const address = str(e, 'recipient');
      const severity = str(e, 'severity');
      const label = `mailgun: ${event}${severity ? `/${severity}` : ''}${str(e, 'reason') ? ` (${str(e, 'reason')})` : ''}`;
      const eventTime = epochSecondsDate(str(e, 'timestamp'));
      if (event === 'complained') {
        const r = complaintRecipient(address, label, undefined, eventTime, '"recipient"');
        if (r) recipients.push(r);
        continue;
      }
      if (event !== 'failed' && event !== 'rejected' && event !== 'delivered') continue;
      const ds = obj(e, 'delivery-status');
      // "message" is the remote server's reply; "description" is Mailgun's own words, used when
      // there is no reply (a suppressed address, a connection that never got a reply).
      const message = str(ds, 'message');
      const description =
        str(ds, 'description') || str(obj(e, 'reject'), 'description') || str(obj(e, 'reject'), 'reason');
      const code = str(ds, 'code');
      const suppressed = str(e, 'reason') === 'suppress-bounce';
      const words = message || description;
      const diagnostic =
        code && /^[245]\d\d$/.test(code) && words && !words.startsWith(code) ? `${code} ${words}` : words;
      const r = espRecipient({
        address,
        action: event === 'delivered' ? 'delivered' : severity === 'temporary' ? 'delayed' : 'failed',
        diagnostic,
        status: str(ds, 'enhanced-code'),
        replyCode: code,
        remoteMta: str(ds, 'mx-host'),
        espLabel: label,
        labelReason: suppressed ? 'suppressed' : undefined,
        // Mailgun's own words, not a server's: no message, a suppressed address (Mailgun refused to
        // send: "Not delivering to previously bounced address"), or a code of its own (605 is no
        // SMTP reply code, RFC 5321 4.2)
        espText: !message || suppressed || (code !== '' && !/^[245]\d\d$/.test(code)),
        eventTime,
        addressField: '"recipient"',
      });
      if (r) recipients.push(r);
      if (recipients.length >= MAX_RECIPIENTS) break;
    }
    const ex = batchExtraction('mailgun-webhook', recipients);
    if (!ex) return null;
    const headers = obj(obj(eventData(json)[0], 'message'), 'headers');
    if (headers) {
      ex.original = {};
      if (str(headers, 'from')) ex.original.from = str(headers, 'from');
      if (str(headers, 'to')) ex.original.to = str(headers, 'to');
      if (str(headers, 'subject')) ex.original.subject = str(headers, 'subject');
      if (str(headers, 'message-id')) ex.original.messageId = str(headers, 'message-id');
    }
    return ex;
  },
};
