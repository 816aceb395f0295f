// RFC 5965 Abuse Reporting Format: a multipart/report with a message/feedback-report part.
import { pickHeaderFields } from '../read/headers.js';
import { headerValue, parseHeaderBlock } from '../read/index.js';
import { MAX_RECIPIENTS } from '../read/limits.js';
import type { Extraction, MailMessage, RawRecipient } from '../types.js';
import { fieldAddress, findAddress, matchAtLineStart } from './fields.js';
import { readOriginal } from './original.js';

/**
 * The complained-about recipients are named by Original-Rcpt-To (RFC 5965 3.2, may repeat) or, in
 * older reports, Removal-Recipient; when a report names none, the To of the returned message is the
 * best evidence of who complained.
 */
export function extractArf(msg: MailMessage): Extraction | null {
  const report = msg.feedbackReport ?? inlineReport(msg);
  if (!report) return extractJmrp(msg);
  const fields = parseHeaderBlock(report.replace(/^\s+/, ''));
  const feedbackType = (headerValue(fields, 'feedback-type') ?? '').toLowerCase().split(/[\s;]/)[0];
  if (!feedbackType) return null;

  const original = readOriginal(msg);
  const addresses: string[] = [];
  for (const f of fields) {
    if (f.name !== 'original-rcpt-to' && f.name !== 'removal-recipient') continue;
    const a = fieldAddress(f.value);
    if (a && !addresses.includes(a) && addresses.length < MAX_RECIPIENTS) addresses.push(a);
  }
  if (addresses.length === 0 && original?.summary.to) {
    const a = findAddress(original.summary.to);
    if (a) addresses.push(a);
  }
  // RFC 5965 makes Original-Rcpt-To optional and defines no stand-in: when neither the report nor the
  // returned message names the recipient, it stays '' ("not stated"). (Sisimai invents an address in
  // the .invalid domain there; an invented address is no evidence, so bouncedoc does not follow.)
  if (addresses.length === 0) addresses.push('');

  const reportingMta = headerValue(fields, 'reporting-mta');
  const recipients: RawRecipient[] = addresses.map((recipient) => {
    const r: RawRecipient = { recipient, feedbackType, reasonHint: 'feedback' };
    const arrival = headerValue(fields, 'arrival-date') ?? headerValue(fields, 'received-date');
    if (arrival) r.lastAttemptDate = arrival;
    return r;
  });
  const ex: Extraction = { kind: 'feedback', format: 'arf', recipients };
  if (reportingMta) ex.reportingMta = reportingMta.replace(/^\s*dns\s*;\s*/i, '');
  if (original) {
    ex.original = original.summary;
    ex.originalHeaders = original.headers;
  }
  return ex;
}

/** The Feedback-Type field at a line start (see inlineReport); global for matchAtLineStart. */
const FEEDBACK_TYPE = /feedback-type[ \t]*:[ \t]*[A-Za-z]/gi;

/**
 * Feedback-report fields written into a text part instead of a message/feedback-report part (some
 * reporters send the report as text/plain). RFC 5965 3.1 requires Feedback-Type, User-Agent and
 * Version in every report, so the first two at line starts mark such a block; it is read from the
 * Feedback-Type line on.
 */
function inlineReport(msg: MailMessage): string | undefined {
  for (const p of msg.parts) {
    if (!p.contentType.startsWith('text/plain')) continue;
    const at = matchAtLineStart(FEEDBACK_TYPE, p.content);
    if (at && /^user-agent[ \t]*:/im.test(p.content)) return p.content.slice(at.index);
  }
  return undefined;
}

/** Microsoft's header naming the complaining mailbox in a JMRP report (see extractJmrp). */
const JMRP_RECIPIENT = 'x-hmxmroriginalrecipient';

/**
 * Microsoft's Junk Mail Reporting Program (JMRP) predates ARF and sends no message/feedback-report
 * part: the complained-about message comes back attached (message/rfc822), and Microsoft's own
 * header X-HmXmrOriginalRecipient inside it names the complaining mailbox. A user's junk report is
 * an abuse complaint (RFC 5965 feedback type "abuse").
 */
function extractJmrp(msg: MailMessage): Extraction | null {
  const original = readOriginal(msg);
  // Most returned messages are no junk reports: a scan for the header's name spares them the parse.
  if (!original || !/x-hmxmroriginalrecipient/i.test(original.headers)) return null;
  const named = pickHeaderFields(original.headers, [JMRP_RECIPIENT]).values.get(JMRP_RECIPIENT);
  if (named === undefined) return null;
  const recipient: RawRecipient = {
    recipient: fieldAddress(named),
    feedbackType: 'abuse',
    reasonHint: 'feedback',
  };
  return {
    kind: 'feedback',
    format: 'arf',
    recipients: [recipient],
    original: original.summary,
    originalHeaders: original.headers,
  };
}
