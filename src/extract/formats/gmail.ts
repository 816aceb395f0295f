// Gmail's own delivery notices (From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>).
// Two generations are read here; Gmail's RFC 3464 reports (multipart/report with a filled
// message/delivery-status part) are left to the generic reader.
//
// Plain-text notices (2010-2015):
//   Delivery to the following recipient failed permanently:      | ... has been delayed:
//        user@example.jp                                          (indented, one per line)
//   Technical details of permanent failure:                       | ... temporary failure:
//   Google tried to deliver your message, but it was rejected by the server for the recipient
//   domain example.jp by mx.example.jp. [192.0.2.1].
//   The error that the other server returned was:
//   550 5.1.1 <user@example.jp>... User Unknown                   (or "... returned was: 554 554 5.7.0 ...")
//   ----- Original message -----                                 (then the original's headers)
// Newer notices with an empty delivery-status part:
//   ** Message not delivered **   (or ** Address not found **, ** Message blocked **...)
//   <explanation>
//   The response (from the remote server) was:
//   <the server's or Gmail's words>
// the recipients then being named only by X-Failed-Recipients.
import type { Extraction, MailMessage, RawRecipient } from '../../types.js';
import { findAddress, findSmtpCommand, findStatus, leadingReplyCode } from '../fields.js';
import { hasDeliveryStatusFields } from '../rfc3464.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  extraction,
  failedRecipients,
  findOriginal,
  header,
  noticeText,
  splitAtMarker,
  squeeze,
} from './provider-notice.js';

const FROM = /mailer-daemon@(?:googlemail|google|gmail)\.com/i;
const ORIGINAL_MARKER = /^-{3,}\s*Original message\s*-{3,}\s*$/m;
const RECIPIENTS_INTRO =
  /^Delivery to the following recipients? (failed(?: permanently| temporarily)?|has been delayed|is delayed)\s*:/im;
const DETAILS = /^Technical details of (?:permanent|temporary) failure\s*:/im;
const RETURNED = /The error that the other server returned was\s*:\s*/i;
const NEW_STYLE = /^\*\*\s*[A-Z][^*\n]{2,80}\*\*\s*$/m;
const RESPONSE = /^The response(?: from the remote server)? was\s*:\s*$/im;

export const gmail: FormatWithEvidence = {
  name: 'gmail',
  hint(msg) {
    return FROM.test(header(msg, 'from')) && /^Delivery Status Notification/i.test(header(msg, 'subject'));
  },
  evidence(msg) {
    return FROM.test(header(msg, 'from'));
  },
  extract(msg) {
    if (!gmail.evidence(msg)) return null;
    const { notice, rest } = splitAtMarker(noticeText(msg), ORIGINAL_MARKER);
    return plainNotice(msg, notice, rest) ?? newStyleNotice(msg, notice);
  },
};

function plainNotice(msg: MailMessage, notice: string, pasted: string): Extraction | null {
  const intro = RECIPIENTS_INTRO.exec(notice);
  if (!intro) return null;
  const delayed = /delayed|temporarily/i.test(intro[1]);
  const after = notice.slice(intro.index + intro[0].length);
  const addresses: string[] = [];
  let bodyStart = 0;
  const lines = after.split('\n');
  for (let i = 0; i < lines.length && i < 1000; i++) {
    const line = lines[i];
    if (/^\s*$/.test(line)) continue;
    if (!/^\s*[^\s@]+@\S+\s*$/.test(line)) {
      bodyStart = i;
      break;
    }
    const a = findAddress(line);
    if (a) addresses.push(a);
  }
  if (addresses.length === 0) return null;
  const body = lines.slice(bodyStart).join('\n');
  const details = DETAILS.exec(body);
  const diag = details ? describe(body.slice(details.index + details[0].length)) : { text: '' };
  const recipients = addresses.map((recipient) => {
    const r: RawRecipient = { recipient, action: delayed ? 'delayed' : 'failed' };
    fill(r, diag);
    return r;
  });
  return extraction('gmail', delayed ? 'delay' : 'bounce', recipients, findOriginal(msg, pasted));
}

interface Diagnosis {
  text: string;
  replyCode?: string;
  remoteMta?: string;
}

/**
 * The technical details: the other server's reply when Gmail quotes it (with Gmail's own repeat of
 * the reply code removed: "554 554 5.7.0 ..."), else Gmail's own explanation with its bracketed
 * connection errors.
 */
function describe(details: string): Diagnosis {
  const text = squeeze(details);
  const remote =
    /\brejected by the server for the recipient domain \S+ by ([A-Za-z0-9.-]{1,255}?)\.? \[/i.exec(text);
  const returned = RETURNED.exec(text);
  if (returned) {
    let reply = text.slice(returned.index + returned[0].length).trim();
    const twice = /^([245]\d\d) \1(?= )/.exec(reply);
    if (twice) reply = reply.slice(twice[1].length + 1);
    const d: Diagnosis = { text: reply };
    const code = leadingReplyCode(reply);
    if (code) d.replyCode = code;
    if (remote) d.remoteMta = remote[1];
    return d;
  }
  // Older notices quote the reply after Gmail's own label: "PERM_FAILURE: SMTP Error (state 9): 550 5.1.1 ...".
  const embedded = /(?:^|: )([245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b)/.exec(text);
  if (embedded) {
    const reply = text.slice(embedded.index + embedded[0].length - embedded[1].length);
    const d: Diagnosis = { text: reply, replyCode: reply.slice(0, 3) };
    if (remote) d.remoteMta = remote[1];
    return d;
  }
  return { text };
}

function fill(r: RawRecipient, d: Diagnosis): void {
  if (d.text) r.diagnosticCode = d.text;
  if (d.replyCode) r.replyCode = d.replyCode;
  if (d.remoteMta) r.remoteMta = d.remoteMta;
  const status = d.replyCode ? findStatus(d.text) : '';
  if (status) r.status = status;
  const cmd = findSmtpCommand(d.text);
  if (cmd) r.smtpCommand = cmd;
}

/** "** Message not delivered **" notices: recipients from X-Failed-Recipients, words after "The response was:". */
function newStyleNotice(msg: MailMessage, notice: string): Extraction | null {
  // With a filled delivery-status part the RFC 3464 reader has the better fields.
  if (msg.deliveryStatus && hasDeliveryStatusFields(msg.deliveryStatus)) return null;
  if (!NEW_STYLE.test(notice)) return null;
  const addresses = failedRecipients(msg);
  if (addresses.length === 0) return null;
  const response = RESPONSE.exec(notice);
  const words = response ? notice.slice(response.index + response[0].length) : notice;
  // The response is the paragraph after the label; the rest is Gmail's boilerplate.
  const paragraph = squeeze(words.replace(/^\s+/, '').split(/\n[ \t]*\n/)[0] ?? '');
  const d: Diagnosis = { text: paragraph };
  const code = leadingReplyCode(paragraph);
  if (code) d.replyCode = code;
  const recipients = addresses.map((recipient) => {
    const r: RawRecipient = { recipient, action: 'failed' };
    fill(r, d);
    return r;
  });
  return extraction('gmail', 'bounce', recipients, findOriginal(msg, ''));
}
