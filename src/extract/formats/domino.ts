// IBM/HCL (Lotus) Domino's delivery failure report:
//
//   Your message
//
//     Subject: Hello
//
//   was not delivered to:
//
//     user@example.org
//
//   because:
//
//     User user (user@example.org) not listed in Domino Directory
//
// The subject of the notice is "DELIVERY FAILURE: <reason>". Several recipients with the same
// reason are listed under one "was not delivered to:". Newer versions add a message/delivery-status
// part; its Status is used where the text states none.
import type { MailMessage, RawRecipient } from '../../types.js';
import { findAddress } from '../fields.js';
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

const START = /^\s*was not delivered to:\s*$/im;
const BECAUSE = /^\s*because:\s*$/i;

function hint(msg: MailMessage): boolean {
  return /^DELIVERY FAILURE:/i.test(header(msg, 'subject'));
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentionsWithRaw(msg, 'was not delivered to:');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const notice = markedNotice(msg, START);
  if (!notice) return null;
  const { lines } = notice;
  const recipients: RawRecipient[] = [];
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && !START.test(lines[i])) i++;
    if (i >= lines.length) break;
    const addresses: string[] = [];
    for (i += 1; i < lines.length && !BECAUSE.test(lines[i]); i++) {
      const a = findAddress(lines[i]);
      if (a) addresses.push(a);
      else if (lines[i].trim() && addresses.length > 0) break;
    }
    const reason: string[] = [];
    if (i < lines.length && BECAUSE.test(lines[i])) {
      let started = false;
      for (i += 1; i < lines.length; i++) {
        if (!lines[i].trim()) {
          if (started) break;
          continue;
        }
        started = true;
        reason.push(lines[i]);
      }
    }
    const detail = unfold(reason) || header(msg, 'subject').replace(/^DELIVERY FAILURE:\s*/i, '');
    for (const a of addresses) {
      const r = recipientFromDetail({ recipient: a, detail });
      fillFromDeliveryStatus(msg, r);
      recipients.push(r);
    }
  }
  return noticeExtraction(msg, 'domino', recipients);
}

export const domino: FormatWithEvidence = { name: 'domino', hint, evidence, extract };
