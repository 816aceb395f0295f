// KDDI / au (ezweb.ne.jp, au.com, uqmobile.jp): Japanese carrier notices.
import type { Provider } from './types.js';

const OBS = 'observed in au/KDDI notices';

export const kddi: Provider = {
  name: 'kddi',
  markers: ['ezweb.ne.jp', '@au.com', 'kddi', 'uqmobile.jp'],
  rules: [
    { text: 'as their mailbox is full', reason: 'mailboxfull', source: OBS },
    { text: 'account is disabled', reason: 'suspend', source: OBS },
    { text: 'domain filter', reason: 'filtered', source: OBS },
  ],
};
