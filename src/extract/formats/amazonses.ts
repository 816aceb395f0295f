// Amazon SES bounces by e-mail, and Amazon WorkMail's (which sends through SES):
// 1. SES notifications delivered by SNS as e-mail (From: ...@sns.amazonaws.com, Subject: AWS
//    Notification Message): the body is the SES JSON (see ../webhooks/ses.ts), sometimes inside the
//    SNS envelope. Mail transport may break its long line with "!" + newline + space (sendmail's
//    over-long-line split), which is undone before parsing.
// 2. SES's RFC 3464 reports (From: MAILER-DAEMON@...amazonses.com), read by the RFC 3464 reader,
//    with two SES habits in Diagnostic-Code put right:
//    - "5.3.0 - Other mail system problem 550-'Unknown user ...'": SES's status and words, then the
//      remote reply code and text; the reply code is the server's.
//    - "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>":
//      SES's own expiry, then the last reply it got in angle brackets; that reply is the cause.
import type { Extraction, MailMessage, RawRecipient } from '../../types.js';
import { findStatus, leadingReplyCode } from '../fields.js';
import { readOriginal } from '../original.js';
import { extractRfc3464 } from '../rfc3464.js';
import { extractSes, sesNotification } from '../webhooks/ses.js';
import type { FormatWithEvidence } from './evidence.js';
import { header, noticeText } from './provider-notice.js';
import { deliveryStatusRecipients } from './text-notice.js';

const SES_FROM = /@(?:[a-z0-9-]+\.)*(?:amazonses\.com|sns\.amazonaws\.com)\b/i;

export const amazonses: FormatWithEvidence = {
  name: 'amazonses',
  hint(msg) {
    return SES_FROM.test(header(msg, 'from')) || /^Amazon WorkMail/i.test(header(msg, 'x-mailer'));
  },
  // Every way below needs SES's sender, or else the JSON's "...Type": key in the text.
  evidence(msg) {
    return SES_FROM.test(header(msg, 'from')) || msg.text.includes('Type"');
  },
  extract(msg) {
    if (!amazonses.evidence(msg)) return null;
    const format = /^Amazon WorkMail/i.test(header(msg, 'x-mailer')) ? 'amazonworkmail' : 'amazonses';
    return fromJson(msg) ?? fromReport(msg, format) ?? fromText(msg, format);
  },
};

/**
 * SES's text-only notice (no delivery-status part):
 *   The following message to <user@example.org> was undeliverable.
 *   The reason for the problem:
 *   5.1.0 - Unknown address error 550-'5.1.1 <user@example.org>: Recipient address rejected'
 */
function fromText(msg: MailMessage, format: string): Extraction | null {
  if (!SES_FROM.test(header(msg, 'from'))) return null;
  const text = noticeText(msg);
  const to = /The following message to <([^\s<>@]{1,256}@[^\s<>]{1,256})> was undeliverable/i.exec(text);
  const why = /^The reason for the problem:\s*\n([\s\S]{0,2000}?)(?:\n[ \t]*\n|$)/im.exec(text);
  if (!to) return null;
  const r: RawRecipient = { recipient: to[1], action: 'failed' };
  if (why) fixDiagnostic(r, why[1].replace(/\s+/g, ' ').trim());
  if (!r.diagnosticCode && why) r.diagnosticCode = why[1].replace(/\s+/g, ' ').trim();
  const ex: Extraction = { kind: 'bounce', format, recipients: [r] };
  const original = readOriginal(msg);
  if (original) {
    ex.original = original.summary;
    ex.originalHeaders = original.headers;
  }
  return ex;
}

function fromJson(msg: MailMessage): Extraction | null {
  const text = noticeText(msg);
  // Each JSON key below ends in 'Type"': a plain substring search rules most texts out first.
  if (!text.includes('Type"')) return null;
  const start = text.search(/^\s*\{/m);
  if (start < 0 || !/"(?:notificationType|eventType|Type)"\s*:/.test(text)) return null;
  // The JSON runs to the last closing brace before SNS's "--" signature block.
  const end = text.lastIndexOf('}');
  if (end < start) return null;
  const body = text.slice(start, end + 1);
  for (const candidate of [body.replace(/!\r?\n /g, ''), body.replace(/\r?\n[ \t]/g, '')]) {
    let json: unknown;
    try {
      json = JSON.parse(candidate);
    } catch {
      continue;
    }
    const n = sesNotification(json);
    return n ? extractSes(n, 'amazonses') : null;
  }
  return null;
}

function fromReport(msg: MailMessage, format: string): Extraction | null {
  if (!SES_FROM.test(header(msg, 'from'))) return null;
  const ex = extractRfc3464(msg);
  if (!ex) return null;
  // The RFC 3464 reader may have replaced a Diagnostic-Code that does not start with a reply code
  // by the reply quoted in the notice text; SES's own field is read again here.
  const fields = deliveryStatusRecipients(msg);
  for (const r of ex.recipients) {
    const given = fields.find((f) => f.recipient.toLowerCase() === r.recipient.toLowerCase())?.diagnosticCode;
    fixDiagnostic(r, given ?? r.diagnosticCode ?? '');
  }
  return { ...ex, format };
}

function fixDiagnostic(r: RawRecipient, d: string): void {
  // SES's expiry with the last reply in angle brackets: the bracketed reply is the cause.
  const last = /<([245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}[^<>]{0,1000})>\s*$/.exec(d);
  if (last && /expired/i.test(d.slice(0, last.index))) {
    const reply = last[1].trim();
    r.diagnosticCode = `${reply} (${d.slice(0, last.index).trim()})`;
    r.replyCode = leadingReplyCode(reply) || r.replyCode;
    r.status = findStatus(reply) || r.status;
    return;
  }
  // "X.Y.Z - words NNN-'reply'": SES's status first, then the remote reply code.
  const dashed = /^([245]\.\d{1,3}\.\d{1,3}) - [^']{0,300}?\b([245]\d\d)[ -]'/.exec(d);
  if (dashed) {
    r.diagnosticCode = d;
    r.status = dashed[1];
    r.replyCode = dashed[2];
  }
}
