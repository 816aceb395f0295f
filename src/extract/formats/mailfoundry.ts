// MailFoundry notices (Subject "Message delivery has failed"):
//
//   Unable to deliver message to: <user@example.org>
//   Delivery failed for the following reason:
//   Server mx.example.org[192.0.2.1] failed with: 550 <user@example.org> No such user here
//
//   This has been a permanent failure.  No further delivery attempts will be made.
import type { MailMessage, RawRecipient } from '../../types.js';
import { findAddress } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  header,
  hostInText,
  markedNotice,
  mentionsWithRaw,
  noticeExtraction,
  recipientFromDetail,
  unfold,
} from './text-notice.js';

const START = /^Unable to deliver message to:\s*<?([^<>\s]{1,512})>?\s*$/im;
const REASON = /^Delivery failed for the following reason:\s*$/i;

function hint(msg: MailMessage): boolean {
  return /^Message delivery has failed\s*$/i.test(header(msg, 'subject'));
}

/** The words that the parse cannot succeed without (literal parts of its marker). */
function evidence(msg: MailMessage): boolean {
  return mentionsWithRaw(msg, 'unable to deliver message to:');
}

function extract(msg: MailMessage) {
  if (!evidence(msg)) return null;
  const notice = markedNotice(msg, START);
  if (!notice) return null;
  const { lines } = notice;
  const recipients: RawRecipient[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = START.exec(lines[i].trim());
    if (!m) continue;
    const address = findAddress(m[1]);
    let j = i + 1;
    if (j < lines.length && REASON.test(lines[j].trim())) j++;
    const reason: string[] = [];
    for (; j < lines.length && lines[j].trim() !== '' && !START.test(lines[j].trim()); j++)
      reason.push(lines[j]);
    i = j - 1;
    if (!address) continue;
    const detail = unfold(reason);
    recipients.push(
      recipientFromDetail({
        recipient: address,
        detail,
        remoteMta: hostInText(` ${detail.replace(/\[/, ' [')}`),
      }),
    );
  }
  return noticeExtraction(msg, 'mailfoundry', recipients);
}

export const mailfoundry: FormatWithEvidence = { name: 'mailfoundry', hint, evidence, extract };
