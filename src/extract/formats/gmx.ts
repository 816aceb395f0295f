// GMX / mail.com failure notices (From: MAILER-DAEMON@mail.gmx.com / @gmx.net; Subject: Mail delivery
// failed: returning message to sender). United Internet's mail system writes Exim's wording with its
// own layout; 1&1 / IONOS (einsundeins.ts) uses the same, so both read it with readUnitedInternet():
//   This message was created automatically by mail delivery software. ... This is a permanent
//   error. The following address failed:
//   "user@example.jp":                                   (or <user@example.jp>, or the bare address)
//   SMTP error from remote server after RCPT command:
//   host: mx.example.jp
//   5.1.1 <user@example.jp>... User Unknown               (or "Reason:" / "For the following reason:" + words)
//   --- The header of the original message is following. ---
import type { Extraction, MailMessage, RawRecipient } from '../../types.js';
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

const ORIGINAL_MARKER = /^-{2,}\s*The header of the original message is following\.?/im;
const LIST = /The following address(?:es)?\s+failed\s*:/i;

export const gmx: FormatWithEvidence = {
  name: 'gmx',
  hint(msg) {
    return /mailer-daemon@(?:[a-z0-9-]+\.)*(?:gmx\.(?:net|com|de)|mail\.com)\b/i.test(header(msg, 'from'));
  },
  evidence: unitedInternetEvidence,
  extract(msg) {
    return readUnitedInternet(msg, 'gmx');
  },
};

/** The words that the United Internet notice cannot be read without (GMX, 1&1). */
export function unitedInternetEvidence(msg: MailMessage): boolean {
  return (
    mentions(msg, 'the header of the original message is following') && mentions(msg, 'the following address')
  );
}

export function readUnitedInternet(msg: MailMessage, format: string): Extraction | null {
  if (!unitedInternetEvidence(msg)) return null;
  const { notice, rest } = splitAtMarker(noticeText(msg), ORIGINAL_MARKER);
  if (!rest) return null;
  const list = LIST.exec(notice);
  if (!list) return null;
  const blocks = addressBlocks(notice.slice(list.index + list[0].length));
  const recipients = blocks.map((b) => recipientFrom(b.recipient, b.lines));
  if (recipients.length === 0) return null;
  return extraction(format, 'bounce', recipients, findOriginal(msg, rest));
}

function recipientFrom(recipient: string, lines: string[]): RawRecipient {
  const r: RawRecipient = { recipient, action: 'failed' };
  const words: string[] = [];
  for (const line of lines) {
    const host = /^host:\s*([A-Za-z0-9._-]{1,255})/i.exec(line);
    if (host) {
      r.remoteMta = host[1];
      continue;
    }
    if (/^SMTP error from remote (?:mail )?server after/i.test(line)) {
      const cmd = findSmtpCommand(
        line.replace(
          /after (RCPT|MAIL)\b(?! (?:TO|FROM))/i,
          (_, c: string) => `after ${c} ${c.toUpperCase() === 'RCPT' ? 'TO' : 'FROM'}`,
        ),
      );
      if (cmd) r.smtpCommand = cmd;
      continue;
    }
    if (/^(?:Reason|For the following reason):?$/i.test(line)) continue;
    words.push(line);
  }
  const text = squeeze(words.join(' '));
  if (text) r.diagnosticCode = text;
  const code = leadingReplyCode(text);
  if (code) r.replyCode = code;
  const status = /^(?:[245]\d\d[ -])?[245]\.\d{1,3}\.\d{1,3}\b/.test(text) ? findStatus(text) : '';
  if (status) r.status = status;
  return r;
}
