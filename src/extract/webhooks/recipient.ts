// Building a recipient from a webhook event's fields: the SMTP reply the ESP quotes, a status it
// states, and its own label.
import type { Reason } from '../../types.js';
import { findAddress, findSmtpCommand, findStatus, leadingReplyCode, stripType } from '../fields.js';
import type { EspRecipient } from './types.js';

/** Longest text taken from one field; a real reply is a few hundred characters. */
const MAX_FIELD = 8 * 1024;

export interface EventFields {
  address: string;
  action: 'failed' | 'delayed' | 'delivered';
  /** the remote server's reply or the ESP's diagnostic text */
  diagnostic?: string;
  /** an enhanced status the payload states in its own field */
  status?: string;
  /** a reply code the payload states in its own field */
  replyCode?: string;
  remoteMta?: string;
  reportingMta?: string;
  espLabel: string;
  /**
   * The reason the ESP's label implies, used only when the payload has no reply text and no status:
   * the label must not outweigh the server's words (a "Transient" bounce whose text says the domain
   * does not exist is a dead domain).
   */
  labelReason?: Reason;
  /**
   * The diagnostic is the ESP's own description (Mailgun's "Not delivering to previously bounced
   * address"), not a server's reply: it is shown, but weighs as no server evidence.
   */
  espText?: boolean;
  /** when the event happened, as an RFC 5322 date-time (./time.ts); kept as lastAttemptDate */
  eventTime?: string;
  /** the payload field that holds the address, named in the note when it holds none (e.g. '"email"') */
  addressField?: string;
}

/**
 * The recipient of one delivery event. An event without a usable address is kept with an empty
 * recipient and a note: a bounce the payload reports is never left out without a word.
 */
export function espRecipient(f: EventFields): EspRecipient {
  const recipient = findAddress(f.address);
  const r: EspRecipient = { recipient, action: f.action, espLabel: f.espLabel };
  if (!recipient) r.espNote = noAddressNote(f.address, f.addressField);
  const text = f.diagnostic ? stripType(f.diagnostic.slice(0, MAX_FIELD)).replace(/\s+/g, ' ') : '';
  if (text) r.diagnosticCode = text;
  const code = /^[245]\d\d$/.test(f.replyCode ?? '') ? (f.replyCode as string) : leadingReplyCode(text);
  if (code) r.replyCode = code;
  const status = findStatus(f.status ?? '') || (code || /^[245]\.\d/.test(text) ? findStatus(text) : '');
  if (status) r.status = status;
  const cmd = findSmtpCommand(text);
  if (cmd) r.smtpCommand = cmd;
  if (f.remoteMta) r.remoteMta = f.remoteMta;
  if (f.reportingMta) r.reportingMta = f.reportingMta;
  if (f.eventTime) r.lastAttemptDate = f.eventTime;
  if ((!text || f.espText) && !status) {
    r.labelOnly = true;
    if (f.labelReason) r.reasonHint = f.labelReason;
  }
  return r;
}

/**
 * A complaint (feedback report) about one recipient: no delivery action, a feedback type (the
 * ESP's own when it states one, else "abuse", RFC 5965 §7.3's usual type for a spam report), and
 * when the complaint came, as an RFC 5322 date-time, when the payload says.
 */
export function complaintRecipient(
  address: string,
  espLabel: string,
  feedbackType = 'abuse',
  eventTime?: string,
  addressField?: string,
): EspRecipient {
  const r = espRecipient({ address, action: 'failed', espLabel, eventTime, addressField });
  delete r.action;
  r.feedbackType = feedbackType;
  return r;
}

/** The note for an event whose address field is missing, empty or holds no address. */
function noAddressNote(address: string, field = 'address'): string {
  return address
    ? `The event's ${field} field holds no e-mail address: the recipient is unknown; the event is shown as the payload gives it.`
    : `The event names no recipient (no ${field} field): the recipient is unknown; the event is shown as the payload gives it.`;
}
