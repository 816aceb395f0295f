// A bounce that a person forwarded. Three ways:
// - inline, quoted with "> " by the mail client ("Fwd: Returned mail: ..."): the delivery-status
//   fields are in the body; the quoting is removed and the fields are read as RFC 3464 fields
//   (RFC 3464 section 2.1 defines them; only their placement differs). This is the format below.
// - as an attachment: the forward carries the bounce as a message/rfc822 part (RFC 2046 section
//   5.2.1), the bounce carries the returned message. forwardedBounce() gives the attached bounce
//   as a message of its own, and extract() reads that (so the original is the returned message,
//   not the bounce itself).
// - inline, under a forward separator ("---------- Forwarded message ---------", "Begin forwarded
//   message:", "-------- Forwarded Message --------", "-----Original Message-----") followed by the
//   bounce's own header fields (From, Date, Subject, To): forwardedBounce() gives that block and
//   the text after it as a message of its own.
// Only a message that is no report itself, from a person (not a mail system's address), is read
// as a forward; the forwarded message is taken only when it is itself a bounce (or another forward).
import { readFast } from '../../read/fast/index.js';
import { parseHeaderBlock, splitHeaderBlock } from '../../read/headers.js';
import type { MailMessage } from '../../types.js';
import { hasDeliveryStatusFields, parseDeliveryStatus } from '../rfc3464.js';
import type { FormatWithEvidence } from './evidence.js';
import { header, noticeExtraction, noticeLines, noticeText } from './text-notice.js';

const FORWARD_SUBJECT = /^(?:Fwd?|Fw|TR|WG|RV|Doorst|Enc|I)\s*:/i;

function hint(msg: MailMessage): boolean {
  return FORWARD_SUBJECT.test(header(msg, 'subject'));
}

function extract(msg: MailMessage) {
  if (!hint(msg)) return null;
  const quoted = noticeLines(noticeText(msg))
    .filter((l) => l.startsWith('>'))
    .map((l) => l.replace(/^> ?/, ''));
  const text = quoted.join('\n');
  if (!hasDeliveryStatusFields(text)) return null;
  const ds = parseDeliveryStatus(text);
  return noticeExtraction(
    msg,
    'forwarded-dsn',
    ds.recipients.filter((r) => r.recipient),
  );
}

// The hint is also what the parse needs.
export const forwardedDsn: FormatWithEvidence = { name: 'forwarded-dsn', hint, evidence: hint, extract };

/** Local parts of the addresses mail systems send their notices from. */
const SYSTEM_LOCAL = /^(?:mailer[-_]?daemon|mail[-_]daemon|postmaster|double[-_]bounce)$/i;

/**
 * A bounce's From or Subject as mail systems word them: a mail system's address or name ("Mail
 * Delivery Subsystem", "Mail Delivery System", "Microsoft Outlook"), or a notice's subject
 * ("Undelivered Mail Returned to Sender", "Delivery Status Notification (Failure)", "Undeliverable:",
 * "Returned mail:", "failure notice", "Mail delivery failed", "Delivery has failed").
 */
const SYSTEM_FROM_NAME =
  /\b(?:mail delivery (?:subsystem|system|service)|mailer[-_ ]?daemon|postmaster|microsoft outlook)\b/i;
const BOUNCE_SUBJECT =
  /\b(?:undeliver(?:ed|able)|delivery status notification|returned mail|failure notice|(?:mail )?delivery (?:has )?failed|delivery failure|non-?delivery|could not be delivered)\b/i;

function fromSystem(from: string): boolean {
  const address = (/<([^<>]*)>/.exec(from)?.[1] ?? from.replace(/\([^()]*\)/g, '')).trim();
  const at = address.lastIndexOf('@');
  return (at > 0 && SYSTEM_LOCAL.test(address.slice(0, at))) || SYSTEM_FROM_NAME.test(from);
}

/** Whether a message is a report or a notice itself (then it is no person's forward). */
function isNotice(msg: MailMessage): boolean {
  if (msg.deliveryStatus || msg.feedbackReport) return true;
  if (/^\s*multipart\/report\b/i.test(header(msg, 'content-type'))) return true;
  return fromSystem(header(msg, 'from'));
}

/** Whether a forwarded message's fields are a bounce's, or another forward's (a forward of a forward). */
function worthReading(from: string, subject: string, contentType: string): boolean {
  return (
    fromSystem(from) ||
    BOUNCE_SUBJECT.test(subject) ||
    FORWARD_SUBJECT.test(subject) ||
    /^\s*multipart\/report\b/i.test(contentType)
  );
}

/**
 * The lines that open a forwarded message inline, as mail clients write them: Gmail ("----------
 * Forwarded message ---------"), Thunderbird ("-------- Forwarded Message --------"), Apple Mail
 * ("Begin forwarded message:"), Outlook ("-----Original Message-----"). The forwarded message's
 * header fields follow it (a blank line between allowed).
 */
const FORWARD_LINE =
  /^[ \t]*(?:-{2,}[ \t]*(?:forwarded message|original message)[ \t]*-{2,}|begin forwarded message:)[ \t]*\r?\n(?:[ \t]*\r?\n)?/im;

/** Where an inline forward is looked for: the person's own words come before it. */
const MAX_FORWARD_SCAN = 64 * 1024;

/**
 * The message a person forwarded, when `msg` is such a forward and the forwarded message is a
 * bounce (or another forward): the attached message/rfc822 read as a message, or the inline copy
 * after a forward separator. Undefined otherwise; extract() reads what this gives in place of
 * `msg`, at a few levels at most.
 */
export function forwardedBounce(msg: MailMessage): MailMessage | undefined {
  if (isNotice(msg)) return undefined;
  if (msg.originalMessage) {
    const attached = msg.originalMessage;
    const { head } = splitHeaderBlock(attached.trimStart());
    const fields = parseHeaderBlock(head, 200);
    const get = (name: string) => fields.find((f) => f.name === name)?.value ?? '';
    if (!worthReading(get('from'), get('subject'), get('content-type'))) return undefined;
    return readFast(new TextEncoder().encode(attached), attached) ?? undefined;
  }
  return inlineForward(msg.text);
}

/** The copy after a forward separator, as a message: its header fields, the text after them. */
function inlineForward(whole: string): MailMessage | undefined {
  const text = whole.length > MAX_FORWARD_SCAN ? whole.slice(0, MAX_FORWARD_SCAN) : whole;
  const m = FORWARD_LINE.exec(text);
  if (!m) return undefined;
  const copy = whole.slice(m.index + m[0].length);
  const { head, body } = splitHeaderBlock(copy);
  const headers = parseHeaderBlock(head, 50);
  const get = (name: string) => headers.find((f) => f.name === name)?.value ?? '';
  // a forward names at least who sent it, or what it was about
  if (!get('from') && !get('subject')) return undefined;
  if (!worthReading(get('from'), get('subject'), '')) return undefined;
  return {
    headers,
    text: body,
    parts: [{ contentType: 'text/plain', headers: [], content: body }],
    raw: copy,
  };
}
