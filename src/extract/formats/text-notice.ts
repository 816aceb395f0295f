// Helpers shared by the extractors of plain-text notices (Exim, qmail, DragonFly, OpenSMTPD, ...):
// the notice's text cut before the returned message, blocks of indented lines, the remote server's
// reply inside free text, and the final Extraction with the original message attached.
// Every pattern here is linear (no nested quantifiers) and every loop is bounded by MAX_NOTICE_LINES.

import { MAX_RECIPIENTS } from '../../read/limits.js';
import type {
  Extraction,
  HeaderField,
  MailMessage,
  RawRecipient,
  ReportKind,
  SmtpCommand,
} from '../../types.js';
import { findAddress, findSmtpCommand, findStatus, leadingReplyCode } from '../fields.js';
import { recentMemo } from '../memo.js';
import { readOriginal } from '../original.js';
import { parseDeliveryStatus } from '../rfc3464.js';
import { MAX_NOTICE_CHARS, NOT_BLANK, rawBody } from './notice-words.js';

export { MAX_NOTICE_CHARS, mentions, mentionsWithRaw, rawBody } from './notice-words.js';

/** Most lines of a notice that are looked at (several lines per recipient). */
export const MAX_NOTICE_LINES = 8 * MAX_RECIPIENTS;
/** Most recipients taken from one notice. */
export const MAX_NOTICE_RECIPIENTS = MAX_RECIPIENTS;

/** The value of the first header `name` (lower case), '' if absent. */
export function header(msg: MailMessage, name: string): string {
  let cached = headerValues.get(msg.headers);
  if (cached === undefined || cached.length !== msg.headers.length) {
    cached = { length: msg.headers.length, values: new Map() };
    headerValues.set(msg.headers, cached);
  }
  let value = cached.values.get(name);
  if (value === undefined) {
    value = msg.headers.find((h) => h.name === name)?.value ?? '';
    cached.values.set(name, value);
  }
  return value;
}

// Every registered format asks for the same few headers of the same message in turn (hint(),
// evidence() and extract()): each is looked up once per header list. The cache is keyed by the list
// itself and its length, so a caller that replaces or extends msg.headers is not served stale values.
const headerValues = recentMemo<readonly HeaderField[], { length: number; values: Map<string, string> }>();

/** The address part of the From header, lower case. */
export function fromAddress(msg: MailMessage): string {
  return findAddress(header(msg, 'from')).toLowerCase() || header(msg, 'from').trim().toLowerCase();
}

/**
 * The readable notice: the message's text, or its raw body when MIME gave none. Cut at the first
 * line matching `end` (the marker that starts the returned message) and at MAX_NOTICE_CHARS.
 */
export function noticeText(msg: MailMessage, end?: RegExp): string {
  let text = baseText(msg);
  if (end) {
    const m = end.exec(text);
    if (m) text = text.slice(0, m.index);
  }
  return text;
}

// Every registered format may look at the same message in turn: its normalised text is made once.
const baseTexts = recentMemo<MailMessage, string>();

function baseText(msg: MailMessage): string {
  const cached = baseTexts.get(msg);
  if (cached !== undefined) return cached;
  let text = msg.text.length > MAX_NOTICE_CHARS ? msg.text.slice(0, MAX_NOTICE_CHARS) : msg.text;
  if (!NOT_BLANK.test(text)) text = rawBody(msg);
  text = text.replace(/\r\n?/g, '\n');
  baseTexts.set(msg, text);
  return text;
}

/** The notice's lines (LF), at most MAX_NOTICE_LINES. */
export function noticeLines(text: string): string[] {
  return text.split('\n', MAX_NOTICE_LINES);
}

/** Lines trimmed and joined with single spaces; empty lines dropped. */
export function unfold(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ')
    .replace(/[ \t]{2,}/g, ' ');
}

/** Width of a line's leading white space (a tab counts as 8). */
export function indentOf(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length && i < 200; i++) {
    if (line[i] === ' ') n += 1;
    else if (line[i] === '\t') n += 8;
    else break;
  }
  return n;
}

/**
 * An SMTP reply code inside a line of notice text: at the start or after a space, colon, bracket or
 * quote, followed by a space or continuation hyphen and then text, or alone at the end. An IP
 * address (192.0.2.1) does not match because a dot follows its first number. RFC 5321 section 4.2.1
 * defines second digits 0-5 only, so "571 ..." is a server's private text, not a reply code.
 */
