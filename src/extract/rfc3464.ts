// RFC 3464 (DSN) and RFC 6533 (internationalized DSN) delivery-status fields.
//
// A delivery-status body is one group of per-message fields, then one group per recipient, groups
// separated by empty lines (RFC 3464 section 2.1). Many MTAs also write the same fields inline in a
// text/plain body, often without the empty lines; so a new recipient group is started at every
// Final-Recipient (or at an Original-Recipient that follows a complete group), not only at empty lines.
import { headerValue } from '../read/index.js';
import { MAX_RECIPIENTS } from '../read/limits.js';
import type { Extraction, HeaderField, MailMessage, RawRecipient, ReportKind } from '../types.js';
import {
  fieldAddress,
  findAddress,
  findSmtpCommand,
  findStatus,
  isSmtpReplyCode,
  leadingReplyCode,
  sameClass,
  specificStatus,
  stripType,
} from './fields.js';
import { findNoticeLine, findNoticeReply, noticeLines } from './notice-text.js';
import { readOriginal } from './original.js';

/** Per-message fields of a delivery-status body (RFC 3464 2.2 plus common extensions). */
export interface PerMessageFields {
  reportingMta?: string;
  receivedFromMta?: string;
  arrivalDate?: string;
  originalEnvelopeId?: string;
  /** Postfix's X-Postfix-Sender: the envelope sender of the bounced message */
  sender?: string;
}

export interface DeliveryStatus {
  message: PerMessageFields;
  recipients: RawRecipient[];
}

/** Field names that begin or belong to a per-recipient group (RFC 3464 2.3, RFC 6533 3). */
const RECIPIENT_FIELDS = new Set([
  'final-recipient',
  'original-recipient',
  'action',
  'status',
  'remote-mta',
  'diagnostic-code',
  'last-attempt-date',
  'will-retry-until',
  'final-log-id',
  'x-actual-recipient',
]);

/** Does the text carry delivery-status fields (a recipient field and an Action or Status)? */
export function hasDeliveryStatusFields(text: string): boolean {
  return /^(?:final|original)-recipient[ \t]*:/im.test(text) && /^(?:action|status)[ \t]*:/im.test(text);
}

/**
 * Parses delivery-status fields from a text: a message/delivery-status body or a text body with the
 * fields inline. Lines that are not fields are skipped, so surrounding prose does no harm.
 */
export function parseDeliveryStatus(text: string): DeliveryStatus {
  const message: PerMessageFields = {};
  const recipients: RawRecipient[] = [];
  let current: RawRecipient | null = null;
  // Collect fields line by line so that empty lines can end a recipient group.
  for (const block of text.split(/\r?\n[ \t]*\r?\n/)) {
    const fields = dsnFields(block);
    if (fields.length === 0) continue;
    if (current) {
      pushRecipient(recipients, current);
      current = null;
    }
    for (const f of fields) {
      if (!RECIPIENT_FIELDS.has(f.name)) {
        readMessageField(message, f);
        continue;
      }
      const startsNew = current !== null && startsNewGroup(current, f.name);
      if (startsNew && current) {
        pushRecipient(recipients, current);
        current = null;
      }
      current ??= { recipient: '' };
      readRecipientField(current, f);
      if (recipients.length >= MAX_RECIPIENTS) break;
    }
  }
  if (current) pushRecipient(recipients, current);
  for (const r of recipients)
    if (message.reportingMta && !r.reportingMta) r.reportingMta = message.reportingMta;
  return { message, recipients };
}

const FIELD_LINE = /^([A-Za-z][A-Za-z0-9-]{0,60})[ \t]*:[ \t]*(.*)$/;
const MAX_FIELDS = 5000;

/**
 * The fields of one block, folded lines joined. Unlike message headers, delivery-status fields are
 * not RFC 2047-decoded: RFC 3464 2.1 gives them no encoded-words (RFC 6533 writes non-ASCII as
 * \x{HEX} instead), and RFC 2047 section 5 forbids encoded-words in an addr-spec, so
 * "=?utf-8?B?...?=@example.org" in Final-Recipient is the address as the MTA used it.
 */
function dsnFields(block: string): HeaderField[] {
  const out: HeaderField[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line)) {
      const last = out[out.length - 1];
      if (last && line.trim()) last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    if (out.length >= MAX_FIELDS) break;
    const m = FIELD_LINE.exec(line);
    if (m) out.push({ name: m[1].toLowerCase(), value: m[2].trim() });
    else if (out.length > 0) out.push({ name: '', value: '' }); // a prose line ends the previous field
  }
  return out.filter((f) => f.name !== '').map((f) => ({ name: f.name, value: f.value.replace(/\s+/g, ' ') }));
}

