// GMX / WEB.DE / 1&1 IONOS (United Internet). Error pages: https://postmaster.gmx.net/en/error-messages
import type { Provider } from './types.js';

const DOC = 'https://postmaster.gmx.net/en/error-messages';

export const gmx: Provider = {
  name: 'gmx',
  markers: ['gmx.', 'web.de', 'kundenserver.de', '1und1', 'ionos', 'mail.com (mxgmx'],
  rules: [
    { text: 'c=rdns', reason: 'requireptr', source: DOC },
    { text: 'bad dns ptr', reason: 'requireptr', source: DOC },
    { text: 'c=bl', reason: 'blocked', source: DOC },
    { text: 'c=spf', reason: 'authfailure', source: DOC },
    { text: 'mailbox quota exceeded', reason: 'mailboxfull', source: DOC },
    { text: 'mailbox not found', reason: 'userunknown', source: DOC },
  ],
};
