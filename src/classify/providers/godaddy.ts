// GoDaddy (secureserver.net). Bounce codes "IBnnn": https://www.godaddy.com/help/what-do-the-bounce-back-codes-mean-20140
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
