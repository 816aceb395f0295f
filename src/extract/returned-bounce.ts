// A bounce of a bounce: the message that failed was itself a delivery report. Bounces are sent with
// the null reverse-path <> (RFC 5321 section 4.5.5; RFC 3464 section 2: a DSN is sent with a null
// return path), so that no bounce is ever sent back for one. A bounce that comes back was sent with
// an address as its envelope sender (MAILER-DAEMON@...): the fix is how bounces are sent, not the
// address. The extract stage marks such recipients; the advise stage words it.
import { firstHeaderValues } from '../read/headers.js';
import type { Extraction } from '../types.js';
import { findAddress } from './fields.js';

/**
 * Local parts of a mail system's own addresses that send bounces: MAILER-DAEMON (the traditional
 * sender of notices), Postfix's double-bounce, and postmaster (RFC 5321 section 4.5.1, which some
 * servers send their notices from). Postmaster also takes mail from people: it marks a recipient
 * only when the returned message shows a bounce.
 */
const DAEMON_LOCAL = /^(?:mailer[-_]?daemon|mail[-_]daemon|double[-_]bounce)$/i;
const SYSTEM_LOCAL = /^(?:mailer[-_]?daemon|mail[-_]daemon|double[-_]bounce|postmaster)$/i;

/** The local part of an address ("" when there is no "@"). */
function localPart(address: string): string {
  const at = address.lastIndexOf('@');
  return at > 0 ? address.slice(0, at).replace(/^<|^"|"$/g, '') : '';
}

/**
 * Whether the returned message's header block is a bounce's: a delivery report (Content-Type
 * multipart/report; report-type=delivery-status, RFC 3464 / RFC 6522), or a message from a mail
 * system's address. Undefined when there is no header block to tell.
 */
export function originalIsBounce(headers: string | undefined): boolean | undefined {
  if (!headers) return undefined;
  const { values, hasFields } = firstHeaderValues(headers, ['from', 'content-type']);
  if (!hasFields) return undefined;
  const type = values.get('content-type') ?? '';
  if (/^\s*multipart\/report\b/i.test(type) && /report-type\s*=\s*"?delivery-status\b/i.test(type))
    return true;
  return SYSTEM_LOCAL.test(localPart(findAddress(values.get('from') ?? '')));
}

/**
 * Marks the recipients a bounce of a bounce failed for: a MAILER-DAEMON-like recipient when the
 * report returns no message that says otherwise, or any system address when the returned message
 * is itself a bounce. (A person's reply to a bounce also goes to MAILER-DAEMON: its returned
 * message, from a person, is no bounce, and the recipient is not marked.)
 */
export function markReturnedBounces(ex: Extraction): Extraction {
  if (ex.kind !== 'bounce' && ex.kind !== 'delay') return ex;
  let bounce: boolean | undefined | null = null; // (read once, on the first system recipient)
  for (const r of ex.recipients) {
    const local = localPart(r.recipient);
    if (!SYSTEM_LOCAL.test(local)) continue;
    if (bounce === null) bounce = originalIsBounce(ex.originalHeaders);
    if (bounce === true || (bounce === undefined && DAEMON_LOCAL.test(local))) r.returnedBounce = true;
  }
  return ex;
}
