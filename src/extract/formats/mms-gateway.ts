// Notices of SMS/MMS gateways run on Apache James and similar Java mail servers (Verizon's vtext /
// vzwpix and others):
//
//   Error: Invalid user address
//
//   Error message below:
//   550 - Requested action not taken: no such user here
//
//   Message details:
//     Subject: Hello
//     MAIL FROM: sender@example.jp
//     RCPT TO: 5555550100@vtext.example
//
// and the MMSC's "Message could not be delivered to mobile." with "Error: No valid recipients for
// this MM" above the quoted original message.
import type { MailMessage, RawRecipient } from '../../types.js';
import { findAddress } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  mentionsWithRaw,
  noticeExtraction,
  noticeLines,
  noticeTextWith,
  recipientFromDetail,
  unfold,
} from './text-notice.js';

const JAMES = /^Error message below:\s*$/im;
const MMSC = /^Message could not be delivered to mobile\.\s*$/im;

function hint(_msg: MailMessage): boolean {
  return false;
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentionsWithRaw(msg, 'error message below:', 'message could not be delivered to mobile.');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const james = noticeTextWith(msg, JAMES);
  if (james) return fromJames(msg, james);
  const mmsc = noticeTextWith(msg, MMSC);
  if (mmsc) return fromMmsc(msg, mmsc);
  return null;
}

function fromJames(msg: MailMessage, text: string) {
  const lines = noticeLines(text);
  let i = lines.findIndex((l) => JAMES.test(l));
  const reply: string[] = [];
  for (i += 1; i < lines.length && lines[i].trim() !== ''; i++) reply.push(lines[i]);
  const details = /^\s*Message details:\s*$/im.exec(text);
  if (!details) return null;
  const rcpt = /^\s*RCPT TO:\s*<?([^<>\s]{1,512})>?\s*$/im.exec(text.slice(details.index));
  const address = rcpt ? findAddress(rcpt[1]) : '';
  if (!address) return null;
  const error = /^Error:\s*(.*\S)\s*$/im.exec(text);
  const detail = unfold(reply) || (error ? error[1] : '');
  const r: RawRecipient = recipientFromDetail({ recipient: address, detail });
  return noticeExtraction(msg, 'mms-gateway', [r]);
}

function fromMmsc(msg: MailMessage, text: string) {
  const error = /^Error:\s*(.*\S)\s*$/im.exec(text);
  const original = /^Original Message:\s*$/im.exec(text);
  if (!error || !original) return null;
  const to = /^To:\s*(.*\S)\s*$/im.exec(text.slice(original.index));
  const address = to ? findAddress(to[1]) : '';
  if (!address) return null;
  const r = recipientFromDetail({ recipient: address, detail: error[1] });
  // "No valid recipients for this MM": the MMSC found no subscriber for the number.
  if (/^No valid recipients for this MM\b/i.test(error[1])) r.reasonHint = 'userunknown';
  return noticeExtraction(msg, 'mms-gateway', [r]);
}

export const mmsGateway: FormatWithEvidence = { name: 'mms-gateway', hint, evidence, extract };
