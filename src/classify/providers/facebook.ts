// Facebook (facebook.com mail, discontinued 2014). Response codes:
// http://postmaster.facebook.com/response_codes - the code's prefix names the area.
import type { Provider } from './types.js';

const DOC = 'http://postmaster.facebook.com/response_codes';

export const facebook: Provider = {
  name: 'facebook',
  markers: ['postmaster.facebook.com', 'facebook.com'],
  rules: [
    { text: 'rcp-p1', reason: 'userunknown', source: DOC }, // recipient address does not exist
    { text: 'rcp-p2', reason: 'filtered', source: DOC }, // recipient's preferences refuse the message
    { text: 'rcp-p3', reason: 'filtered', source: DOC }, // recipient's privacy settings
    { text: 'rcp-t1', reason: 'systemerror', source: DOC },
    { text: 'con-t', reason: 'toomanyconn', source: DOC }, // too many connections
    { text: 'msg-p1', reason: 'mesgtoobig', source: DOC },
    { text: 'pol-p1', reason: 'blocked', source: DOC }, // sending IP on a block list
    { text: 'pol-p2', reason: 'blocked', source: DOC },
    { text: 'dns-p1', reason: 'rejected', source: DOC }, // MAIL FROM domain does not exist
    { text: 'dns-p2', reason: 'rejected', source: DOC },
    { text: 'int-', reason: 'systemerror', source: DOC },
  ],
};
