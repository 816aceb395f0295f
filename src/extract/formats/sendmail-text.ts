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
import type { MailMessage, RawRecipient, SmtpCommand } from '../../types.js';
import { findAddress, smtpCommandName } from '../fields.js';
import { hasDeliveryStatusFields } from '../rfc3464.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  header,
  mentions,
  noticeExtraction,
  noticeLines,
  noticeText,
  recipientFromDetail,
} from './text-notice.js';

const END =
  /^\s*-{3,}\s*(?:Unsent message follows|Original message follows|Returned message follows|Message header follows)/im;
const LIST_START =
  /^\s*-{3,}\s*The following addresses had (permanent fatal|transient non-fatal) errors\s*-{3,}\s*$/i;
/** An entry of the address list: "<a@b>", "a@b", ">>> a@b <a@b>", "a@b [User unknown]". */
const LIST_ENTRY =
  /^(?:>{3}\s*)?(<?[^\s<>()@]{1,512}@[^\s<>()]{1,255}>?)(?:\s+(?:<[^\s<>]{1,512}>|\[[^\]]{0,200}\]))?$/;
/** A parenthesised line under an entry: "(reason: ...)", "(expanded from: ...)", "(Mailbox is full)". */
const LIST_NOTE = /^\((.*)\)$/;
const TRANSCRIPT_START = /^\s*-{3,}\s*Transcript of session follows\s*-{3,}\s*$/i;
/** "550 <a@b>... User unknown", "554 5.0.0 <a@b>... text" (sendmail's per-recipient log line). */
const RCPT_LINE = /^([245]\d\d)[ -](?:[245]\.\d{1,3}\.\d{1,3}\s+)?<([^\s<>]{1,512})>\.\.\.\s*(.*)$/;
const TALKING = /^(?:\.\.\.\s*)?while talking to\s+(\S{1,255}?)\.?:\s*$/i;

function hint(msg: MailMessage): boolean {
  return /^Returned mail:/i.test(header(msg, 'subject')) && /mailer-daemon/i.test(header(msg, 'from'));
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentions(msg, 'transcript of session follows', 'the following addresses had ');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
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
  const session = readTranscript(t >= 0 ? lines.slice(t + 1) : []);

  const recipients: RawRecipient[] = [];
  if (l >= 0) {
    // The address list: each entry an address alone on its line (maybe after ">>> "), with optional
    // parenthesised lines below it ("(reason: ...)", "(expanded from: ...)"). It ends at the first
    // empty line after an entry, at a line of prose, or at the next "---" marker.
    const listed: { address: string; reason: string }[] = [];
    for (let i = l + 1; i < lines.length && !/^\s*-{3,}/.test(lines[i]); i++) {
      const line = lines[i].trim();
      if (!line) {
        if (listed.length > 0) break;
        continue;
      }
      const note = LIST_NOTE.exec(line);
      if (note) {
        const last = listed[listed.length - 1];
        if (last && !last.reason && !/^expanded from:/i.test(note[1])) {
          last.reason = note[1].replace(/^reason:\s*/i, '');
        }
        continue;
      }
      const entry = LIST_ENTRY.exec(line);
      const address = entry ? findAddress(entry[1]) : '';
      if (!address) break;
      listed.push({ address, reason: '' });
    }
    for (const { address, reason } of listed) {
      // The transcript's part about this address; with a single address, the session's last reply.
      const own = session.byAddress.get(address.toLowerCase());
      const context = own?.section ?? (listed.length === 1 ? session.last : undefined);
      const detail = reason || context?.reply || (own ? `${own.code} ${own.text}` : session.lastError);
      recipients.push(
        recipientFromDetail({
          recipient: address,
          detail,
          action: delayed ? 'delayed' : 'failed',
          smtpCommand: context?.command ?? '',
          remoteMta: context?.remoteMta ?? '',
        }),
      );
    }
  } else {
    for (const line of session.lines) {
      if (line.code.startsWith('2')) continue;
      const own = /^[245]\d\d\b/.test(line.text) ? line.text : '';
      const detail = own || line.section?.reply || `${line.code} ${line.text}`;
      recipients.push(
        recipientFromDetail({
          recipient: line.address,
          detail,
          smtpCommand: own ? '' : (line.section?.command ?? ''),
          remoteMta: line.section?.remoteMta ?? '',
        }),
      );
    }
  }
  return noticeExtraction(msg, 'sendmail', recipients, delayed ? 'delay' : 'bounce');
}

interface SectionState {
  /** the last "<<< " reply of the section so far (continuation lines joined) */
  reply: string;
  /** the ">>> " command that reply answered */
  command: SmtpCommand;
  remoteMta: string;
}

interface RecipientLine {
  address: string;
  code: string;
  text: string;
  /** the "While talking to" section the line stands in, as it was at that line */
  section?: SectionState;
}

interface Session {
  lines: RecipientLine[];
  byAddress: Map<string, RecipientLine>;
  /** the state of the last section at the end of the transcript */
  last?: SectionState;
  /** the last line that starts with an error reply code */
  lastError: string;
}

/**
 * One pass over the transcript: the "While talking to" sections with their last ">>> " command and
 * "<<< " reply, and the "NNN <address>... text" lines with the section state at each.
 */
function readTranscript(transcript: string[]): Session {
  const session: Session = { lines: [], byAddress: new Map(), lastError: '' };
  let section: SectionState | undefined;
  let command: SmtpCommand = '';
  let continued = false;
  for (const raw of transcript) {
    const line = raw.trim();
    const talking = TALKING.exec(line);
    if (talking) {
      section = undefined;
      command = '';
      session.last = { reply: '', command: '', remoteMta: talking[1] };
      continue;
    }
    if (line.startsWith('>>> ')) {
      command = smtpCommandName(line.slice(4).replace(/[:\s].*$/, ''));
      continued = false;
      continue;
    }
    if (line.startsWith('<<< ') && session.last) {
      const reply = line.slice(4);
      const text = continued && section ? `${section.reply} ${reply}` : reply;
      section = { reply: text, command, remoteMta: session.last.remoteMta };
      session.last = section;
      continued = /^[245]\d\d-/.test(reply);
      if (/^[45]\d\d[ -]/.test(reply)) session.lastError = text;
      continue;
    }
    if (/^[45]\d\d[ -]/.test(line)) session.lastError = line;
    const m = RCPT_LINE.exec(line);
    if (!m) continue;
    const address = findAddress(m[2]);
    if (!address || session.byAddress.has(address.toLowerCase())) continue;
    const entry: RecipientLine = { address, code: m[1], text: m[3], section };
    session.lines.push(entry);
    session.byAddress.set(address.toLowerCase(), entry);
  }
  return session;
}

export const sendmailText: FormatWithEvidence = { name: 'sendmail', hint, evidence, extract };
