// GMX / WEB.DE / 1&1 IONOS (United Internet). Error pages: https://postmaster.gmx.net/en/error-messages
import type { Provider } from './types.js';

const DOC = 'https://postmaster.gmx.net/en/error-messages';
// The page (read at postmaster.gmx.com/en/error-messages) explains the replies' form: no enhanced
// status, several lines of which the last is decisive, and a URL to a page for the case. Its one
// example: "554-gmx.net (mxgmx104) Nemesis ESMTP Service not available / 554-No SMTP service /
// 554-IP address is block listed. / 554 For explanation visit https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=..."
// - the sending IP is on a block list, which the first lines' "Service not available" hides.

export const gmx: Provider = {
  name: 'gmx',
  markers: ['gmx.', 'web.de', 'kundenserver.de', '1und1', 'ionos', 'mail.com (mxgmx'],
  rules: [
    { text: 'ip address is block listed', reason: 'blocked', source: DOC },
    { text: 'c=rdns', reason: 'requireptr', source: DOC },
    { text: 'bad dns ptr', reason: 'requireptr', source: DOC },
    { text: 'c=bl', reason: 'blocked', source: DOC },
    { text: 'c=spf', reason: 'authfailure', source: DOC },
    { text: 'mailbox quota exceeded', reason: 'mailboxfull', source: DOC },
    { text: 'mailbox not found', reason: 'userunknown', source: DOC },
  ],
};
