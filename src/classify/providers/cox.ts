// Cox Communications. Codes: https://www.cox.com/residential/support/email-error-codes.html
import type { Provider } from './types.js';

const DOC = 'https://www.cox.com/residential/support/email-error-codes.html';

export const cox: Provider = {
  name: 'cox',
  markers: ['cox.net', 'cox.com'],
  rules: [
    { text: 'cdrbl', reason: 'blocked', source: DOC }, // sending IP on Cox's block list
    { text: 'cxbl', reason: 'blocked', source: DOC },
    { text: 'ipbl', reason: 'blocked', source: DOC },
    { text: 'urlbl', reason: 'spamdetected', source: DOC },
    { text: 'cxdns', reason: 'requireptr', source: DOC },
    { text: 'cxsmtp', reason: 'rejected', source: DOC },
    { text: 'cxmxrt', reason: 'speeding', source: DOC },
    { text: 'not our customer', reason: 'userunknown', source: DOC },
  ],
};
