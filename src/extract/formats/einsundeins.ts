// 1&1 / IONOS failure notices (From: "Mail Delivery System" <mailer-daemon@kundenserver.de> and the
// other 1&1 hosts). Same mail system and layout as GMX (see gmx.ts), with "The following address
// failed:" / "For the following reason:" and a link to 1&1's postmaster pages under the reason.
import type { FormatWithEvidence } from './evidence.js';
import { readUnitedInternet, unitedInternetEvidence } from './gmx.js';
import { header } from './provider-notice.js';

export const einsUndEins: FormatWithEvidence = {
  name: 'einsundeins',
  hint(msg) {
    return /mailer-daemon@(?:[a-z0-9-]+\.)*(?:kundenserver|1and1|1und1|ionos|perfora)\./i.test(
      header(msg, 'from'),
    );
  },
  evidence: unitedInternetEvidence,
  extract(msg) {
    return readUnitedInternet(msg, 'einsundeins');
  },
};
