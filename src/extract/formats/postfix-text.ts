// Postfix notices that carry no usable message/delivery-status part (Postfix before 2.0, or a
// report that says "--- Delivery report unavailable ---"), and the postmaster notice "Postfix SMTP
// server: errors from <client>" with its session transcript. Postfix bounces with an RFC 3464
// part are left to the RFC 3464 reader.
//
//   This is the mail system at host mx.example.jp.           (older: "This is the Postfix program")
//   ...
//   <user@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 <user@example.org>:
//       Recipient address rejected: User unknown (in reply to RCPT TO command)
//
// Each recipient is "<address>: text" (or "<address> (expanded from <alias>): text") at the start
// of a line, continued on lines indented with white space (Postfix's bounce(8) layout).
//
// Localized bounce templates (bounce_template_file) translate the prose, including the first line
// ("Dies ist das Mailsystem auf dem Rechner mx.example.jp."), but not the recipient entries, which
// Postfix writes itself: such a notice is known by an entry with a remote server's reply,
// "<address>: host mx[ip] said: ... (in reply to RCPT TO command)".
import type { MailMessage, RawRecipient } from '../../types.js';
import { findAddress, findSmtpCommand, smtpCommandName } from '../fields.js';
import { hasDeliveryStatusFields } from '../rfc3464.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  header,
  hostInText,
  mentions,
  noticeExtraction,
  noticeLines,
  noticeText,
  originalRecipients,
  recipientFromDetail,
  unfold,
} from './text-notice.js';

const INTRO = /^This is the (?:Postfix program|mail system) at host\s/im;
const ENTRY = /^<([^\s<>]{1,512})>(?:\s+\(expanded from <[^<>]{0,512}>\))?:\s*(.*)$/;
/** An entry with a remote server's reply: Postfix's own words, in English whatever the template. */
const REMOTE_ENTRY =
  /^<[^\s<>]{1,512}>(?:\s+\(expanded from <[^<>]{0,512}>\))?:\s*host\s+[^\s[\]]{1,255}\[[^\]\s]{1,64}\]\s+said:\s/m;
const IN_REPLY_TO = /\(in reply to [^()]{1,64} command\)/i;
/** The first line of a (localized) template: the reporting host's name ends it. */
const FIRST_LINE_HOST = /^[^\n]{0,200}\s([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10})\.?[ \t]*$/;
const UNAVAILABLE = /^\s*-{3}\s*Delivery report unavailable\s*-{3}\s*$/im;
/** Postfix's delay warning banner ("# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #"). */
const WARNING = /THIS IS A WARNING ONLY\.\s+YOU DO NOT NEED TO RESEND YOUR MESSAGE/i;
const SERVER_ERRORS = /^Postfix SMTP server: errors from\s/i;

function hint(msg: MailMessage): boolean {
  const subject = header(msg, 'subject');
  return (
    SERVER_ERRORS.test(subject) ||
    (/^Undelivered Mail Returned to Sender\s*$/i.test(subject) && !hasRecipientFields(msg))
  );
}

function hasRecipientFields(msg: MailMessage): boolean {
  return !!msg.deliveryStatus && hasDeliveryStatusFields(msg.deliveryStatus);
}

/** The server's transcript by its subject, or the words of the notice's first line. */
function evidence(msg: MailMessage): boolean {
  return (
    SERVER_ERRORS.test(header(msg, 'subject')) ||
    mentions(msg, 'this is the postfix program at host', 'this is the mail system at host') ||
    mentions(msg, '(in reply to ')
  );
}

function extract(msg: MailMessage) {
  if (SERVER_ERRORS.test(header(msg, 'subject'))) return fromServerTranscript(msg);
  if (!evidence(msg)) return null;
  if (hasRecipientFields(msg)) return null;
  const text = noticeText(msg);
  const intro = INTRO.test(text);
  if (!intro && !(REMOTE_ENTRY.test(text) && IN_REPLY_TO.test(text))) return null;
  // Delivery-status fields inline in the text (the MIME structure was lost): the RFC 3464 reader.
  if (hasDeliveryStatusFields(text)) return null;
  const delayed = WARNING.test(text);
  const lines = noticeLines(text);
  const recipients: RawRecipient[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = ENTRY.exec(lines[i]);
    if (!m) continue;
    const address = findAddress(m[1]);
    const block = [m[2]];
    let j = i + 1;
    for (; j < lines.length && /^[ \t]+\S/.test(lines[j]); j++) block.push(lines[j]);
    i = j - 1;
    if (!address) continue;
    const detail = unfold(block);
    // "host mx[ip] said: 550 ..." - the server's words follow "said:".
    const said = /\bsaid:\s*/i.exec(detail);
    recipients.push(
      recipientFromDetail({
        recipient: address,
        action: delayed ? 'delayed' : 'failed',
        detail: said ? detail.slice(said.index + said[0].length) : detail,
        smtpCommand: findSmtpCommand(detail),
        remoteMta: hostInText(` ${detail.replace(/\[/, ' [')}`),
      }),
    );
  }
  // "Delivery report unavailable": Postfix could not write the report; the returned message's
  // To names the recipient(s), with no reason given.
  if (recipients.length === 0 && UNAVAILABLE.test(text)) {
    for (const a of originalRecipients(msg))
      recipients.push({ recipient: a, action: delayed ? 'delayed' : 'failed' });
  }
  const ex = noticeExtraction(msg, 'postfix', recipients, delayed ? 'delay' : 'bounce');
  const at = /^This is the (?:Postfix program|mail system) at host ([A-Za-z0-9.-]{1,255}?)\.?\s*$/im.exec(
    text,
  );
  if (ex && at) ex.reportingMta = at[1];
  else if (ex && !intro) {
    const host = FIRST_LINE_HOST.exec(text.trimStart().split('\n', 1)[0])?.[1];
    if (host) ex.reportingMta = host;
  }
  return ex;
}

/**
 * "Postfix SMTP server: errors from <client>": the session as "In:" / "Out:" lines. The recipient
 * is the last RCPT TO the client gave, the reply the last 4xx/5xx the server sent, and the stage
 * the command that reply answered.
 */
function fromServerTranscript(msg: MailMessage) {
  const lines = noticeLines(noticeText(msg));
  let recipient = '';
  let lastCommand = '';
  let reply = '';
  let command = '';
  for (const raw of lines) {
    const line = raw.trim();
    const input = /^In:\s+(\S{1,64})(.*)$/.exec(line);
    if (input) {
      lastCommand = input[1].toUpperCase();
      if (lastCommand === 'RCPT') {
        const a = findAddress(input[2]);
        if (a) recipient = a;
      }
      continue;
    }
    const out = /^Out:\s+([45]\d\d[ -].*)$/.exec(line);
    if (out) {
      reply = out[1];
      command = lastCommand;
    }
  }
  if (!recipient || !reply) return null;
  return noticeExtraction(msg, 'postfix', [
    recipientFromDetail({ recipient, detail: reply, smtpCommand: smtpCommandName(command) }),
  ]);
}

export const postfixText: FormatWithEvidence = { name: 'postfix', hint, evidence, extract };
