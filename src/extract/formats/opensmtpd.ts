// OpenSMTPD's bounce and delay notices (smtpd/bounce.c):
//
//   Hi!
//
//   This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.
//
//   An error has occurred while attempting to deliver a message for
//   the following list of recipients:
//
//   user@example.org: 550 5.1.1 <user@example.org>: Recipient address rejected: User unknown
//
//   Below is a copy of the original message:
//
// The delay warning says "A message is delayed for more than <time> for the following list of
// recipients:" and "this is only a temporary failure report"; its recipients are delayed, not
// failed. Each recipient is one "address: reason" line. Newer versions attach a
// message/delivery-status part too, but with a generic X.0.0 Status, so the text is read.
import type { MailMessage, RawRecipient } from '../../types.js';
import { findAddress } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  header,
  mentions,
  noticeExtraction,
  noticeLines,
  noticeText,
  recipientFromDetail,
} from './text-notice.js';

const FAILED_START = /An error has occurred while attempting to deliver a message for\s*$/i;
const DELAYED_START = /A message is delayed for more than .{1,64} for the following\s*$/i;
const END = /^\s*Below is a copy of the original message/im;
const ENTRY = /^([^\s:<>@]{1,256}@[^\s:<>]{1,256}):\s*(.*)$/;

function hint(msg: MailMessage): boolean {
  return /^Delivery status notification\s*:\s*(?:error|failed|warning|delayed)\s*$/i.test(
    header(msg, 'subject'),
  );
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentions(msg, 'this is the mailer-daemon, please do not reply to this e');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const text = noticeText(msg, END);
  if (!/This is the MAILER-DAEMON, please DO NOT REPLY to this e-?mail/i.test(text)) return null;
  const lines = noticeLines(text);
  let i = 0;
  let delayed = false;
  for (; i < lines.length; i++) {
    if (FAILED_START.test(lines[i])) break;
    if (DELAYED_START.test(lines[i])) {
      delayed = true;
      break;
    }
  }
  if (i >= lines.length) return null;
  const recipients: RawRecipient[] = [];
  for (let j = i + 1; j < lines.length; j++) {
    const m = ENTRY.exec(lines[j].trim());
    if (!m) {
      if (recipients.length > 0 && lines[j].trim() === '') break;
      continue;
    }
    const address = findAddress(m[1]);
    if (!address) continue;
    recipients.push(
      recipientFromDetail({ recipient: address, detail: m[2], action: delayed ? 'delayed' : 'failed' }),
    );
  }
  return noticeExtraction(msg, 'opensmtpd', recipients, delayed ? 'delay' : 'bounce');
}

export const opensmtpd: FormatWithEvidence = { name: 'opensmtpd', hint, evidence, extract };
