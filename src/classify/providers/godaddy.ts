// GoDaddy (secureserver.net). Bounce codes "IBnnn": https://www.godaddy.com/help/what-do-the-bounce-back-codes-mean-20140
// Not checked against GoDaddy's documentation: its page is now "Fix rejected email with a bounce
// error" (https://www.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685), but the stored
// copies that could be read hold only its recipient and invalid-recipient sections, not the IBnnn
// rows (sender, content, rate limiting, block lists). The IB rules stay as they were. To re-check:
// third-party copies of that table give IB401 as authentication refused on the inbound servers and
// IB501/IB502 as a blank or IP-address From:, which would not be 'requireptr' and 'blocked'.
import type { Provider } from './types.js';

const DOC = 'https://www.godaddy.com/help/what-do-the-bounce-back-codes-mean-20140';

export const godaddy: Provider = {
  name: 'godaddy',
  markers: ['secureserver.net', 'godaddy', 'x.co/srbounce', ' ib5', ' ib4', ' ib1', ' ib2', ' ib7'],
  rules: [
    { text: 'ib508', reason: 'authfailure', source: DOC }, // SPF: IP not allowed to send for the domain
    { text: 'ib506', reason: 'rejected', source: DOC }, // From: domain invalid
    { text: 'ib501', reason: 'blocked', source: DOC }, // sending IP on a block list
    { text: 'ib502', reason: 'blocked', source: DOC },
    { text: 'ib504', reason: 'toomanyconn', source: DOC }, // too many recipients
    { text: 'ib510', reason: 'toomanyconn', source: DOC },
    { text: 'ib212', reason: 'spamdetected', source: DOC },
    { text: 'ib401', reason: 'requireptr', source: DOC },
    { text: 'ib705', reason: 'virusdetected', source: DOC },
  ],
};
