// au / EZweb (ezweb.ne.jp, au.com) notices (From: Postmaster@ezweb.ne.jp, Subject: Mail System Error -
// Returned Mail). A Japanese preface (often mislabelled EUC-JP, so unreadable) and fixed English
// sentences, the address in angle brackets, sometimes the remote reply:
//   The user(s) account is disabled.
//   <user@ezweb.ne.jp>: 550 user unknown (in reply to RCPT TO command)
// or
//   Each of the following recipients was rejected by a remote mail server.
//       Recipient: <user@ezweb.ne.jp>
//       >>> RCPT TO:<user@ezweb.ne.jp>
//       <<< 550 <user@ezweb.ne.jp>: User unknown
// or the address first, the sentence after it, and a dashed line before the pasted original.
import type { RawRecipient, Reason } from '../../types.js';
import { findSmtpCommand, findStatus, leadingReplyCode, smtpCommandName } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  extraction,
  fillFromDeliveryStatus,
  findOriginal,
  header,
  noticeText,
  splitAtMarker,
  squeeze,
} from './provider-notice.js';

const FROM = /@(?:[a-z0-9-]+\.)*(?:ezweb\.ne\.jp|au\.com)\b/i;
const ORIGINAL_MARKER = /^-{20,}\s*$/m;
const ANGLED = /<([^\s<>@]{1,256}@[A-Za-z0-9.-]{1,256})>/g;

/** The carrier's fixed sentences that name the cause (from au/EZweb notices). */
const FIXED: { text: RegExp; reason: Reason; needsNoReply?: boolean }[] = [
  { text: /The user\(s\) account is disabled/i, reason: 'suspend' },
  // Said alone, without a remote reply, it is the recipient's own reception filter (au's
  // "domain/address designated reception" setting) refusing the sender.
  { text: /rejected by a remote\s+mail server/i, reason: 'filtered', needsNoReply: true },
];

export const ezweb: FormatWithEvidence = {
  name: 'ezweb',
  hint(msg) {
    return FROM.test(header(msg, 'from')) && /Mail System Error/i.test(header(msg, 'subject'));
  },
  evidence(msg) {
    return FROM.test(header(msg, 'from'));
  },
  extract(msg) {
    if (!ezweb.evidence(msg)) return null;
    const { notice, rest } = splitAtMarker(noticeText(msg), ORIGINAL_MARKER);
    const lines = notice.split('\n', 5000);
    const seen = new Set<string>();
    const recipients: RawRecipient[] = [];
    const sentences = squeeze(lines.filter((l) => /^[\x20-\x7e]+$/.test(l) && !/[<>]/.test(l)).join(' '));
    for (const line of lines) {
      if (/^\s*(?:>>>|<<<)/.test(line)) continue;
      for (const m of line.matchAll(ANGLED)) {
        const recipient = m[1];
        if (seen.has(recipient.toLowerCase())) continue;
        seen.add(recipient.toLowerCase());
        recipients.push(recipientFrom(recipient, line.slice((m.index ?? 0) + m[0].length), lines, sentences));
        break;
      }
    }
    if (recipients.length === 0) return null;
    fillFromDeliveryStatus(msg, recipients);
    return extraction('ezweb', 'bounce', recipients, findOriginal(msg, rest));
  },
};

function recipientFrom(recipient: string, tail: string, lines: string[], sentences: string): RawRecipient {
  const r: RawRecipient = { recipient, action: 'failed' };
  // The reply: after "<addr>:" on the same line, or the "<<<" line of the transcript for it.
  let reply = tail.replace(/^\s*:\s*/, '').trim();
  const needle = recipient.toLowerCase();
  for (let i = 0; !leadingReplyCode(reply) && i < lines.length; i++) {
    const sent = /^\s*>>>\s*(RCPT TO|MAIL FROM|DATA)\b/i.exec(lines[i]);
    if (!sent || (!lines[i].toLowerCase().includes(needle) && !/DATA/i.test(sent[1]))) continue;
    const answer = /^\s*<<<\s*(.*)$/.exec(lines[i + 1] ?? '');
    if (answer) {
      reply = answer[1].trim();
      const cmd = smtpCommandName(sent[1]);
      if (cmd) r.smtpCommand = cmd;
    }
  }
  const code = leadingReplyCode(reply);
  if (code) {
    r.replyCode = code;
    r.diagnosticCode = reply;
    const status = findStatus(reply);
    if (status) r.status = status;
    const cmd = findSmtpCommand(reply);
    if (cmd) r.smtpCommand = cmd;
  } else if (sentences) r.diagnosticCode = sentences;
  for (const f of FIXED) {
    if (f.needsNoReply && code) continue;
    if (f.text.test(sentences)) {
      r.reasonHint = f.reason;
      break;
    }
  }
  return r;
}
