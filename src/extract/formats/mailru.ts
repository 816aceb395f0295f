// mail.ru's failure notice (From: mailer-daemon@corp.mail.ru and other mail.ru hosts; Subject
// "Ваше сообщение не доставлено. Mail failure."). mail.ru runs Exim: the notice is a Russian
// paragraph followed by Exim's English one, each listing the failed addresses (indented two
// spaces) with the reason under each (indented four):
//   К сожалению, Ваше письмо не может быть доставлено одному или нескольким получателям:
//     user@example.jp
//       SMTP error from remote mail server after RCPT TO:<user@example.jp>:
//       host mx.example.jp [192.0.2.1]: 550 5.1.1 <user@example.jp>... User Unknown
//   ...
//   This message was created automatically by mail delivery software. ...
//   The following address(es) failed:
//     (the same list)
//   ------ This is a copy of the message, including all the headers. ------
// The English list is read first (the Russian one sometimes shortens an address to its local part).
import type { RawRecipient } from '../../types.js';
import { findSmtpCommand, findStatus, leadingReplyCode } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  addressBlocks,
  extraction,
  findOriginal,
  header,
  mentions,
  noticeText,
  splitAtMarker,
  squeeze,
} from './provider-notice.js';

const FROM = /@(?:[a-z0-9-]+\.)*(?:mail\.ru|smailru\.net)\b/i;
const ORIGINAL_MARKER = /^-{3,}\s*This is a copy of the message/im;
const ENGLISH_LIST =
  /(?:The following address(?:\(es\)|es)?\s+failed|The address(?:\(es\)|es)? to which the message has not yet been delivered (?:is|are)):/i;
const RUSSIAN_LIST = /не может быть доставлено одному или нескольким получателям:/i;
const DELAY = /has not yet been delivered|Delay reason:/i;

export const mailru: FormatWithEvidence = {
  name: 'mailru',
  hint(msg) {
    return FROM.test(header(msg, 'from')) && /mailer-daemon/i.test(header(msg, 'from'));
  },
  // A list in English or Russian, and mail.ru's sender or its Russian list (see below).
  evidence(msg) {
    if (mentions(msg, 'не может быть доставлено одному или нескольким получателям:')) return true;
    return (
      mentions(msg, 'the following address', 'to which the message has not yet been delivered') &&
      FROM.test(header(msg, 'from'))
    );
  },
  extract(msg) {
    if (!mailru.evidence(msg)) return null;
    const { notice, rest } = splitAtMarker(noticeText(msg), ORIGINAL_MARKER);
    const list = ENGLISH_LIST.exec(notice) ?? RUSSIAN_LIST.exec(notice);
    if (!list) return null;
    // mail.ru's own Russian preface or sender is what tells it from any Exim notice.
    if (!RUSSIAN_LIST.test(notice) && !FROM.test(header(msg, 'from'))) return null;
    let section = notice.slice(list.index + list[0].length);
    const english = ENGLISH_LIST.exec(section);
    if (english) section = section.slice(english.index + english[0].length);
    const recipients: RawRecipient[] = addressBlocks(section, true).map((b) =>
      recipientFrom(b.recipient, b.lines),
    );
    if (recipients.length === 0) return null;
    const kind = DELAY.test(notice) ? 'delay' : 'bounce';
    if (kind === 'delay') for (const r of recipients) r.action = 'delayed';
    return extraction('mailru', kind, recipients, findOriginal(msg, rest));
  },
};

/** Exim's reason lines: "SMTP error from remote mail server after <cmd>:", "host <name> [<ip>]: <reply>". */
export function recipientFrom(recipient: string, lines: string[]): RawRecipient {
  const r: RawRecipient = { recipient, action: 'failed' };
  const text = squeeze(lines.join(' ')).replace(/^Delay reason:\s*/i, '');
  const cmd = findSmtpCommand(text);
  if (cmd) r.smtpCommand = cmd;
  const host = /\bhost\s+([A-Za-z0-9._-]{1,255})\s+\[[0-9A-Fa-f.:]{1,64}\]:\s*/.exec(text);
  if (host) {
    r.remoteMta = host[1];
    const reply = text.slice(host.index + host[0].length);
    r.diagnosticCode = reply;
    const code = leadingReplyCode(reply);
    if (code) r.replyCode = code;
    const status = findStatus(reply);
    if (status) r.status = status;
  } else if (text) r.diagnosticCode = text;
  return r;
}
