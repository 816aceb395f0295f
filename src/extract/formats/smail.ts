// smail 3 bounce notices (Subject "mail failed, returning to sender"), boxed sections:
//
//   |------------------------- Message log follows: -------------------------|
//    no valid recipients were found for this message
//   |------------------------- Failed addresses follow: ---------------------|
//    user@example.org ... unknown host
//   |------------------------- Message text follows: ------------------------|
//
// Each failed address is "address ... reason"; the message log above may say more.
import type { MailMessage, RawRecipient } from '../../types.js';
import { findAddress } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  header,
  markedNotice,
  mentionsWithRaw,
  noticeExtraction,
  recipientFromDetail,
} from './text-notice.js';

const FAILED = /^\|-{3,}\s*Failed addresses follow:\s*-{3,}\|\s*$/im;
const SECTION = /^\|-{3,}.{0,60}-{3,}\|\s*$/;
const ENTRY = /^<?([^\s<>@]{1,256}@[^\s<>]{1,256})>?\s+\.\.\.\s*(.*)$/;

function hint(msg: MailMessage): boolean {
  return /^mail failed, returning to sender\s*$/i.test(header(msg, 'subject'));
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentionsWithRaw(msg, 'failed addresses follow:');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const notice = markedNotice(msg, FAILED);
  if (!notice) return null;
  const { lines } = notice;
  let i = notice.start;
  const recipients: RawRecipient[] = [];
  for (i += 1; i < lines.length && !SECTION.test(lines[i].trim()); i++) {
    const m = ENTRY.exec(lines[i].trim());
    if (!m) continue;
    const address = findAddress(m[1]);
    if (address) recipients.push(recipientFromDetail({ recipient: address, detail: m[2] }));
  }
  return noticeExtraction(msg, 'smail', recipients);
}

export const smail: FormatWithEvidence = { name: 'smail', hint, evidence, extract };
