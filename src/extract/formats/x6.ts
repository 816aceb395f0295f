// A notice of an unnamed MTA (Sisimai's "X6"; From "mailer-daemon", Subject "There was an error
// sending your mail"):
//
//   We had trouble delivering your message. Full details follow:
//
//   1 error(s):
//
//   SMTP Server <mx.example.org> rejected recipient <user@example.org> (Error following RCPT
//   command). It responded as follows: [550 5.1.1 User unknown]
//
// or "The following recipients returned permanent errors: user@example.org. Reason: SMTP Server
// <192.0.2.1> refused to accept your message (DATA), with the following error message: [554 ...]".
// The server's reply is the text in square brackets at the end of the line.
import type { MailMessage, RawRecipient } from '../../types.js';
import { findAddress, smtpCommandName } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  header,
  mentionsWithRaw,
  noticeExtraction,
  noticeTextWith,
  recipientFromDetail,
} from './text-notice.js';

const START = /^We had trouble delivering your message\. Full details follow:\s*$/im;
const REJECTED_RCPT =
  /SMTP Server <([^<>\s]{1,255})> rejected recipient <([^<>\s]{1,512})> \(Error following (\S{1,20}) command\)/i;
const PERMANENT = /recipients returned permanent errors:\s*(\S{1,512}?)\.?\s+Reason:/i;
const REFUSED = /SMTP Server <([^<>\s]{1,255})> refused to accept your message \(([A-Z ]{2,12})\)/i;
const BRACKETED = /\[([^[\]]{1,4000})\]\s*$/;

function hint(msg: MailMessage): boolean {
  return /^There was an error sending your mail\s*$/i.test(header(msg, 'subject'));
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentionsWithRaw(msg, 'we had trouble delivering your message. full details follow:');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const text = noticeTextWith(msg, START);
  if (!text) return null;
  const recipients: RawRecipient[] = [];
  // A reason may be folded over several lines: join each paragraph first.
  const paragraphs = text.split(/\n[ \t]*\n/, 1000).map((p) => p.replace(/\s*\n\s*/g, ' ').trim());
  for (const p of paragraphs) {
    const rcpt = REJECTED_RCPT.exec(p);
    const perm = rcpt ? null : PERMANENT.exec(p);
    if (!rcpt && !perm) continue;
    const address = findAddress(rcpt ? rcpt[2] : (perm?.[1] ?? ''));
    if (!address) continue;
    const refused = REFUSED.exec(p);
    const reply = BRACKETED.exec(p);
    recipients.push(
      recipientFromDetail({
        recipient: address,
        detail: reply ? reply[1] : p,
        smtpCommand: rcpt ? smtpCommandName(rcpt[3]) : refused ? smtpCommandName(refused[2]) : '',
        remoteMta: rcpt ? rcpt[1] : (refused?.[1] ?? ''),
      }),
    );
  }
  return noticeExtraction(msg, 'x6', recipients);
}

export const x6: FormatWithEvidence = { name: 'x6', hint, evidence, extract };
