// Zoho Mail's notices (From: mailer-daemon@mail.zoho.com, X-Mailer: Zoho Mail). Failures list one
// line per recipient, and the original's header lines follow the notice directly:
//   This message was created automatically by mail delivery software.
//   A message that you sent could not be delivered to one or more of its recipients. This is a permanent error.
//   user@example.jp Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <user@example.jp>... User Unknown
//   Received:from mail.zoho.com by mx.zohomail.com ...
// Delay warnings ("THIS IS A WARNING MESSAGE ONLY.") write bracketed lines instead:
//   [Status: Error, Address: <user@example.jp>, ResponseCode 421, , Host not reachable.]
//   Message will be retried for 4 more day(s)
import type { RawRecipient } from '../../types.js';
import { findStatus } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import { extraction, findOriginal, header, mentions, noticeText } from './provider-notice.js';

const FAILURE =
  /^\s*([^\s@]{1,256}@[^\s,]{1,256})\s+([^,\n]{0,100}),\s*ERROR_CODE\s*:\s*(\d{3})?\s*,\s*ERROR_CODE\s*:\s*(.*)$/i;
const DELAYED =
  /^\s*\[Status:\s*([^,\]]{0,40}),\s*Address:\s*<?([^\s<>@]{1,256}@[^\s<>,]{1,256})>?,\s*ResponseCode\s*(\d{3})?\s*,\s*([^\]\n]*)\]/i;

export const zoho: FormatWithEvidence = {
  name: 'zoho',
  hint(msg) {
    return (
      /^Zoho Mail/i.test(header(msg, 'x-mailer')) ||
      /mailer-daemon@(?:[a-z0-9-]+\.)*zoho\.com/i.test(header(msg, 'from'))
    );
  },
  evidence(msg) {
    return (
      mentions(msg, 'created automatically by mail delivery ') && mentions(msg, 'error_code', '[status:')
    );
  },
  extract(msg) {
    if (!zoho.evidence(msg)) return null;
    const text = noticeText(msg);
    if (!/created automatically by mail delivery (?:software|system)/i.test(text)) return null;
    const delay = /THIS IS A WARNING MESSAGE ONLY|Message will be retried for/i.test(text);
    const recipients: RawRecipient[] = [];
    const lines = text.split('\n', 5000);
    let originalStart = -1;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const f = FAILURE.exec(line);
      const d = f ? null : DELAYED.exec(line);
      if (f) recipients.push(recipientFrom(f[1], f[3], [f[2], f[4]], delay));
      else if (d) recipients.push(recipientFrom(d[2], d[3], [d[4]], delay));
      else if (recipients.length > 0 && /^Received:\s*from\b/i.test(line)) {
        originalStart = i;
        break;
      }
    }
    if (recipients.length === 0) return null;
    const pasted = originalStart >= 0 ? lines.slice(originalStart).join('\n') : '';
    return extraction('zoho', delay ? 'delay' : 'bounce', recipients, findOriginal(msg, pasted));
  },
};

function recipientFrom(
  recipient: string,
  code: string | undefined,
  parts: string[],
  delay: boolean,
): RawRecipient {
  const r: RawRecipient = { recipient, action: delay ? 'delayed' : 'failed' };
  // The reply (Zoho's own label before it, "Invalid Address" / "Error", is left out: the server's
  // words are the evidence), with its empty fields dropped.
  const reply = (parts[parts.length - 1] ?? '').trim().replace(/^,\s*/, '');
  const diag = code ? `${code} ${reply}`.trim() : reply;
  if (diag) r.diagnosticCode = diag;
  if (code) r.replyCode = code;
  const status = findStatus(reply);
  if (status) r.status = status;
  return r;
}
