// KDDI au one net (dion.ne.jp) failure notice (From: no-reply@<host>.dion.ne.jp), Japanese preface
// then an English summary, original attached as message/rfc822:
//   Your mail sent on: Thu, 29 Apr 2013 23:45:22 +0900
//        Could not be delivered to: <user@example.dion.ne.jp>
//        As their mailbox is full.
import type { RawRecipient } from '../../types.js';
import { findAddress } from '../fields.js';
import type { FormatWithEvidence } from './evidence.js';
import { extraction, findOriginal, header, mentions, noticeText, squeeze } from './provider-notice.js';

const TARGET = /^\s*Could not be delivered to:\s*(<?[^\s<>@]{1,512}@[^\s<>]{1,512}>?)\s*$/im;

export const kddi: FormatWithEvidence = {
  name: 'kddi',
  hint(msg) {
    return /@(?:[a-z0-9-]+\.)*(?:dion\.ne\.jp|au\.com|auone-net\.jp)\b/i.test(header(msg, 'from'));
  },
  evidence(msg) {
    return mentions(msg, 'could not be delivered to:') && mentions(msg, 'your mail sent on:');
  },
  extract(msg) {
    if (!kddi.evidence(msg)) return null;
    const text = noticeText(msg);
    const recipients: RawRecipient[] = [];
    const lines = text.split('\n', 5000);
    for (let i = 0; i < lines.length; i++) {
      const m = TARGET.exec(lines[i]);
      if (!m) continue;
      const recipient = findAddress(m[1]);
      if (!recipient) continue;
      // The reason is the indented lines that follow, up to an empty line.
      const words: string[] = [];
      for (let j = i + 1; j < lines.length && j < i + 10 && lines[j].trim(); j++) words.push(lines[j]);
      const r: RawRecipient = { recipient, action: 'failed' };
      const diag = squeeze(words.join(' '));
      if (diag) r.diagnosticCode = diag;
      recipients.push(r);
    }
    if (recipients.length === 0 || !/^\s*Your mail sent on:/im.test(text)) return null;
    return extraction('kddi', 'bounce', recipients, findOriginal(msg, ''));
  },
};
