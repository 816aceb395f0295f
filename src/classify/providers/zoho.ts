// Zoho Mail. Codes: https://www.zoho.com/mail/help/adminconsole/bounce-back-codes.html
// Not checked against Zoho's documentation: no copy of the page above (or of another Zoho page
// listing its SMTP replies) could be found; only third-party lists. The rules stay as they were.
import type { Provider } from './types.js';

const DOC = 'https://www.zoho.com/mail/help/adminconsole/bounce-back-codes.html';

export const zoho: Provider = {
  name: 'zoho',
  markers: ['zoho'],
  rules: [
    { text: 'invalid address', reason: 'userunknown', source: DOC },
    { text: 'host not reachable', reason: 'expired', source: DOC },
    { text: 'mailbox full', reason: 'mailboxfull', source: DOC },
    { text: 'unusual sending activity', reason: 'speeding', source: DOC },
  ],
};
