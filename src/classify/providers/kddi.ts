// KDDI / au (ezweb.ne.jp, au.com, uqmobile.jp): Japanese carrier notices.
import type { Provider } from './types.js';

const OBS = 'observed in au/KDDI notices';
const AU =
  'au mail errors: https://www.au.com/support/service/internet/trouble/mail/01/ and observed in au notices';

export const kddi: Provider = {
  name: 'kddi',
  markers: ['ezweb.ne.jp', '@au.com', 'msmx.au.com', 'kddi', 'uqmobile.jp'],
  rules: [
    // au's servers answer "550 <address>: User unknown" for an address that does not exist, and
    // "550 : User unknown" - no address - when the recipient's reception filter refused the sender
    // (https://www.au.com/support/service/internet/trouble/mail/01/).
    { text: '>: user unknown', reason: 'userunknown', source: AU },
    {
      text: ': user unknown',
      reason: 'filtered',
      category: 'recipient-restricted',
      code: 'au:reception-filter', // (advice that explains the words: src/advise/texts.ts)
      source: AU,
    },
    { text: 'as their mailbox is full', reason: 'mailboxfull', source: OBS },
    { text: 'account is disabled', reason: 'suspend', source: OBS },
    { text: 'domain filter', reason: 'filtered', source: OBS },
  ],
};
