// Microsoft Exchange 5.5/2000/2003 (Internet Mail Service, Internet Mail Connector) non-delivery
// reports, written as plain text before Exchange 2007 moved to RFC 3464:
//
//   Your message
//
//     To:      user@example.org
//     Subject: Hello
//     Sent:    Thu, 29 Apr 2010 00:00:00 -0000
//
//   did not reach the following recipient(s):
//
//   user@example.org on Thu, 29 Apr 2010 00:00:00 -0000
//       The recipient name is not recognized
//       MSEXCH:IMS:ORG:SITE:SERVER 0 (000C05A6) Unknown Recipient
//
// Exchange 4.0's connector writes "The following recipient(s) could not be reached:" instead. Each
// recipient is "<address> on <date>", the lines below it (indented) give the reason and the
// MSEXCH diagnostic code.
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

const START =
  /^\s*(?:did not reach the following recipient\(s\):|The following recipient\(s\) could not be reached:)\s*$/im;
const ENTRY = /^\s*([^\s<>@]{1,256}@[^\s<>]{1,256})\s+on\s+\S.*$/;

function hint(msg: MailMessage): boolean {
  const mailer = header(msg, 'x-mailer');
  return (
    /^Internet Mail Service \(5\.|Microsoft Exchange Server Internet Mail Connector/i.test(mailer) ||
    (/^Undeliverable:/i.test(header(msg, 'subject')) && /postmaster@/i.test(header(msg, 'from')))
  );
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentionsWithRaw(msg, 'did not reach the following recipient(s):', 'could not be reached:');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const notice = markedNotice(msg, START);
  if (!notice) return null;
  const { lines } = notice;
  let i = notice.start;
  const recipients: RawRecipient[] = [];
  for (i += 1; i < lines.length; i++) {
    const m = ENTRY.exec(lines[i]);
    if (!m) continue;
    const block: string[] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j].trim() !== '' && !ENTRY.test(lines[j]); j++) block.push(lines[j]);
    i = j - 1;
    // The MTS-ID line is Exchange's bookkeeping, not part of the reason.
    const detail = unfold(
      block.filter((l) => !/MTS-ID of the original message/i.test(l) && !/^;/.test(l.trim())),
    );
    recipients.push(recipientFromDetail({ recipient: findAddress(m[1]), detail }));
  }
  return noticeExtraction(msg, 'exchange2003', recipients);
}

export const exchange2003: FormatWithEvidence = { name: 'exchange2003', hint, evidence, extract };
