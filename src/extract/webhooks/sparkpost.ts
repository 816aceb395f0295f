// SparkPost event webhooks (SparkPost docs, "Webhook event types"): a JSON array of
// {"msys":{"message_event":{...}}} (or track_event, gen_event...). Read here, from message_event:
//   bounce / out_of_band  {"type":"bounce","rcpt_to":"...","raw_rcpt_to":"...","bounce_class":"10",
//                          "error_code":"550","raw_reason":"550 5.1.1 ...","reason":"550 5.1.1 ..."}
//   delay                 {"type":"delay", ... same fields}
//   policy_rejection      {"type":"policy_rejection","reason":"...","error_code":"554"}
//   spam_complaint        {"type":"spam_complaint","fbtype":"abuse"}
//   delivery              {"type":"delivery","raw_reason":"250 2.0.0 OK"}
// bounce_class is SparkPost's label (1 undetermined, 10 invalid recipient, 20-24 soft, 25 admin
// failure, 30 generic, 40 generic soft, 50-54 blocks, 60 auto-reply, 70 transient, 80 subscribe,
// 90 unsubscribe, 100 challenge-response); kept as the ESP label, used only without reply text.
import { MAX_RECIPIENTS } from '../../read/limits.js';
import type { Reason } from '../../types.js';
import { events, isObject, obj, str } from './json.js';
import { batchExtraction } from './kind.js';
import { complaintRecipient, espRecipient } from './recipient.js';
import type { EspRecipient, WebhookReader } from './types.js';

const CLASS_REASON: Record<string, Reason> = {
  '10': 'userunknown',
  '21': 'hostunknown',
  '22': 'mailboxfull',
  '23': 'mesgtoobig',
  '24': 'expired',
  '25': 'suspend',
  '50': 'blocked',
  '51': 'spamdetected',
  '52': 'spamdetected',
  '53': 'virusdetected',
  '54': 'norelaying',
  '60': 'vacation',
};

function messageEvent(e: unknown): unknown {
  const msys = obj(e, 'msys');
  return (
    obj(msys, 'message_event') ??
    (isObject(e) && typeof e.type === 'string' && 'rcpt_to' in e ? e : undefined)
  );
}

export const sparkpostWebhook: WebhookReader = {
  name: 'sparkpost-webhook',
  detect(json) {
    return events(json, 1000).some((e) => messageEvent(e) !== undefined);
  },
  extract(json) {
    const recipients: EspRecipient[] = [];
    for (const e of events(json, MAX_RECIPIENTS)) {
      const m = messageEvent(e);
      if (!m) continue;
      const type = str(m, 'type');
      const address = str(m, 'rcpt_to') || str(m, 'raw_rcpt_to');
      const cls = str(m, 'bounce_class');
      const label = `sparkpost: ${type}${cls ? ` (bounce_class ${cls})` : ''}`;
      if (type === 'spam_complaint') {
        const r = complaintRecipient(address, label, str(m, 'fbtype') || undefined);
        if (r) recipients.push(r);
        continue;
      }
      if (
        !['bounce', 'out_of_band', 'delay', 'policy_rejection', 'generation_rejection', 'delivery'].includes(
          type,
        )
      )
        continue;
      const r = espRecipient({
        address,
        action: type === 'delay' ? 'delayed' : type === 'delivery' ? 'delivered' : 'failed',
        diagnostic: str(m, 'raw_reason') || str(m, 'reason'),
        replyCode: str(m, 'error_code'),
        espLabel: label,
        labelReason: CLASS_REASON[cls],
      });
      if (r) recipients.push(r);
    }
    return batchExtraction('sparkpost-webhook', recipients);
  },
};