/**
 * Without empty lines between groups, a field starts the next recipient when the current group
 * already has it, or (Original-Recipient, which RFC 3464 2.3.1 puts first) when the current group is
 * complete with an address and a status. Some MTAs write Action before Final-Recipient, so order
 * alone cannot be trusted.
 */
function startsNewGroup(r: RawRecipient, field: string): boolean {
  switch (field) {
    case 'final-recipient':
      return r.recipient !== '';
    case 'original-recipient':
      return r.originalRecipient !== undefined || (r.recipient !== '' && r.status !== undefined);
    case 'action':
      return r.action !== undefined;
    case 'status':
      return r.status !== undefined;
    case 'diagnostic-code':
      return r.diagnosticCode !== undefined;
    default:
      return false;
  }
}

/** A domain a sender can use: dotted (an FQDN) or an address literal. */
function usableDomain(address: string): boolean {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return domain.includes('.') || domain.startsWith('[');
}

function pushRecipient(list: RawRecipient[], r: RawRecipient): void {
  // Final-Recipient is the address the reporting MTA used, which can be internal (a source route
  // to a local host, "@relay:user@server"); the sender's own address is then Original-Recipient.
  const local = r.recipient !== '' && !usableDomain(r.recipient);
  if ((!r.recipient || local) && r.originalRecipient && usableDomain(r.originalRecipient)) {
    r.recipient = r.originalRecipient;
  }
  // A group with neither address nor status is not a recipient (e.g. a stray Action line in prose).
  if (!r.recipient && !r.status) return;
  if (list.length < MAX_RECIPIENTS) list.push(r);
}

function readMessageField(m: PerMessageFields, f: HeaderField): void {
  switch (f.name) {
    case 'reporting-mta':
      m.reportingMta ||= stripType(f.value);
      break;
    case 'received-from-mta':
      m.receivedFromMta ||= stripType(f.value);
      break;
    case 'arrival-date':
      m.arrivalDate ||= f.value;
      break;
    case 'original-envelope-id':
      m.originalEnvelopeId ||= f.value;
      break;
    case 'x-postfix-sender':
      m.sender ||= fieldAddress(f.value);
      break;
  }
}

function readRecipientField(r: RawRecipient, f: HeaderField): void {
  switch (f.name) {
    case 'final-recipient':
      r.recipient = fieldAddress(f.value);
      break;
    case 'original-recipient': {
      const a = fieldAddress(f.value);
      if (a) r.originalRecipient = a;
      break;
    }
    case 'x-actual-recipient':
      if (!r.recipient) r.recipient = fieldAddress(f.value);
      break;
    case 'action': {
      const a = /^[A-Za-z]+/.exec(f.value.trim());
      if (a) r.action = a[0].toLowerCase();
      break;
    }
    case 'status': {
      const s = findStatus(f.value);
      if (s) r.status = s;
      break;
    }
    case 'remote-mta': {
      const v = stripType(f.value);
      if (v) r.remoteMta = v;
      break;
    }
    case 'diagnostic-code': {
      const v = stripType(f.value);
      if (!v) break;
      r.diagnosticCode = v;
      // RFC 3464 2.3.6: only diagnostic-type "smtp" holds an SMTP reply; other types (X-Unix,
      // X-Postfix...) hold a local mailer's words or exit code, unless they plainly quote a reply.
      const type = /^\s*([A-Za-z][A-Za-z0-9-]{0,30})\s*;/.exec(f.value)?.[1].toLowerCase();
      const smtp = type === undefined || type === 'smtp' || /^[245]\d\d[ -][245]\.\d/.test(v);
      const code = smtp ? leadingReplyCode(v) : '';
      if (code) r.replyCode = code;
      const cmd = findSmtpCommand(v);
      if (cmd) r.smtpCommand = cmd;
      break;
    }
    case 'last-attempt-date':
      r.lastAttemptDate = f.value;
      break;
  }
}

