// DragonFly Mail Agent (dma, the DragonFly BSD / Debian "dma" MTA) bounce notices:
//
//   This is the DragonFly Mail Agent v0.13 at host.example.
//
//   There was an error delivering your mail to <user@example.org>.
//
//   mx.example.org [192.0.2.1] did not like our RCPT TO:
//   550 5.1.1 <user@example.org>: Recipient address rejected: User unknown
//
//   Original message follows.            (or "Message headers follow.")
//
// dma writes one notice per failed recipient. Its error texts: "<host> [<ip>] did not like our
// <command>:" followed by the server's reply lines, "DNS lookup failure: host <name> not found",
// "Could not deliver for the last <N> seconds. Giving up.", "unable to connect ...".
import type { MailMessage } from '../../types.js';
import { findAddress, smtpCommandName } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  fromAddress,
  header,
  mentions,
  noticeExtraction,
  noticeLines,
  noticeText,
  recipientFromDetail,
  unfold,
} from './text-notice.js';

const START = /There was an error delivering your mail to\s+<?([^\s<>]{1,512})>?\.?\s*$/i;
const END = /^(?:Original message follows|Message headers follow)\.?\s*$/im;
const DID_NOT_LIKE =
  /^(\S{1,255})\s+\[([^\]]{1,64})\]\s+did not like our\s+(final DATA|DATA|RCPT TO|MAIL FROM|EHLO|HELO|STARTTLS|AUTH|QUIT)\b/i;

const EXPIRED = /^Could not deliver for the last \d{1,12} seconds\. Giving up\./i;

function hint(msg: MailMessage): boolean {
  // The subject first: it rules out nearly every message without the From address being parsed.
  if (!/^Mail delivery failed\s*$/i.test(header(msg, 'subject'))) return false;
  const from = fromAddress(msg);
  return from === '' || from === '<>' || from.startsWith('mailer-daemon');
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentions(msg, 'there was an error delivering your mail to');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const text = noticeText(msg, END);
  if (!/This is the DragonFly Mail Agent\b|There was an error delivering your mail to/i.test(text))
    return null;
  const lines = noticeLines(text);
  let i = 0;
  let recipient = '';
  for (; i < lines.length; i++) {
    const m = START.exec(lines[i].trim());
    if (m) {
      recipient = findAddress(m[1]);
      break;
    }
  }
  if (!recipient) return null;
  const body = lines.slice(i + 1);
  const first = body.find((l) => l.trim() !== '') ?? '';
  const dnl = DID_NOT_LIKE.exec(first.trim());
  // After "did not like our X:" come the server's reply lines; otherwise dma's own words.
  const detail = dnl ? unfold(body.slice(body.indexOf(first) + 1)) : unfold(body);
  const r = recipientFromDetail({
    recipient,
    detail,
    smtpCommand: dnl ? smtpCommandName(dnl[3]) : '',
    remoteMta: dnl ? dnl[1] : '',
  });
  // dma's own words when a message outlived the queue: the notice states the expiry, not a server.
  if (!dnl && EXPIRED.test(detail)) r.reasonHint = 'expired';
  const ex = noticeExtraction(msg, 'dragonfly', [r]);
  const at = /This is the DragonFly Mail Agent\b.{0,40}? at ([A-Za-z0-9.-]{1,255}?)\.?\s*$/im.exec(text);
  if (ex && at) ex.reportingMta = at[1];
  return ex;
}

export const dragonfly: FormatWithEvidence = { name: 'dragonfly', hint, evidence, extract };
