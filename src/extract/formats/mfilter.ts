// m-FILTER (Digital Arts) notices, written in Japanese (X-Mailer "m-FILTER"):
//
//   以下のメールアドレスへの送信に失敗しました。      ("sending to the following address failed")
//   user@example.org
//
//   -------server message
//   550 5.1.1 <user@example.org>... User unknown
//
//   -------SMTP command
//   DATA
//
//   -------original message
import type { MailMessage, RawRecipient } from '../../types.js';
import { findAddress, smtpCommandName } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  header,
  markedNotice,
  mentionsWithRaw,
  noticeExtraction,
  recipientFromDetail,
  unfold,
} from './text-notice.js';

const START = /^以下のメールアドレスへの送信に失敗しました。?\s*$/m;
const SECTION = /^-{3,}\s*(server message|SMTP command|original (?:message|mail info))\s*$/i;

function hint(msg: MailMessage): boolean {
  return /^m-FILTER\b/i.test(header(msg, 'x-mailer'));
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentionsWithRaw(msg, '以下のメールアドレスへの送信に失敗しました');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const notice = markedNotice(msg, START);
  if (!notice) return null;
  const { lines } = notice;
  let i = notice.start;
  const addresses: string[] = [];
  for (i += 1; i < lines.length && !SECTION.test(lines[i].trim()); i++) {
    const a = findAddress(lines[i]);
    if (a) addresses.push(a);
  }
  const sections: Record<string, string[]> = {};
  let current = '';
  for (; i < lines.length; i++) {
    const s = SECTION.exec(lines[i].trim());
    if (s) {
      current = s[1].toLowerCase();
      if (current.startsWith('original')) break;
      sections[current] = [];
    } else if (current) sections[current].push(lines[i]);
  }
  const detail = unfold(sections['server message'] ?? []);
  const command = unfold(sections['smtp command'] ?? []).split(/\s/)[0] ?? '';
  const recipients: RawRecipient[] = addresses.map((a) =>
    recipientFromDetail({ recipient: a, detail, smtpCommand: smtpCommandName(command) }),
  );
  return noticeExtraction(msg, 'mfilter', recipients);
}

export const mfilter: FormatWithEvidence = { name: 'mfilter', hint, evidence, extract };
