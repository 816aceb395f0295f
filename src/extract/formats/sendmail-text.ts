// Sendmail's plain-text notices without a delivery-status part: sendmail V5 and 8.x configured
// without DSN, and systems that copied sendmail's layout (e.g. Active!hunter). Sendmail 8 with a
// message/delivery-status part is left to the RFC 3464 reader.
//
//      ----- The following addresses had permanent fatal errors -----
//   <user@example.org>
//       (reason: 550 5.1.1 User unknown)
//
//      ----- Transcript of session follows -----
//   ... while talking to mx.example.org.:
//   >>> RCPT To:<user@example.org>
//   <<< 550 5.1.1 User unknown
//   550 5.1.1 <user@example.org>... User unknown
//
//      ----- Unsent message follows -----
//
// V5 writes only the transcript: each failed recipient is a line "NNN <address>... text", where the
// text may itself start with the remote reply ("554 <a@b>... 550 Host unknown"); otherwise the
// remote reply is the "<<< " line of the same "While talking to" section, answering the ">>> "
// command before it.
import type { FormatExtractor, MailMessage, RawRecipient, SmtpCommand } from '../../types.js';
import { findAddress, smtpCommandName } from '../fields.js';
import { hasDeliveryStatusFields } from '../rfc3464.js';
import { header, noticeExtraction, noticeLines, noticeText, recipientFromDetail } from './text-notice.js';

const END = /^\s*-{3,}\s*(?:Unsent message follows|Original message follows|Returned message follows|Message header follows)/im;
const LIST_START = /^\s*-{3,}\s*The following addresses had (permanent fatal|transient non-fatal) errors\s*-{3,}\s*$/i;
const TRANSCRIPT_START = /^\s*-{3,}\s*Transcript of session follows\s*-{3,}\s*$/i;
/** "550 <a@b>... User unknown", "554 5.0.0 <a@b>... text" (sendmail's per-recipient log line). */
const RCPT_LINE = /^([245]\d\d)[ -](?:[245]\.\d{1,3}\.\d{1,3}\s+)?<([^\s<>]{1,512})>\.\.\.\s*(.*)$/;
const TALKING = /^(?:\.\.\.\s*)?while talking to\s+(\S{1,255}?)\.?:\s*$/i;

function hint(msg: MailMessage): boolean {
  return /^Returned mail:/i.test(header(msg, 'subject')) && /mailer-daemon/i.test(header(msg, 'from'));
}

interface TranscriptReply {
  reply: string;
  command: SmtpCommand;
  remoteMta: string;
}

function extract(msg: MailMessage) {
  // Delivery-status fields, as a part or inline in the text (a bounce whose MIME header was lost):
  // the RFC 3464 reader reads them better.
  if (msg.deliveryStatus && hasDeliveryStatusFields(msg.deliveryStatus)) return null;
  if (hasDeliveryStatusFields(msg.text.slice(0, 256 * 1024))) return null;
  const text = noticeText(msg, END);
  const lines = noticeLines(text);
  const t = lines.findIndex((l) => TRANSCRIPT_START.test(l));
  const l = lines.findIndex((x) => LIST_START.test(x));
  if (t < 0 && l < 0) return null;
  const delayed = l >= 0 && /transient/i.test(lines[l]);
  const transcript = t >= 0 ? lines.slice(t + 1) : [];

  const recipients: RawRecipient[] = [];
  if (l >= 0) {
    // The address list, each address with an optional "(reason: ...)" line below it.
    for (let i = l + 1; i < lines.length && !TRANSCRIPT_START.test(lines[i]) && !/^\s*-{3,}/.test(lines[i]); i++) {
      const line = lines[i].trim();
      if (!line || /^\((?:expanded from|reason):/i.test(line)) continue;
      const address = findAddress(line);
      if (!address) continue;
      const reason = /^\(reason:\s*(.*)\)\s*$/i.exec((lines[i + 1] ?? '').trim());
      const fromTranscript = replyFor(transcript, address);
      const detail = reason ? reason[1] : (fromTranscript?.reply ?? lastReply(transcript));
      recipients.push(
        recipientFromDetail({
          recipient: address,
          detail,
          action: delayed ? 'delayed' : 'failed',
          smtpCommand: fromTranscript?.command ?? '',
          remoteMta: fromTranscript?.remoteMta ?? '',
        }),
      );
    }
  } else {
    for (let i = 0; i < transcript.length; i++) {
      const m = RCPT_LINE.exec(transcript[i].trim());
      if (!m || m[1].startsWith('2')) continue;
      const address = findAddress(m[2]);
      if (!address || recipients.some((r) => r.recipient === address)) continue;
      const own = /^[245]\d\d\b/.test(m[3]) ? m[3] : '';
      const section = sectionReply(transcript, i);
      const detail = own || section?.reply || `${m[1]} ${m[3]}`;
      recipients.push(
        recipientFromDetail({
          recipient: address,
          detail,
          smtpCommand: own ? '' : (section?.command ?? ''),
          remoteMta: section?.remoteMta ?? '',
        }),
      );
    }
  }
  return noticeExtraction(msg, 'sendmail', recipients, delayed ? 'delay' : 'bounce');
}

/** The "<<< " reply (and its ">>> " command) of the "While talking to" section that holds line `at`. */
function sectionReply(transcript: string[], at: number): TranscriptReply | undefined {
  let reply = '';
  let command: SmtpCommand = '';
  let remoteMta = '';
  let start = at;
  while (start > 0 && !TALKING.test(transcript[start].trim())) start--;
  const talking = TALKING.exec(transcript[start].trim());
  if (!talking) return undefined;
  remoteMta = talking[1];
  for (let k = start + 1; k < at; k++) {
    const line = transcript[k].trim();
    if (line.startsWith('>>> ')) command = smtpCommandName(line.slice(4).replace(/[:\s].*$/, ''));
    else if (line.startsWith('<<< ')) reply = reply && /^[245]\d\d-/.test(reply) ? `${reply} ${line.slice(4)}` : line.slice(4);
  }
  return reply ? { reply, command, remoteMta } : undefined;
}

/** The transcript's reply about `address`: its "NNN <address>... text" line and the section's reply. */
function replyFor(transcript: string[], address: string): TranscriptReply | undefined {
  const want = address.toLowerCase();
  for (let i = 0; i < transcript.length; i++) {
    const m = RCPT_LINE.exec(transcript[i].trim());
    if (!m || findAddress(m[2]).toLowerCase() !== want) continue;
    const section = sectionReply(transcript, i);
    if (section) return section;
    return { reply: `${m[1]} ${m[3]}`, command: '', remoteMta: '' };
  }
  return undefined;
}

/** The last line of a transcript that starts with an error reply code. */
function lastReply(transcript: string[]): string {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const line = transcript[i].trim().replace(/^<<<\s*/, '');
    if (/^[45]\d\d[ -]/.test(line)) return line;
  }
  return '';
}

export const sendmailText: FormatExtractor = { name: 'sendmail', hint, extract };
