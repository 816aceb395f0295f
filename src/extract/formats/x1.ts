// A sendmail-like notice of an unnamed MTA (Sisimai's "X1", seen with Mail2000 relays):
//
//   The original message was received at <date>
//   from sender@example.jp
//
//   ---The following addresses had delivery errors---
//
//   user@example.org [User unknown]
//
// Each recipient line is the address followed by the reason in square brackets.
import type { MailMessage, RawRecipient } from '../../types.js';
import { findAddress } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  header,
  markedNotice,
  mentionsWithRaw,
  noticeExtraction,
  recipientFromDetail,
} from './text-notice.js';

const START = /^-{2,}\s*The following addresses had delivery errors\s*-{2,}\s*$/im;
const ENTRY = /^<?([^\s<>@[\]]{1,256}@[^\s<>[\]]{1,256})>?\s+\[([^\]]{1,1000})\]\s*$/;

function hint(msg: MailMessage): boolean {
  return /^Returned Mail:\s/i.test(header(msg, 'subject')) && /mailer-daemon/i.test(header(msg, 'from'));
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentionsWithRaw(msg, 'the following addresses had delivery errors');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const notice = markedNotice(msg, START);
  if (!notice) return null;
  const { lines } = notice;
  let i = notice.start;
  const recipients: RawRecipient[] = [];
  for (i += 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) {
      if (recipients.length > 0) break;
      continue;
    }
    const m = ENTRY.exec(line);
    if (!m) break;
    recipients.push(recipientFromDetail({ recipient: findAddress(m[1]), detail: m[2] }));
  }
  return noticeExtraction(msg, 'x1', recipients);
}

export const x1: FormatWithEvidence = { name: 'x1', hint, evidence, extract };
