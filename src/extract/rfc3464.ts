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
  isLineStart,
  isSmtpReplyCode,
  leadingReplyCode,
  sameClass,
  specificStatus,
  splitType,
  stripType,
} from './fields.js';
import { findNoticeLine, findNoticeReply, findNoticeStage, type Notice, notice } from './notice-text.js';
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

/** Per-message field names that readMessageField reads. */
const MESSAGE_FIELDS = new Set([
  'reporting-mta',
  'received-from-mta',
  'arrival-date',
  'original-envelope-id',
  'x-postfix-sender',
]);

/**
 * Does the text carry delivery-status fields (a recipient field and an Action or Status)? Several
 * format readers ask about the same message's report in turn, so the last answer is kept (and
 * that text held until the next question).
 */
export function hasDeliveryStatusFields(text: string): boolean {
  if (text !== lastChecked.text) {
    lastChecked.text = text;
    lastChecked.answer = hasRecipientField(text) && /^(?:action|status)[ \t]*:/im.test(text);
  }
  return lastChecked.answer;
}
const lastChecked = { text: '', answer: false };

const RECIPIENT_SUFFIX = /-recipient[ \t]*:/gi;

/**
 * Does a line start with Final-Recipient or Original-Recipient and a colon (ASCII case ignored), as
 * /^(?:final|original)-recipient[ \t]*:/im would find? The search is for the common suffix, which
 * the pattern engine finds faster than line starts; the word before it is then checked.
 */
function hasRecipientField(text: string): boolean {
  RECIPIENT_SUFFIX.lastIndex = 0;
  for (let m = RECIPIENT_SUFFIX.exec(text); m; m = RECIPIENT_SUFFIX.exec(text)) {
    if (startsLineWith(text, m.index, 'final') || startsLineWith(text, m.index, 'original')) return true;
    RECIPIENT_SUFFIX.lastIndex = m.index + 1;
  }
  return false;
}

/** Is the text before `at` a line start and then `word` (lower-case ASCII, matched in any case)? */
function startsLineWith(text: string, at: number, word: string): boolean {
  const start = at - word.length;
  if (start < 0 || !isLineStart(text, start)) return false;
  // Like the pattern, only ASCII letters match: the one other character toLowerCase turns into an
  // ASCII letter is U+212A (k), in neither word.
  return text.slice(start, at).toLowerCase() === word;
}

/**
 * Parses delivery-status fields from a text: a message/delivery-status body or a text body with the
 * fields inline. Lines that are not fields are skipped, so surrounding prose does no harm.
 */
export function parseDeliveryStatus(text: string): DeliveryStatus {
  const message: PerMessageFields = {};
  const recipients: RawRecipient[] = [];
  let current: RawRecipient | null = null;
  // Once MAX_RECIPIENTS are read, the rest of each block is skipped (its first field is still read).
  let full = false;
  for (const f of dsnFields(text)) {
    if (f.first) {
      // An empty line before a field ends the recipient group.
      full = false;
      if (current) {
        pushRecipient(recipients, current);
        current = null;
      }
    } else if (full) continue;
    // Values are made single-spaced only for the fields read (reports carry many others).
    if (!RECIPIENT_FIELDS.has(f.name)) {
      if (MESSAGE_FIELDS.has(f.name)) readMessageField(message, f.name, singleSpaced(f.value));
      continue;
    }
    if (current !== null && startsNewGroup(current, f.name)) {
      pushRecipient(recipients, current);
      current = null;
    }
    current ??= { recipient: '' };
    readRecipientField(current, f.name, singleSpaced(f.value));
    if (recipients.length >= MAX_RECIPIENTS) full = true;
  }
  if (current) pushRecipient(recipients, current);
  for (const r of recipients)
    if (message.reportingMta && !r.reportingMta) r.reportingMta = message.reportingMta;
  return { message, recipients };
}

/** A delivery-status field; `first` when it is the first field of its block (after an empty line). */
interface DsnField extends HeaderField {
  first: boolean;
}

/** Fields and prose lines read per block; the rest of a longer block is skipped. */
const MAX_FIELDS = 5000;

