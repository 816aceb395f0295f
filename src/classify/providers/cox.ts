// Cox Communications. Codes: https://www.cox.com/residential/support/email-error-codes.html
import type { Provider } from './types.js';

const DOC = 'https://www.cox.com/residential/support/email-error-codes.html';
// CXBL, CDRBL and IPBLnnnn checked on Cox's postmaster "Error Codes" table (the part of it that
// was retrieved): CXBL the IP blocked by Cox for spam-like behaviour, CDRBL a temporary block (at
// most 24 hours), IPBLnnnn the IP listed on Spamhaus Zen, Return Path, ivmSIP or Cloudmark CSI.
// URLBL, CXDNS, CXSMTP, CXMXRT and 'not our customer' are not in the part of that table that could
// be read, and no copy of the residential page (DOC) was found: those rules are not checked.
const POSTMASTER = 'http://postmaster.cox.net/confluence/display/postmaster/Error+Codes';

export const cox: Provider = {
  name: 'cox',
  markers: ['cox.net', 'cox.com'],
  rules: [
    { text: 'cdrbl', reason: 'blocked', source: POSTMASTER }, // sending IP on Cox's block list
    { text: 'cxbl', reason: 'blocked', source: POSTMASTER },
    { text: 'ipbl', reason: 'blocked', source: POSTMASTER },
    { text: 'urlbl', reason: 'spamdetected', source: DOC },
    { text: 'cxdns', reason: 'requireptr', source: DOC },
    { text: 'cxsmtp', reason: 'rejected', source: DOC },
    { text: 'cxmxrt', reason: 'speeding', source: DOC },
    { text: 'not our customer', reason: 'userunknown', source: DOC },
  ],
};
