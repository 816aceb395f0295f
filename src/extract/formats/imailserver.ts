// Ipswitch IMail Server (X-Mailer "<SMTP32 vN>") notices: one line per recipient, IMail's fixed
// reason, a colon and the address, then "Original message follows."
//
//   Unknown user: user@example.org
//
//   Original message follows.
//
// When the remote server answered, IMail writes "undeliverable to user@example.org" and quotes the
// reply under "Body of message generated response:".
import type { MailMessage, RawRecipient, Reason } from '../../types.js';
import { findAddress } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  header,
  noticeExtraction,
  noticeLines,
  noticeText,
  recipientFromDetail,
  unfold,
} from './text-notice.js';

const END = /^\s*Original message follows\.?\s*$/im;
const REASON_LINE = /^([A-Za-z][A-Za-z ]{2,80}):\s*<?([^\s<>@]{1,256}@[^\s<>]{1,256})>?\s*$/;
const UNDELIVERABLE = /^undeliverable to\s+<?([^\s<>@]{1,256}@[^\s<>]{1,256})>?\s*$/i;
const RESPONSE = /^Body of message generated response:\s*$/i;

/** IMail's fixed reasons and what they mean (IMail Server's delivery failure texts). */
const FIXED: ReadonlyArray<readonly [RegExp, Reason]> = [
  [/^unknown user$/i, 'userunknown'],
  [/^invalid final delivery userid$/i, 'userunknown'],
  [/^user mailbox exceeds allowed size$/i, 'mailboxfull'],
  [/^host unknown$/i, 'hostunknown'],
];

function hint(msg: MailMessage): boolean {
  return /^<SMTP32 v/i.test(header(msg, 'x-mailer'));
}

function extract(msg: MailMessage) {
  if (!hint(msg)) return null;
  const lines = noticeLines(noticeText(msg, END));
  const recipients: RawRecipient[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const fixed = REASON_LINE.exec(line);
    if (fixed && !/^(?:to|cc|from|subject|date)$/i.test(fixed[1].trim())) {
      const r = recipientFromDetail({ recipient: findAddress(fixed[2]), detail: fixed[1].trim() });
      const known = FIXED.find(([re]) => re.test(fixed[1].trim()));
      if (known) r.reasonHint = known[1];
      recipients.push(r);
      continue;
    }
    const und = UNDELIVERABLE.exec(line);
    if (!und) continue;
    // The remote server's reply follows "Body of message generated response:".
    let k = i + 1;
    while (k < lines.length && k < i + 10 && !RESPONSE.test(lines[k].trim())) k++;
    const reply: string[] = [];
    for (k += 1; k < lines.length && lines[k].trim() !== ''; k++) reply.push(lines[k]);
    recipients.push(recipientFromDetail({ recipient: findAddress(und[1]), detail: unfold(reply) || line }));
  }
  return noticeExtraction(msg, 'imailserver', recipients);
}

// The hint is also what the parse needs.
export const imailserver: FormatWithEvidence = { name: 'imailserver', hint, evidence: hint, extract };
