// fml (Japanese mailing list manager) rejection notices: a post that the list refused, answered
// to the sender. The Message-Id carries "FML" and the list's address is named in the text:
//
//   You are not a member of this mailing list <list@example.org>.
//
// The refused "recipient" is the list address; these notices are refusals by policy, so the
// format states the reason.
import type { MailMessage, Reason } from '../../types.js';
import { findAddress } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import { header, noticeExtraction, noticeText, recipientFromDetail } from './text-notice.js';

/** fml's fixed sentences (fml 4 messages) and the reason each states. */
const SENTENCES: ReadonlyArray<readonly [RegExp, Reason]> = [
  [/^You are not a member of this mailing list <([^<>\s]{1,512})>\.?/im, 'rejected'],
  [/^Your mail to <([^<>\s]{1,512})> is not allowed to post\b/im, 'rejected'],
  [/^(?:The )?mailing list <([^<>\s]{1,512})> is (?:now )?closed\b/im, 'rejected'],
];

function hint(msg: MailMessage): boolean {
  return (
    /\.FML[A-Z0-9]{0,20}\./i.test(header(msg, 'message-id')) ||
    /\bare not member\b/i.test(header(msg, 'subject'))
  );
}

function extract(msg: MailMessage) {
  if (!hint(msg)) return null;
  const text = noticeText(msg);
  for (const [re, reason] of SENTENCES) {
    const m = re.exec(text);
    if (!m) continue;
    const address = findAddress(m[1]);
    if (!address) continue;
    const r = recipientFromDetail({ recipient: address, detail: m[0].trim() });
    r.reasonHint = reason;
    return noticeExtraction(msg, 'fml', [r]);
  }
  return null;
}

// The hint is also what the parse needs.
export const fml: FormatWithEvidence = { name: 'fml', hint, evidence: hint, extract };
