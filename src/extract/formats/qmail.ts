// qmail-send's bounce notice (qmail-send.c, also netqmail/notqmail and the vpopmail and ISP systems
// built on it, which keep the layout and change the opening words):
//
//   Hi. This is the qmail-send program at host.example.
//   I'm afraid I wasn't able to deliver your message to the following addresses.
//   This is a permanent error; I've given up. Sorry it didn't work out.
//
//   <user@example.org>:
//   192.0.2.1 does not like recipient.
//   Remote host said: 550 5.1.1 <user@example.org>... User unknown
//   Giving up on 192.0.2.1.
//
//   --- Below this line is a copy of the message.
//
// Each recipient is "<address>:" on its own line, followed by what qmail-remote or the local
// delivery reported, up to an empty line. qmail-remote's fixed sentences name the SMTP stage
// ("does not like recipient" = RCPT, "sender was rejected" = MAIL, "failed after I sent the
// message" = DATA...) and its own status codes are written "(#5.1.1)".
import type { MailMessage, RawRecipient, SmtpCommand } from '../../types.js';
import { findAddress } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  header,
  mentions,
  noticeExtraction,
  noticeLines,
  noticeText,
  recipientFromDetail,
  unfold,
} from './text-notice.js';

/** The opening sentences of qmail-send and of notices that keep its layout. */
const INTRO =
  /This is the qmail-send program at|I'm afraid I wasn't able to deliver your message to the following addresses|unable to deliver (?:your )?message to the following address(?:\(es\)|es)?|Your mail message to the following address(?:\(es\)|es)? could not be delivered|This is the machine generated message from mail service|Su mensaje no pudo ser entregado/i;

/** "--- Below this line is a copy of the message." and its variants. */
const END =
  /^--- ?(?:Below (?:this|the next) line is|Enclosed (?:is|are)|Original message follows|Attached is)/im;

/** "<address>:" on its own line; some derivatives put the first words of the reason after it. */
const RECIPIENT_LINE =
  /^<([^\s<>@]{1,512}@[^\s<>]{1,512})>:(?:\s+(\S.*))?$|^<([^\s<>@]{1,512}@[^\s<>]{1,512})>\s*$/;

/** qmail-remote's sentences and the SMTP stage each names (qmail-remote.c). */
const STAGES: ReadonlyArray<readonly [RegExp, SmtpCommand]> = [
  [/does not like recipient/i, 'RCPT'],
  [/but sender was rejected/i, 'MAIL'],
  [/but my name was rejected/i, 'EHLO'],
  [/but greeting failed/i, 'CONN'],
  [/failed on DATA command|failed after I sent the message/i, 'DATA'],
  [/most progress was RCPT TO/i, 'RCPT'],
  [/most progress was MAIL FROM/i, 'MAIL'],
  [/most progress was (?:HELO|EHLO)/i, 'EHLO'],
  [/wasn't able to establish an SMTP connection/i, 'CONN'],
];

/** The remote host qmail-remote names ("192.0.2.1 does not like recipient.", "Connected to 192.0.2.1 but..."). */
const REMOTE =
  /(?:Connected to\s+(\S{1,255})\s+but|(?:^|\s)(\S{1,255})\s+(?:does not like recipient|failed on DATA|failed after I sent)|remote host\s+(\S{1,255})\s+said)/i;

function hint(msg: MailMessage): boolean {
  const from = header(msg, 'from').toLowerCase();
  return from.includes('mailer-daemon') && /^failure notice\s*$/i.test(header(msg, 'subject'));
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return (
    mentions(msg, 'this is the qmail-send program at', 'message to the following address') ||
    mentions(
      msg,
      'this is the machine generated message from mail service',
      'su mensaje no pudo ser entregado',
    )
  );
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const text = noticeText(msg, END);
  if (!INTRO.test(text)) return null;
  const lines = noticeLines(text);
  const recipients: RawRecipient[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = RECIPIENT_LINE.exec(lines[i].trim());
    if (!m) continue;
    const address = findAddress(m[1] ?? m[3] ?? '');
    if (!address) continue;
    const block: string[] = m[2] ? [m[2]] : [];
    let j = i + 1;
    for (; j < lines.length && lines[j].trim() !== '' && !RECIPIENT_LINE.test(lines[j].trim()); j++)
      block.push(lines[j]);
    i = j - 1;
    const detail = unfold(block.map((l) => l.replace(/^\s*Remote host said:\s*/i, '')));
    const stage = STAGES.find(([re]) => re.test(detail));
    const remote = REMOTE.exec(detail);
    recipients.push(
      recipientFromDetail({
        recipient: address,
        detail,
        smtpCommand: stage ? stage[1] : '',
        remoteMta: remote ? (remote[1] ?? remote[2] ?? remote[3] ?? '').replace(/[.:]$/, '') : '',
      }),
    );
  }
  const ex = noticeExtraction(msg, 'qmail', recipients);
  const at = /This is the qmail-send program at ([A-Za-z0-9.-]{1,255}?)\.?\s*$/im.exec(text);
  if (ex && at) ex.reportingMta = at[1];
  return ex;
}

export const qmail: FormatWithEvidence = { name: 'qmail', hint, evidence, extract };