/**
 * The fields of a text, folded lines joined with a space, read line by line (LF or CRLF line ends) without
 * splitting the text. Blocks are separated by lines of spaces and tabs only. A prose line ends the
 * field before it, so that indented lines after it are not taken for its continuation. Unlike
 * message headers, delivery-status fields are not RFC 2047-decoded: RFC 3464 2.1 gives them no
 * encoded-words (RFC 6533 writes non-ASCII as \x{HEX} instead), and RFC 2047 section 5 forbids
 * encoded-words in an addr-spec, so "=?utf-8?B?...?=@example.org" in Final-Recipient is the address
 * as the MTA used it.
 */
function dsnFields(text: string): DsnField[] {
  const out: DsnField[] = [];
  let open: DsnField | undefined; // the field that indented lines continue
  let lines = 0; // field and prose lines of the current block, counted against MAX_FIELDS
  let first = true;
  let skip = false;
  const breaks = hasBreakChars(text);
  for (let start = 0; start <= text.length; ) {
    const lf = text.indexOf('\n', start);
    const end = lf < 0 ? text.length : lf > start && text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
    const from = start;
    start = lf < 0 ? text.length + 1 : lf + 1;
    if (onlyBlanks(text, from, end)) {
      open = undefined;
      lines = 0;
      first = true;
      skip = false;
      continue;
    }
    if (skip) continue;
    const c = text.charCodeAt(from);
    if (c === 32 || c === 9) {
      const more = open ? text.slice(from, end).trim() : '';
      if (open && more) open.value = `${open.value} ${more}`;
      continue;
    }
    if (lines >= MAX_FIELDS) {
      skip = true;
      continue;
    }
    const field = fieldAt(text, from, end, breaks, first);
    if (field) {
      open = field;
      out.push(field);
      first = false;
      lines++;
    } else if (lines > 0) {
      open = undefined;
      lines++;
    }
  }
  return out;
}

/** A field name and its colon at `lastIndex` (sticky); the classes stop at the line's end. */
const FIELD_NAME = /[A-Za-z][A-Za-z0-9-]{0,60}[ \t]*:/y;

/** Characters `.` does not match besides LF: a field value must not hold them (see fieldAt). */
const BREAK_CHARS = /[\r\u2028\u2029]/;

/** Does the text hold a CR that ends no line (not before LF), U+2028 or U+2029? */
function hasBreakChars(text: string): boolean {
  if (text.includes('\u2028') || text.includes('\u2029')) return true;
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1))
    if (text.charCodeAt(at + 1) !== 10) return true;
  return false;
}

/**
 * The field on the line from `from` to `end` as /^([A-Za-z][A-Za-z0-9-]{0,60})[ \t]*:[ \t]*(.*)$/
 * reads it: a name of at most 61 letters, digits and hyphens, a colon, and a value without CR,
 * U+2028 or U+2029 (`.` does not match them); undefined when the line is no field. `breaks` says
 * whether the text holds such characters at all (a CR before LF ends a line and does not count).
 */
function fieldAt(
  text: string,
  from: number,
  end: number,
  breaks: boolean,
  first: boolean,
): DsnField | undefined {
  FIELD_NAME.lastIndex = from;
  if (!FIELD_NAME.test(text)) return undefined;
  const colon = FIELD_NAME.lastIndex - 1;
  if (breaks && BREAK_CHARS.test(text.slice(colon + 1, end))) return undefined;
  // Between the name and the colon there are only spaces and tabs.
  const name = text.slice(from, colon).trimEnd().toLowerCase();
  return { name, value: text.slice(colon + 1, end).trim(), first };
}

