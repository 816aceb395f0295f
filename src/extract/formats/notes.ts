// Lotus Notes SMTP gateway notices (Subject "Undeliverable message"):
//
//   ------- Failure Reasons  --------
//
//   User not listed in public Name & Address Book
//   user@example.org
//
//   ------- Returned Message --------
//
// The reason line(s) come first, then the address, for each recipient in turn.
import type { MailMessage, RawRecipient } from '../../types.js';
import { findAddress } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  header,
  markedNotice,
  mentionsWithRaw,
  noticeExtraction,
  recipientFromDetail,
  unfold,
} from './text-notice.js';

const START = /^-{3,}\s*Failure Reasons\s*-{3,}\s*$/im;
const END = /^-{3,}\s*Returned Message\s*-{3,}\s*$/im;

function hint(msg: MailMessage): boolean {
  return /^Undeliverable message\s*$/i.test(header(msg, 'subject'));
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentionsWithRaw(msg, 'failure reasons');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const notice = markedNotice(msg, START, END);
  if (!notice) return null;
  const { lines } = notice;
  let i = notice.start;
  const recipients: RawRecipient[] = [];
  let reason: string[] = [];
  for (i += 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const a = /^<?([^\s<>@]{1,256}@[^\s<>]{1,256})>?$/.exec(line);
    if (a) {
      recipients.push(recipientFromDetail({ recipient: findAddress(a[1]), detail: unfold(reason) }));
      reason = [];
    } else reason.push(line);
  }
  return noticeExtraction(msg, 'notes', recipients);
}

export const notes: FormatWithEvidence = { name: 'notes', hint, evidence, extract };
