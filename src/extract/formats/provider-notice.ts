// Helpers shared by the provider notice formats (Gmail, Yahoo, mail.ru, GMX, Zoho, Office 365...):
// these notices are plain text with the returned message's headers pasted below a marker line
// ("----- Original message -----", "--- Below this line is a copy of the message."), not attached
// as message/rfc822, so the original is read from the text after the marker.
import { pickHeaderFields } from '../../read/headers.js';
import { splitHeaderBlock } from '../../read/index.js';
import { MAX_ORIGINAL_HEADERS_CHARS } from '../../read/limits.js';
import type { Extraction, MailMessage, OriginalSummary, RawRecipient, ReportKind } from '../../types.js';
import { type OriginalPart, readOriginal } from '../original.js';
import { deliveryStatusRecipients, header } from './text-notice.js';

export { header, mentions } from './text-notice.js';

/** Longest notice text that is scanned: the human-readable part of a notice is a few kilobytes. */
export const MAX_NOTICE_CHARS = 256 * 1024;

/** The message text, bounded. */
export function noticeText(msg: MailMessage): string {
  return msg.text.length > MAX_NOTICE_CHARS ? msg.text.slice(0, MAX_NOTICE_CHARS) : msg.text;
}

/**
 * Splits a notice at the first line matching `marker`: the notice before it and the pasted
 * original message after it ('' when there is no marker).
 */
export function splitAtMarker(text: string, marker: RegExp): { notice: string; rest: string } {
  const m = marker.exec(text);
  if (!m) return { notice: text, rest: '' };
  const lineEnd = text.indexOf('\n', m.index + m[0].length);
  return { notice: text.slice(0, m.index), rest: lineEnd < 0 ? '' : text.slice(lineEnd + 1) };
}

/** Reads a header block pasted into text (leading empty lines skipped) as the original message. */
export function originalFromText(text: string): OriginalPart | undefined {
  const { head } = splitHeaderBlock(text.replace(/^\s+/, ''));
  const headers = head.slice(0, MAX_ORIGINAL_HEADERS_CHARS);
  const names: [keyof OriginalSummary, string][] = [
    ['from', 'from'],
    ['to', 'to'],
    ['subject', 'subject'],
    ['messageId', 'message-id'],
    ['date', 'date'],
  ];
  const fields = pickHeaderFields(
    headers,
    names.map(([, name]) => name),
  );
  if (fields.count < 2) return undefined;
  const summary: OriginalSummary = {};
  for (const [key, name] of names) {
    const v = fields.values.get(name);
    if (v) summary[key] = v;
  }
  return { summary, headers };
}

/** The attached original when there is one, else the header block pasted after the marker. */
export function findOriginal(msg: MailMessage, pasted: string): OriginalPart | undefined {
  return readOriginal(msg) ?? (pasted ? originalFromText(pasted) : undefined);
}

/** Builds an Extraction with the original message attached when found. */
export function extraction(
  format: string,
  kind: ReportKind,
  recipients: RawRecipient[],
  original: OriginalPart | undefined,
): Extraction {
  const ex: Extraction = { kind, format, recipients };
  if (original) {
    ex.original = original.summary;
    ex.originalHeaders = original.headers;
  }
  return ex;
}

/** Collapses runs of white space (line breaks of a folded reply included) to single spaces. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The addresses of an X-Failed-Recipients header (Exim, Google), lower-cased order kept. */
export function failedRecipients(msg: MailMessage): string[] {
  const v = header(msg, 'x-failed-recipients');
  if (!v) return [];
  const out: string[] = [];
  for (const part of v.split(',', 1000)) {
    const a = /[^\s<>@,;]{1,256}@[^\s<>@,;]{1,256}/.exec(part);
    if (a && !out.includes(a[0])) out.push(a[0]);
  }
  return out;
}

/** A line that holds only an address: bare, <angled>, "quoted", with an optional trailing colon. */
const ADDRESS_ONLY = /^\s{0,8}["<]{0,2}([^\s"<>()@,;]{1,256}@[A-Za-z0-9._\-[\]:]{1,256}?)[">]{0,2}:?\s*$/;

export interface AddressBlock {
  recipient: string;
  /** the lines under the address, trimmed, empty ones left out */
  lines: string[];
}

/**
 * Reads "address, then its reason lines" blocks (Exim-style lists as mail.ru and GMX write them):
 * every line that holds only an address starts a block; the other non-empty lines belong to the
 * current block (with `indentedReasons`, only indented ones: a line at the margin ends the block).
 * Lines before the first address are ignored.
 */
export function addressBlocks(section: string, indentedReasons = false, limit = 1000): AddressBlock[] {
  const blocks: AddressBlock[] = [];
  let current: AddressBlock | null = null;
  for (const line of section.split('\n', 20000)) {
    const a = ADDRESS_ONLY.exec(line);
    if (a) {
      if (blocks.length >= limit) break;
      current = { recipient: a[1].replace(/[.\]:]+$/, ''), lines: [] };
      blocks.push(current);
    } else if (current && line.trim()) {
      // In Exim's layout the reasons are indented: prose at the margin ends the list.
      if (indentedReasons && !/^[ \t]/.test(line)) current = null;
      else current.lines.push(line.trim());
    }
  }
  return blocks;
}

/**
 * When the notice also carries a message/delivery-status part, its per-recipient fields (Status,
 * Action, Remote-MTA, Reporting-MTA) fill what the notice text left out, matched by address.
 */
export function fillFromDeliveryStatus(msg: MailMessage, recipients: RawRecipient[]): void {
  const ds = deliveryStatusRecipients(msg);
  if (ds.length === 0) return;
  for (const r of recipients) {
    const d =
      ds.find((x) => x.recipient.toLowerCase() === r.recipient.toLowerCase()) ??
      (ds.length === 1 && recipients.length === 1 ? ds[0] : undefined);
    if (!d) continue;
    if (!r.status && d.status) r.status = d.status;
    if (d.action) r.action = d.action;
    if (!r.remoteMta && d.remoteMta) r.remoteMta = d.remoteMta;
    if (!r.reportingMta && d.reportingMta) r.reportingMta = d.reportingMta;
    if (!r.lastAttemptDate && d.lastAttemptDate) r.lastAttemptDate = d.lastAttemptDate;
  }
}
