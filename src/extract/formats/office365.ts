// Exchange Online / Office 365 (and Exchange 2010+) non-delivery reports written as text only, with
// no message/delivery-status part to read (those with one are left to the RFC 3464 reader):
//   Delivery has failed to these recipients or groups:
//   user@example.com<mailto:user@example.com>
//   The email address you entered couldn't be found. ...
//   Diagnostic information for administrators:
//   Generating server: HOST.prod.outlook.com
//   user@example.com
//   Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
//   Original message headers:
// Older Exchange writes "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##" under the address
// instead of the "Remote Server returned" line; Exchange 2010/2013 relaying a remote server's
// refusal puts that server's name first: "mx.example.org #550 5.1.1 <a@example.org>: ... ##".
import type { RawRecipient } from '../../types.js';
import { findAddress, findStatus, leadingReplyCode } from '../fields.js';
import { hasDeliveryStatusFields } from '../rfc3464.js';
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

const FAILED_TO = /^\s*Delivery has failed to these recipients or groups:?\s*$/im;
const ADMIN = /^\s*Diagnostic information for administrators:?\s*$/im;
const ORIGINAL_MARKER = /^\s*Original message headers:?\s*$/im;
const GENERATING = /^\s*Generating server:\s*([A-Za-z0-9._-]{1,255})/im;
const RETURNED = /^\s*Remote Server returned '([^'\n]{1,2000})'/i;
const HASHED = /^\s*(?:([A-Za-z0-9][A-Za-z0-9.-]{0,253}[A-Za-z0-9])\s+)?#([245]\d\d[ -][^#\n]{0,2000})#{1,2}/;

/** A line of the user part that names a recipient (the address alone, maybe with its mailto: link). */
function isAddressLine(line: string): boolean {
  return findAddress(line) !== '' && !/\s\S+\s/.test(line.trim());
}

/**
 * Exchange's explanation of each recipient in the user part: the prose under the address, up to the
 * next address. Prose before any address (there is none in Exchange's template) is left out.
 */
function explanations(userPart: string): Map<string, string> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of userPart.split('\n', 5000)) {
    if (isAddressLine(line)) {
      const key = findAddress(line).toLowerCase();
      current = out.get(key) ?? [];
      out.set(key, current);
    } else if (current && line.trim()) current.push(line);
  }
  return new Map([...out].map(([k, v]) => [k, squeeze(v.join(' '))]));
}

export const office365: FormatWithEvidence = {
  name: 'office365',
  hint(msg) {
    return (
      msg.headers.some((h) => h.name === 'x-ms-exchange-message-is-ndr') ||
      (/^Undeliverable:/i.test(header(msg, 'subject')) && /postmaster@/i.test(header(msg, 'from')))
    );
  },
  evidence(msg) {
    return (
      mentions(msg, 'delivery has failed to these recipients or groups') &&
      mentions(msg, 'diagnostic information for administrators')
    );
  },
  extract(msg) {
    if (!office365.evidence(msg)) return null;
    if (msg.deliveryStatus && hasDeliveryStatusFields(msg.deliveryStatus)) return null;
    const { notice, rest } = splitAtMarker(noticeText(msg), ORIGINAL_MARKER);
    const failed = FAILED_TO.exec(notice);
    const admin = ADMIN.exec(notice);
    if (!failed || !admin || admin.index < failed.index) return null;
    // The user-facing part: the addresses, each followed by Exchange's explanation of that address
    // alone (one recipient's explanation is never given to another).
    const userPart = notice.slice(failed.index + failed[0].length, admin.index);
    const explained = explanations(userPart);
    const lone = squeeze(
      userPart
        .split('\n')
        .filter((l) => !isAddressLine(l))
        .join(' '),
    );
    const adminPart = notice.slice(admin.index + admin[0].length);
    const server = GENERATING.exec(adminPart)?.[1];
    const recipients: RawRecipient[] = [];
    const lines = adminPart.split('\n', 5000);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim();
      if (!line || /\s/.test(line)) continue;
      const recipient = findAddress(line);
      if (!recipient || recipient.length < line.length - 2) continue;
      const r: RawRecipient = { recipient, action: 'failed' };
      if (server) r.reportingMta = server;
      // The reply is on the next non-empty line.
      let j = i + 1;
      while (j < lines.length && !lines[j].trim()) j++;
      const next = lines[j] ?? '';
      const returned = RETURNED.exec(next);
      const hashed = returned ? null : HASHED.exec(next);
      const reply = squeeze(returned?.[1] ?? hashed?.[2] ?? '');
      if (hashed?.[1]?.includes('.')) r.remoteMta = hashed[1];
      const explanation = explained.get(recipient.toLowerCase()) ?? (explained.size <= 1 ? lone : '');
      if (reply) {
        r.diagnosticCode = reply;
        const code = leadingReplyCode(reply);
        if (code) r.replyCode = code;
        const status = findStatus(reply);
        if (status) r.status = status;
      } else if (explanation) r.diagnosticCode = explanation;
      recipients.push(r);
    }
    if (recipients.length === 0) return null;
    return extraction('office365', 'bounce', recipients, findOriginal(msg, rest));
  },
};