/** Where delivery-status fields may be: the report part first, then text parts (inline DSNs). */
function deliveryStatusTexts(msg: MailMessage): string[] {
  if (msg.deliveryStatus && hasDeliveryStatusFields(msg.deliveryStatus)) return [msg.deliveryStatus];
  const texts: string[] = [];
  if (msg.deliveryStatus) texts.push(msg.deliveryStatus);
  for (const p of msg.parts) {
    if (
      (p.contentType.startsWith('text/plain') || p.contentType === 'text/html') &&
      hasDeliveryStatusFields(p.content)
    ) {
      texts.push(p.contentType === 'text/html' ? msg.text : p.content);
      break;
    }
  }
  // A bounce forwarded as an attachment: the report is inside the attached message.
  if (texts.length === 0 && msg.originalMessage && hasDeliveryStatusFields(msg.originalMessage)) {
    texts.push(msg.originalMessage);
  }
  // A delivery-status block pasted on its own: its fields were read as the message's header fields.
  if (
    texts.length === 0 &&
    msg.headers.some((h) => h.name === 'final-recipient' || h.name === 'original-recipient')
  ) {
    texts.push(msg.raw);
  }
  return texts;
}

/**
 * Makes Status and the reply code consistent. A generic Status (X.0.0) gives way to the specific
 * enhanced code the server's reply quotes when its class agrees (the reporting MTA often writes X.0.0
 * when it did not parse the reply). A reply code is dropped when it is no SMTP reply code (a server's
 * own number, "542 ... Rejected") or when its class disagrees with Status: RFC 3464 2.3.4 makes Status
 * the reporting MTA's verdict (a "550" reply reported as 4.0.0 was retried as temporary), and a reply
 * of the other class is then a quoted earlier answer, not the one the verdict rests on. A recipient
 * without Status keeps its reply code.
 */
function settleCodes(r: RawRecipient): void {
  if (r.status && r.diagnosticCode) {
    const specific = specificStatus(r.status, r.diagnosticCode);
    if (specific) r.status = specific;
  }
  // '' (not absent) says "looked, no valid reply code", so later stages do not re-read the number.
  if (r.replyCode && (!isSmtpReplyCode(r.replyCode) || !sameClass(r.replyCode, r.status ?? '')))
    r.replyCode = innerReply(r.diagnosticCode ?? '', r.status ?? '');
}

/**
 * A reply quoted inside a Diagnostic-Code whose leading code was dropped, such as a relay's wrapper
 * around the remote server's last answer ("554 4.4.7 Message expired ... <421 4.4.2 Connection timed
 * out>"): the first reply code followed by an enhanced code, of the class of Status. '' if none.
 */
function innerReply(text: string, status: string): string {
  if (!status) return '';
  const re = /(?:^|[\s<([:;])([245]\d\d)[ -]([245]\.\d{1,3}\.\d{1,3})\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1][0] === status[0] && m[2][0] === status[0] && isSmtpReplyCode(m[1])) return m[1];
  }
  return '';
}

/** Does `text` hold the reply code `code` as a number of its own (not inside a longer number)? */
function quotesCode(text: string, code: string): boolean {
  for (let at = text.indexOf(code); at >= 0; at = text.indexOf(code, at + 1)) {
    if (!/\d/.test(text[at - 1] ?? '') && !/\d/.test(text[at + 3] ?? '')) return true;
  }
  return false;
}

const MAX_TRAILING_REPORTS = 100;
const MAX_NOTICE_LOOKUPS = 200;

/**
 * Delivery-status parts of further reports glued after the end of this one: mailbox files where a
 * second notice follows the first message's closing MIME boundary (RFC 2046 5.1.1 makes that text an
 * epilogue, which MIME readers drop). Each part's body runs from the empty line after its
 * Content-Type to the next boundary line.
 */
function trailingReports(msg: MailMessage): string[] {
  const type = headerValue(msg.headers, 'content-type') ?? '';
  const boundary = /boundary[ \t]*=[ \t]*"?([^";\r\n]{1,200})/i.exec(type)?.[1].trim();
  if (!boundary) return [];
  const close = msg.raw.indexOf(`\n--${boundary}--`);
  if (close < 0) return [];
  const lines = msg.raw.slice(close + boundary.length + 5).split(/\r?\n/);
  const reports: string[] = [];
  for (let i = 0; i < lines.length && reports.length < MAX_TRAILING_REPORTS; i++) {
    if (!/^content-type:[ \t]*message\/(?:global-)?delivery-status/i.test(lines[i])) continue;
    while (i < lines.length && lines[i].trim() !== '') i++;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i].startsWith('--'); i++) body.push(lines[i]);
    reports.push(body.join('\n'));
  }
  return reports;
}

