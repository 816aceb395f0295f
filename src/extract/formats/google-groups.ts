// Google Groups' refusal of a post (From: mailer-daemon@googlemail.com, X-Failed-Recipients: the
// group's address). The notice is written in the poster's language ("We're writing to let you know
// that the group you tried to contact (name) may not exist, or you may not have permission to post
// messages to the group", "Sie erhalten diese E-Mail, weil die Gruppe...", ...), so it is recognised
// by structure, not words: Google's sender, a failed recipient, and a link to the Groups help
// centre (groups.google.com) above the "----- Original message -----" marker. The group refused
// the message (no such group, or no permission to post): Sisimai's reason "rejected".
import type { RawRecipient } from '../../types.js';
import type { FormatWithEvidence } from './evidence.js';
import {
  extraction,
  failedRecipients,
  findOriginal,
  header,
  mentions,
  noticeText,
  splitAtMarker,
  squeeze,
} from './provider-notice.js';

const FROM = /mailer-daemon@(?:googlemail|google)\.com/i;
const ORIGINAL_MARKER = /^-{3,}\s*Original message\s*-{3,}\s*$/m;
const GROUPS_LINK = /https?:\/\/groups\.google\.com\//i;

export const googleGroups: FormatWithEvidence = {
  name: 'google-groups',
  hint(msg) {
    return FROM.test(header(msg, 'from')) && /googlegroups\.com/i.test(header(msg, 'x-failed-recipients'));
  },
  // Google's sender, a failed recipient and the link to the Groups help centre are all needed.
  evidence(msg) {
    return (
      FROM.test(header(msg, 'from')) &&
      header(msg, 'x-failed-recipients') !== '' &&
      mentions(msg, 'groups.google.com/')
    );
  },
  extract(msg) {
    if (!googleGroups.evidence(msg)) return null;
    const { notice, rest } = splitAtMarker(noticeText(msg), ORIGINAL_MARKER);
    if (!GROUPS_LINK.test(notice)) return null;
    const addresses = failedRecipients(msg);
    if (addresses.length === 0) return null;
    // The explanation is the first paragraph after the greeting line.
    const paragraphs = notice
      .split(/\n[ \t]*\n/)
      .map(squeeze)
      .filter((p) => p.length > 0);
    const text = paragraphs.length > 1 ? paragraphs[1] : (paragraphs[0] ?? '');
    const recipients = addresses.map((recipient): RawRecipient => {
      const r: RawRecipient = { recipient, action: 'failed', reasonHint: 'rejected' };
      if (text) r.diagnosticCode = text;
      return r;
    });
    return extraction('google-groups', 'bounce', recipients, findOriginal(msg, rest));
  },
};
