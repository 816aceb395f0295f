// A notice of an unnamed MTA (Sisimai's "X3"), boxed by lines of "=":
//
//         This is an automatically generated Delivery Status Notification.
//
//   Delivery to the following recipients failed permanently:
//      * user@example.org
//   ==========================================================
//                         Technical details:
//   SMTP:RCPT host 192.0.2.8: 553 5.3.0 <user@example.org>... No such user here
//
// "Delevery to the following recipients was aborted after N hour(s):" (sic) marks an expiry.
// The technical details hold "SMTP:<COMMAND> host <ip>: <reply>" or a routing error. Some
// versions add a message/delivery-status part; its Status is used where the text states none.
import type { MailMessage, RawRecipient } from '../../types.js';
import { findAddress, smtpCommandName } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  fillFromDeliveryStatus,
  header,
  markedNotice,
  mentionsWithRaw,
  noticeExtraction,
  recipientFromDetail,
  unfold,
} from './text-notice.js';

const START =
  /^\s*Del[ei]very to the following recipients? (?:failed permanently|was aborted after .{1,40}):\s*$/im;
const DETAILS = /^\s*Technical details:\s*$/i;
const SMTP_DETAIL = /^SMTP:([A-Z]{4})\s+host\s+(\S{1,255}?):?\s+(.*)$/;

function hint(msg: MailMessage): boolean {
  return (
    /^Delivery status notification\s*$/i.test(header(msg, 'subject')) &&
    /Mail Delivery System/i.test(header(msg, 'from'))
  );
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentionsWithRaw(msg, 'very to the following recipient');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const notice = markedNotice(msg, START);
  if (!notice) return null;
  const { text, lines } = notice;
  const aborted = /was aborted after/i.test(START.exec(text)?.[0] ?? '');
  const addresses: string[] = [];
  let i = notice.start;
  for (i += 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (/^={5,}$/.test(line)) break;
    const m = /^\*\s*(\S{1,512})$/.exec(line);
    if (m) {
      const a = findAddress(m[1]);
      if (a) addresses.push(a);
    }
  }
  const details: string[] = [];
  let inDetails = false;
  for (; i < lines.length; i++) {
    if (DETAILS.test(lines[i])) inDetails = true;
    else if (inDetails && /^\s*={5,}\s*$/.test(lines[i])) break;
    else if (inDetails && lines[i].trim()) details.push(lines[i].trim());
  }
  // With several recipients, each detail line is matched by the address it names.
  const byAddress = new Map<string, string>();
  for (const d of details) {
    const named = findAddress(d).toLowerCase();
    if (named && !byAddress.has(named)) byAddress.set(named, d);
  }
  const recipients: RawRecipient[] = [];
  for (const a of addresses) {
    const own = addresses.length === 1 ? unfold(details) : (byAddress.get(a.toLowerCase()) ?? '');
    const smtp = SMTP_DETAIL.exec(own);
    const r = recipientFromDetail({
      recipient: a,
      detail: smtp ? smtp[3] : own,
      smtpCommand: smtp ? smtpCommandName(smtp[1]) : '',
      remoteMta: smtp ? smtp[2] : '',
    });
    fillFromDeliveryStatus(msg, r);
    // "was aborted after N hour(s)" with no server reply: the notice states that the time ran out.
    if (aborted && !r.replyCode) r.reasonHint = 'expired';
    recipients.push(r);
  }
  return noticeExtraction(msg, 'x3', recipients);
}

export const x3: FormatWithEvidence = { name: 'x3', hint, evidence, extract };
