// BIGLOBE's failure notice (From: postmaster@biglobe.ne.jp, Subject: Returned mail: ...):
//      ----- The following addresses had delivery problems -----
//   user@example.jp
//      ----- Non-delivered information -----
//   The number of messages in recipient's mailbox exceeded the local limit.
// with the original attached as message/rfc822. The words under "Non-delivered information" are
// BIGLOBE's own; they apply to every address listed above them.
import type { RawRecipient } from '../../types.js';
import { findAddress, leadingReplyCode } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import { extraction, findOriginal, header, mentions, noticeText, squeeze } from './provider-notice.js';

const ADDRESSES = /^\s*-{3,}\s*The following addresses had delivery problems\s*-{3,}\s*$/im;
const INFO = /^\s*-{3,}\s*Non-delivered information\s*-{3,}\s*$/im;

export const biglobe: FormatWithEvidence = {
  name: 'biglobe',
  hint(msg) {
    return /@(?:[a-z0-9-]+\.)*biglobe\.ne\.jp\b/i.test(header(msg, 'from'));
  },
  evidence(msg) {
    return (
      mentions(msg, 'the following addresses had delivery problems') &&
      mentions(msg, 'non-delivered information')
    );
  },
  extract(msg) {
    if (!biglobe.evidence(msg)) return null;
    const text = noticeText(msg);
    const a = ADDRESSES.exec(text);
    const i = INFO.exec(text);
    if (!a || !i || i.index < a.index) return null;
    const addresses: string[] = [];
    for (const line of text.slice(a.index + a[0].length, i.index).split('\n', 1000)) {
      const addr = findAddress(line);
      if (addr && !addresses.includes(addr)) addresses.push(addr);
    }
    if (addresses.length === 0) return null;
    // The information runs to the next marker line or the end of the text part.
    const after = text.slice(i.index + i[0].length);
    const end = /^\s*-{3,}/m.exec(after);
    const words = squeeze(end ? after.slice(0, end.index) : after);
    const recipients = addresses.map((recipient): RawRecipient => {
      const r: RawRecipient = { recipient, action: 'failed' };
      if (words) r.diagnosticCode = words;
      const code = leadingReplyCode(words);
      if (code) r.replyCode = code;
      return r;
    });
    return extraction('biglobe', 'bounce', recipients, findOriginal(msg, ''));
  },
};
