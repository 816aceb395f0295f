// SparkPost event webhooks (SparkPost docs, "Webhook event types"): a JSON array of
// {"msys":{"message_event":{...}}} (or track_event, gen_event...). Read here, from message_event:
//   bounce / out_of_band  {"type":"bounce","rcpt_to":"...","raw_rcpt_to":"...","bounce_class":"10",
//                          "error_code":"550","raw_reason":"550 5.1.1 ...","reason":"550 5.1.1 ..."}
//   delay                 {"type":"delay", ... same fields}
//   policy_rejection      {"type":"policy_rejection","reason":"...","error_code":"554"}
//   spam_complaint        {"type":"spam_complaint","fbtype":"abuse"}
//   delivery              {"type":"delivery","raw_reason":"250 2.0.0 OK"}
// bounce_class is SparkPost's label; its table ("Bounce Classification Codes",
// support.sparkpost.com/docs/deliverability/bounce-classification-codes) gives each class a
// category: Hard, Soft, Block, Admin or Undetermined. The label keeps class and category
// ("sparkpost: bounce (bounce_class 10, Hard)"), so that the ESP-label weighing
// (src/classify/esp-label.ts) can see where SparkPost says hard or soft and the server's evidence
// says otherwise; the class's cause is used only without reply text.
import { MAX_RECIPIENTS } from '../../read/limits.js';
import type { Reason } from '../../types.js';
import { events, isObject, lookup, obj, str } from './json.js';
import { batchExtraction } from './kind.js';
import { complaintRecipient, espRecipient } from './recipient.js';
import { epochSecondsDate } from './time.js';
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

/** SparkPost's category of each bounce class (its table, see above). */
const CLASS_CATEGORY: Record<string, string> = {
  '1': 'Undetermined',
  '10': 'Hard',
  '20': 'Soft',
  '21': 'Soft',
  '22': 'Soft',
  '23': 'Soft',
  '24': 'Soft',
  '25': 'Admin',
  '30': 'Hard',
  '40': 'Soft',
  '50': 'Block',
  '51': 'Block',
  '52': 'Block',
  '53': 'Block',
  '54': 'Block',
  '60': 'Soft',
  '70': 'Soft',
  '80': 'Admin',
  '90': 'Hard',
  '100': 'Soft',
};

/** The ESP label of an event: its type, and its bounce class with the class's category. */
function sparkpostLabel(type: string, cls: string): string {
  if (!cls) return `sparkpost: ${type}`;
  const category = lookup(CLASS_CATEGORY, cls);
  return `sparkpost: ${type} (bounce_class ${cls}${category ? `, ${category}` : ''})`;
}

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
      const label = sparkpostLabel(type, cls);
      const eventTime = epochSecondsDate(str(m, 'timestamp'));
      if (type === 'spam_complaint') {
        const r = complaintRecipient(address, label, str(m, 'fbtype') || undefined, eventTime, '"rcpt_to"');
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
        labelReason: lookup(CLASS_REASON, cls),
        eventTime,
        addressField: '"rcpt_to"',
      });
      if (r) recipients.push(r);
    }
    return batchExtraction('sparkpost-webhook', recipients);
  },
};
