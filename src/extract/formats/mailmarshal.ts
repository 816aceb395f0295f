// Trustwave (Marshal) MailMarshal SMTP notices:
//
//   Your message:
//      From:    sender@example.jp
//      Subject: Hello
//
//   Could not be delivered because of
//
//   550 5.1.1 User unknown
//
//   The following recipients were affected:
//       user@example.org
//
//   Additional Information
//   ======================
//   Remote-MTA:         <192.0.2.1>
//
// One reason for the listed recipients; the "Additional Information" block names the remote MTA.
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

const START = /^\s*Could not be delivered because of\s*$/im;
const AFFECTED = /^\s*The following recipients were affected:\s*$/i;
const ADDITIONAL = /^\s*Additional Information\s*$/i;

function hint(msg: MailMessage): boolean {
  return /^Undeliverable Mail:/i.test(header(msg, 'subject'));
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentionsWithRaw(msg, 'could not be delivered because of');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const notice = markedNotice(msg, START);
  if (!notice) return null;
  const { lines } = notice;
  let i = notice.start;
  const reason: string[] = [];
  for (i += 1; i < lines.length && !AFFECTED.test(lines[i]); i++) reason.push(lines[i]);
  const addresses: string[] = [];
  for (i += 1; i < lines.length && !ADDITIONAL.test(lines[i]); i++) {
    const a = findAddress(lines[i]);
    if (a) addresses.push(a);
  }
  const remote = /^\s*Remote-MTA:\s*<?([^<>\s]{1,255})>?/im.exec(lines.slice(i).join('\n'));
  const detail = unfold(reason);
  const recipients: RawRecipient[] = addresses.map((a) =>
    recipientFromDetail({ recipient: a, detail, remoteMta: remote ? remote[1] : '' }),
  );
  return noticeExtraction(msg, 'mailmarshal', recipients);
}

export const mailmarshal: FormatWithEvidence = { name: 'mailmarshal', hint, evidence, extract };