/** Are the characters from `from` to `end` spaces and tabs only (or none)? */
function onlyBlanks(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * White space runs collapsed to one space. The pattern finds what the replacement would change
 * (white space other than a space, or a space followed by white space), so a value without it is
 * returned as it is, uncopied.
 */
function singleSpaced(value: string): string {
  return /[^\S ]| \s/.test(value) ? value.replace(/\s+/g, ' ') : value;
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

function readMessageField(m: PerMessageFields, name: string, value: string): void {
  switch (name) {
    case 'reporting-mta':
      m.reportingMta ||= stripType(value);
      break;
    case 'received-from-mta':
      m.receivedFromMta ||= stripType(value);
      break;
    case 'arrival-date':
      m.arrivalDate ||= value;
      break;
    case 'original-envelope-id':
      m.originalEnvelopeId ||= value;
      break;
    case 'x-postfix-sender':
      m.sender ||= fieldAddress(value);
      break;
  }
}

function readRecipientField(r: RawRecipient, name: string, value: string): void {
  switch (name) {
    case 'final-recipient':
      r.recipient = fieldAddress(value);
      break;
    case 'original-recipient': {
      const a = fieldAddress(value);
      if (a) r.originalRecipient = a;
      break;
    }
    case 'x-actual-recipient':
      if (!r.recipient) r.recipient = fieldAddress(value);
      break;
    case 'action': {
      const a = /^[A-Za-z]+/.exec(value.trim());
      if (a) r.action = a[0].toLowerCase();
      break;
    }
    case 'status': {
      const s = findStatus(value);
      if (s) r.status = s;
      break;
    }
    case 'remote-mta': {
      // a DNS name (RFC 3464 2.3.5) and, as Gmail writes it, a comment after it: "gmail-smtp-in.l.
      // google.com. (2607:f8b0:..., the server for the domain gmail.com.)"; the name without its
      // root dot and the comment
      const v = stripType(value)
        .replace(/\s*\([^()]{0,500}\)\s*$/, '')
        .replace(/\.$/, '');
      if (v) r.remoteMta = v;
      break;
    }
    case 'diagnostic-code': {
      const { type, value: v } = splitType(value);
      if (!v) break;
      r.diagnosticCode = v;
      // RFC 3464 2.3.6: only diagnostic-type "smtp" holds an SMTP reply; other types (X-Unix,
      // X-Postfix...) hold a local mailer's words or exit code, unless they plainly quote a reply.
      const smtp = type === '' || type === 'smtp' || /^[245]\d\d[ -][245]\.\d/.test(v);
      const code = smtp ? leadingReplyCode(v) : '';
      if (code) r.replyCode = code;
      const cmd = findSmtpCommand(v);
      if (cmd) r.smtpCommand = cmd;
      break;
    }
    case 'last-attempt-date':
      r.lastAttemptDate = value;
      break;
    case 'will-retry-until':
      r.willRetryUntil = value;
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
    const prose = notice(msg.text);
    quoteNoticeReplies(prose, recipients);
    for (const r of recipients) settleCodes(r);
    // The notice's prose often names the SMTP stage when the Diagnostic-Code does not.
    const stage = recipients.some((r) => !r.smtpCommand) ? findNoticeStage(prose) : '';
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
 * Recipients without an SMTP reply in Diagnostic-Code: the reply the notice text quotes. Each look-up
 * scans the notice, so only the first MAX_NOTICE_LOOKUPS recipients get one (a hostile report with
 * thousands of recipients must not cost recipients x text). When the notice is about several
 * recipients, only lines naming the recipient count.
 */
function quoteNoticeReplies(n: Notice, recipients: RawRecipient[]): void {
  const single = recipients.length === 1;
  const count = Math.min(recipients.length, MAX_NOTICE_LOOKUPS);
  for (let i = 0; i < count; i++) {
    const r = recipients[i];
    if (r.replyCode || (!single && !r.recipient)) continue;
    const found = findNoticeReply(n, r.recipient, single);
    if (!found) {
      // Nothing from the server at all: the notice's own sentence about the recipient says why.
      if (!r.diagnosticCode) {
        const line = findNoticeLine(n, r.recipient);
        if (line) r.diagnosticCode = line;
      }
      continue;
    }
    r.replyCode = found.replyCode;
    // No leading reply code means the Diagnostic-Code (if any) was no SMTP reply, and the quoted
    // reply says more - unless the Diagnostic-Code already holds an enhanced code and that same
    // reply ("5.3.0 - Other mail system problem 550-'Unknown user ...'"): then it says the most.
    if (!(r.diagnosticCode && findStatus(r.diagnosticCode) && quotesCode(r.diagnosticCode, found.replyCode)))
      r.diagnosticCode = found.text;
  }
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
