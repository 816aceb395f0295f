// Mimecast. Codes: https://community.mimecast.com/docs/DOC-1369
import type { Provider } from './types.js';

const DOC = 'https://community.mimecast.com/docs/DOC-1369';

export const mimecast: Provider = {
  name: 'mimecast',
  markers: ['mimecast'],
  rules: [
    { text: 'invalid recipient', reason: 'userunknown', source: DOC },
    { text: 'host network not allowed', reason: 'policyviolation', source: DOC },
    { text: 'mcspamsignature', reason: 'virusdetected', source: DOC },
    { text: 'security policies', reason: 'virusdetected', source: DOC },
    { text: 'envelope blocked', reason: 'filtered', category: 'recipient-restricted', source: DOC },
    { text: 'anti-spoofing', reason: 'authfailure', source: DOC },
    { text: 'dmarc', reason: 'authfailure', source: DOC },
    { text: 'rbl', reason: 'blocked', source: DOC },
    { text: 'spam', reason: 'spamdetected', source: DOC },
  ],
};