const REPLY_CODE = /(?:^|[\s:;(<>"'[])([245][0-5]\d)(?:[ \t]*-[ \t]*(?=\S)|[ \t]+(?=\S)|[ \t]*$)/;

export interface ReplyInText {
  replyCode: string;
  status: string;
  /** the text from the reply code on (the server's own words), or the whole text when there is no code */
  text: string;
}

/**
 * The remote server's reply inside notice text: the first reply code and the text from it on; the
 * enhanced status code from there (or from the whole text when the notice states one elsewhere).
 */
export function replyInText(text: string): ReplyInText {
  const t = text.trim();
  const m = REPLY_CODE.exec(t);
  if (!m) return { replyCode: '', status: findStatus(t), text: t };
  const from = t.slice(t.indexOf(m[1], m.index));
  const replyCode = leadingReplyCode(from) || m[1];
  return { replyCode, status: findStatus(from) || findStatus(t), text: from };
}

export interface RecipientDetail {
  recipient: string;
  /** the lines about this recipient, unfolded */
  detail: string;
  action?: 'failed' | 'delayed';
  smtpCommand?: SmtpCommand;
  remoteMta?: string;
  /** the status the notice itself states (e.g. qmail "(#5.1.1)"), used when the reply has none */
  status?: string;
}

/** A RawRecipient from the text about one recipient: reply code, status, stage and the server's words. */
export function recipientFromDetail(d: RecipientDetail): RawRecipient {
  const reply = replyInText(d.detail);
  const out: RawRecipient = { recipient: d.recipient, action: d.action ?? 'failed' };
  if (reply.text) out.diagnosticCode = reply.text.slice(0, 4096);
  if (reply.replyCode) out.replyCode = reply.replyCode;
  const status = reply.status || d.status || '';
  if (status) out.status = status;
  const command = d.smtpCommand || findSmtpCommand(d.detail);
  if (command) out.smtpCommand = command;
  if (d.remoteMta) out.remoteMta = d.remoteMta;
  return out;
}

/** The Extraction of a notice: kind from the recipients' actions unless given, the original attached. */
export function noticeExtraction(
  msg: MailMessage,
  format: string,
  recipients: RawRecipient[],
  kind?: ReportKind,
): Extraction | null {
  if (recipients.length === 0) return null;
  const ex: Extraction = {
    kind: kind ?? (recipients.every((r) => r.action === 'delayed') ? 'delay' : 'bounce'),
    format,
    recipients: recipients.slice(0, MAX_NOTICE_RECIPIENTS),
  };
  const original = readOriginal(msg);
  if (original) {
    ex.original = original.summary;
    ex.originalHeaders = original.headers;
  }
  return ex;
}

/** A host name or IP in "host NAME [IP]" / "NAME[IP]" / "NAME [IP]" notation; '' when none. */
export function hostInText(text: string): string {
  const m = /(?:^|\s)([A-Za-z0-9][A-Za-z0-9.-]{0,253})\s?\[(?:IPv6:)?[0-9A-Fa-f.:]{2,45}\]/.exec(text);
  return m ? m[1].replace(/\.$/, '') : '';
}

/** Addresses in a header value such as X-Failed-Recipients (comma separated), lower case. */
export function addressList(value: string): string[] {
  const out: string[] = [];
  for (const part of value.split(',', 1000)) {
    const a = findAddress(part);
    if (a) out.push(a);
  }
  return out;
}

/**
 * Completes a recipient from the message/delivery-status part the notice also carries (matched by
 * address, or its only recipient): the Diagnostic-Code when the text quoted no reply, and the
 * Status when the text stated none. Returns the same object.
 */
export function fillFromDeliveryStatus(msg: MailMessage, r: RawRecipient): RawRecipient {
  const rs = deliveryStatusRecipients(msg);
  const want = r.recipient.toLowerCase();
  const d = rs.find((x) => x.recipient.toLowerCase() === want) ?? (rs.length === 1 ? rs[0] : undefined);
  if (!d) return r;
  if (!r.replyCode && d.diagnosticCode) {
    const reply = replyInText(d.diagnosticCode);
    if (reply.replyCode) {
      r.diagnosticCode = reply.text;
      r.replyCode = reply.replyCode;
      if (reply.status) r.status = reply.status;
    }
  }
  if (!r.status && d.status && findStatus(d.status)) r.status = findStatus(d.status);
  if (!r.remoteMta && d.remoteMta) r.remoteMta = d.remoteMta;
  return r;
}

const parsedDeliveryStatus = recentMemo<
  MailMessage,
  { source: string; recipients: readonly RawRecipient[] }
>();

/**
 * The recipients of the message's delivery-status part, parsed once per message (a notice fills
 * each of its recipients from them). Shared: callers must not change them.
 */
export function deliveryStatusRecipients(msg: MailMessage): readonly RawRecipient[] {
  const source = msg.deliveryStatus;
  if (!source) return [];
  const cached = parsedDeliveryStatus.get(msg);
  if (cached && cached.source === source) return cached.recipients;
  const recipients = parseDeliveryStatus(source).recipients;
  parsedDeliveryStatus.set(msg, { source, recipients });
  return recipients;
}

/** The addresses named in the To header of the returned original message, when it is attached. */
export function originalRecipients(msg: MailMessage): string[] {
  const original = readOriginal(msg);
  return original?.summary.to ? addressList(original.summary.to) : [];
}

/**
 * The notice text that contains `marker`: the decoded text first, then the raw body (for notices
 * whose MIME structure is broken, so that the reader found no text part). '' when neither has it.
 */
export function noticeTextWith(msg: MailMessage, marker: RegExp, end?: RegExp): string {
  const text = noticeText(msg, end);
  if (marker.test(text)) return text;
  let raw = rawBodyText(msg);
  if (end) {
    const m = end.exec(raw);
    if (m) raw = raw.slice(0, m.index);
  }
  return marker.test(raw) ? raw : '';
}

/** A notice that holds its marker: the text (as noticeTextWith() finds it), its lines, and the first marker line. */
export interface MarkedNotice {
  text: string;
  lines: string[];
  /** index in `lines` of the first line matching the marker, -1 when only a multi-line match found it */
  start: number;
}

/**
 * The opening of every reader of a fixed-marker notice: the text holding `marker` (see
 * noticeTextWith()), split into lines, with the marker's first line found. null when neither the
 * decoded text nor the raw body holds the marker.
 */
export function markedNotice(msg: MailMessage, marker: RegExp, end?: RegExp): MarkedNotice | null {
  const text = noticeTextWith(msg, marker, end);
  if (!text) return null;
  const lines = noticeLines(text);
  return { text, lines, start: lines.findIndex((l) => marker.test(l)) };
}

const rawBodyTexts = recentMemo<MailMessage, string>();

/** rawBody() with line ends made LF, made once per message. */
function rawBodyText(msg: MailMessage): string {
  let text = rawBodyTexts.get(msg);
  if (text === undefined) {
    text = rawBody(msg).replace(/\r\n?/g, '\n');
    rawBodyTexts.set(msg, text);
  }
  return text;
}
