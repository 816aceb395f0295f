// Yahoo! Mail's failure notice (From: MAILER-DAEMON@yahoo.com and Yahoo's regional hosts,
// Subject: Failure Notice), plain text:
//   Sorry, we were unable to deliver your message to the following address.
//
//   <user@example.jp>:
//   Remote host said: 550 5.1.1 <user@example.jp>... User Unknown [RCPT_TO]
//                     (or the reply on the next lines, or Yahoo's own "550: 5.2.2 ..." / words)
//
//   --- Below this line is a copy of the message.
// One "<address>:" block per recipient; the bracketed [RCPT_TO] / [DATA] names the SMTP stage.
import type { RawRecipient, SmtpCommand } from '../../types.js';
import { findAddress, findStatus, smtpCommandName } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  extraction,
  findOriginal,
  header,
  mentions,
  noticeText,
  splitAtMarker,
  squeeze,
} from './provider-notice.js';

const INTRO = /Sorry,? we were unable to deliver your message to the following address(?:es)?\.?/i;
const ORIGINAL_MARKER = /^-{2,}\s*Below this line is a copy of the message\.?/im;
const ADDRESS_LINE = /^<([^<>\s@]{1,512}@[^<>\s]{1,512})>:\s*$/;

export const yahoo: FormatWithEvidence = {
  name: 'yahoo',
  hint(msg) {
    return /^Failure Notice/i.test(header(msg, 'subject')) && /mailer-daemon@/i.test(header(msg, 'from'));
  },
  evidence(msg) {
    return mentions(msg, 'we were unable to deliver your message to the following address');
  },
  extract(msg) {
    if (!yahoo.evidence(msg)) return null;
    const { notice, rest } = splitAtMarker(noticeText(msg), ORIGINAL_MARKER);
    const intro = INTRO.exec(notice);
    if (!intro) return null;
    const recipients: RawRecipient[] = [];
    let current: { r: RawRecipient; words: string[] } | null = null;
    const flush = () => {
      if (current) recipients.push(finish(current.r, current.words));
      current = null;
    };
    for (const line of notice.slice(intro.index + intro[0].length).split('\n', 5000)) {
      const a = ADDRESS_LINE.exec(line.trim());
      if (a) {
        flush();
        current = { r: { recipient: findAddress(a[1]) || a[1], action: 'failed' }, words: [] };
      } else if (current && line.trim()) current.words.push(line.trim());
    }
    flush();
    if (recipients.length === 0) return null;
    return extraction('yahoo', 'bounce', recipients, findOriginal(msg, rest));
  },
};

function finish(r: RawRecipient, words: string[]): RawRecipient {
  let text = squeeze(words.join(' ')).replace(/^Remote host said:\s*/i, '');
  // Yahoo closes the reply with the stage it came at: [RCPT_TO], [MAIL_FROM], [DATA] or [BODY]
  // (after the message was sent), [CONNECT], [HELO]/[EHLO].
  const stage = /\s*\[(RCPT_TO|MAIL_FROM|DATA|BODY|CONNECT|HELO|EHLO)\]\s*$/i.exec(text);
  if (stage) {
    text = text.slice(0, stage.index);
    const word = stage[1].toUpperCase();
    const cmd: SmtpCommand =
      word === 'CONNECT' ? 'CONN' : word === 'BODY' ? 'DATA' : smtpCommandName(word.replace('_', ' '));
    if (cmd) r.smtpCommand = cmd;
  }
  // Yahoo writes its own relays' replies as "550: 5.2.2 ..." or "550: : User unknown".
  const code = /^([245]\d\d)(?::\s*:?)?(?:\s|$)/.exec(text);
  if (code) {
    r.replyCode = code[1];
    text = `${code[1]} ${text.slice(code[0].length).trim()}`.trim();
    const status = findStatus(text);
    if (status) r.status = status;
  }
  if (text) r.diagnosticCode = text;
  return r;
}