/** The kind of a report from its recipients' actions: all delayed is a delay notice. */
export function kindFromActions(recipients: RawRecipient[]): ReportKind {
  if (recipients.length > 0 && recipients.every((r) => r.action === 'delayed')) return 'delay';
  return 'bounce';
}

/**
 * The RFC 3464 extractor. Returns null when the message carries no recipient with delivery-status
 * fields. Every recipient group is kept, successful ones (delivered, relayed, expanded) too: the
 * classifier labels them, and a mixed report then shows which addresses did get the message.
 */
export function extractRfc3464(msg: MailMessage): Extraction | null {
  for (const text of deliveryStatusTexts(msg)) {
    const ds = parseDeliveryStatus(text);
    if (ds.recipients.length === 0) continue;
    const recipients = ds.recipients;
    for (const more of trailingReports(msg)) {
      for (const r of parseDeliveryStatus(more).recipients)
        if (recipients.length < MAX_RECIPIENTS) recipients.push(r);
    }
    const original = readOriginal(msg);
    // A single recipient whose Final-Recipient held no address (e.g. "RFC822; @host"): the returned
    // message's To names it when it names exactly one address.
    if (recipients.length === 1 && !recipients[0].recipient && original?.summary.to) {
      const to = original.summary.to.split(',').map(findAddress).filter(Boolean);
      if (to.length === 1) recipients[0].recipient = to[0];
    }
    // Recipients without an SMTP reply in Diagnostic-Code: take the reply the notice text quotes.
    // Each look-up scans the notice, so only the first MAX_NOTICE_LOOKUPS recipients get one
    // (a hostile report with thousands of recipients must not cost recipients x text).
    const lowerText = msg.text.toLowerCase();
    const lines = noticeLines(msg.text);
    const single = recipients.length === 1;
    for (const r of recipients.slice(0, MAX_NOTICE_LOOKUPS)) {
      if (r.replyCode) continue;
      // Line-by-line searches only when the notice names the recipient at all (or is about one).
      if (!single && (!r.recipient || !lowerText.includes(r.recipient.toLowerCase()))) continue;
      const found = findNoticeReply(lines, r.recipient, single);
      if (!found) {
        // Nothing from the server at all: the notice's own sentence about the recipient says why.
        if (!r.diagnosticCode) {
          const line = findNoticeLine(lines, r.recipient);
          if (line) r.diagnosticCode = line;
        }
        continue;
      }
      r.replyCode = found.replyCode;
      // No leading reply code means the Diagnostic-Code (if any) was no SMTP reply, and the quoted
      // reply says more - unless the Diagnostic-Code already holds an enhanced code and that same
      // reply ("5.3.0 - Other mail system problem 550-'Unknown user ...'"): then it says the most.
      if (
        !(r.diagnosticCode && findStatus(r.diagnosticCode) && quotesCode(r.diagnosticCode, found.replyCode))
      )
        r.diagnosticCode = found.text;
    }
    for (const r of recipients) settleCodes(r);
    // The notice's prose often names the SMTP stage when the Diagnostic-Code does not.
    const stage = recipients.some((r) => !r.smtpCommand) ? findSmtpCommand(msg.text) : '';
    if (stage) for (const r of recipients) r.smtpCommand ||= stage;
    const ex: Extraction = { kind: kindFromActions(recipients), format: 'rfc3464', recipients };
    if (ds.message.reportingMta) ex.reportingMta = ds.message.reportingMta;
    if (original) {
      ex.original = original.summary;
      ex.originalHeaders = original.headers;
    }
    return ex;
  }
  return recipientlessReport(msg);
}

/**
 * A delivery-status part with the per-message fields only ("--- Delivery report unavailable ---"):
 * the report says delivery failed but names no recipient. The returned message's To is then the
 * only evidence of whom it was for, taken when it names exactly one address; no status is made up.
 */
function recipientlessReport(msg: MailMessage): Extraction | null {
  if (!msg.deliveryStatus || !/^reporting-mta[ \t]*:/im.test(msg.deliveryStatus)) return null;
  const original = readOriginal(msg);
  const to = (original?.summary.to ?? '').split(',').map(findAddress).filter(Boolean);
  if (!original || to.length !== 1) return null;
  const ds = parseDeliveryStatus(msg.deliveryStatus);
  const ex: Extraction = {
    kind: 'bounce',
    format: 'rfc3464',
    recipients: [{ recipient: to[0] }],
    original: original.summary,
    originalHeaders: original.headers,
  };
  if (ds.message.reportingMta) ex.reportingMta = ds.message.reportingMta;
  return ex;
}
