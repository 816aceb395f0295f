// Trend Micro InterScan Messaging Security Suite / VirusWall notices:
//
//   ****** Message from InterScan Messaging Security Suite ******
//
//   The following mail could not be delivered.
//   Reason:  Unable to deliver message to <user@example.org> (and other recipients in the same domain).
//
// Versions that quote the SMTP session write "Sent <<< RCPT TO:<user@example.org>" and
// "Received >>> 550 5.1.1 ... User unknown" lines instead.
import type { MailMessage, RawRecipient } from '../../types.js';
import { findAddress, smtpCommandName } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  header,
  markedNotice,
  mentionsWithRaw,
  noticeExtraction,
  recipientFromDetail,
} from './text-notice.js';

const START = /Message from InterScan (?:Messaging Security Suite|E-Mail VirusWall)|^Sent <<< RCPT TO:/im;
const REASON = /^Reason:\s*(.*\S)\s*$/i;
const SENT = /^Sent <<<\s*(RCPT TO|MAIL FROM|DATA)\s*:?\s*<?([^<>\s]{0,512})>?/i;
const RECEIVED = /^Received >>>\s*(.*\S)\s*$/i;

function hint(msg: MailMessage): boolean {
  return /^Mail could not be delivered\s*$/i.test(header(msg, 'subject'));
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentionsWithRaw(msg, 'message from interscan', 'sent <<< rcpt to:');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const notice = markedNotice(msg, START);
  if (!notice) return null;
  const { lines } = notice;
  const recipients: RawRecipient[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const sent = SENT.exec(line);
    if (sent) {
      const received = RECEIVED.exec((lines[i + 1] ?? '').trim());
      const address = findAddress(sent[2]);
      if (address && received && !seen.has(address)) {
        seen.add(address);
        recipients.push(
          recipientFromDetail({
            recipient: address,
            detail: received[1],
            smtpCommand: smtpCommandName(sent[1]),
          }),
        );
      }
      continue;
    }
    const reason = REASON.exec(line);
    if (!reason) continue;
    const address = findAddress(reason[1]);
    if (address && !seen.has(address)) {
      seen.add(address);
      recipients.push(recipientFromDetail({ recipient: address, detail: reason[1] }));
    }
  }
  return noticeExtraction(msg, 'interscan', recipients);
}

export const interscan: FormatWithEvidence = { name: 'interscan', hint, evidence, extract };
