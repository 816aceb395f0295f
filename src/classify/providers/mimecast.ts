// Mimecast. Codes: https://community.mimecast.com/docs/DOC-1369
import type { Provider } from './types.js';

const DOC = 'https://community.mimecast.com/docs/DOC-1369';
// The page now lives at https://mimecastsupport.zendesk.com/hc/en-us/articles/34000709564691-Policies-Mimecast-SMTP-Error-Codes;
// its 4xx rows were read from a copy of the same text (electronicaportatil.com/smtp-error-codes/),
// the stored copy of Mimecast's own page ending before its tables. Its 5xx table could not be read
// in any stored copy (Mimecast's page, its community.mimecast.com predecessor or copies of them):
// the 5xx rules are not checked and stay as they were.
const DOC_NOW =
  'https://mimecastsupport.zendesk.com/hc/en-us/articles/34000709564691-Policies-Mimecast-SMTP-Error-Codes';

export const mimecast: Provider = {
  name: 'mimecast',
  markers: ['mimecast'],
  rules: [
    // "421 Unable to process connection at this time": the Mimecast server is under maximum load
    { text: 'unable to process connection at this time', reason: 'systemerror', source: DOC_NOW },
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
