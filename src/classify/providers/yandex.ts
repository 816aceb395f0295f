// Yandex. Postmaster help: https://yandex.com/support/mail/web/spam/honest-mailers.html
import type { Provider } from './types.js';

const DOC = 'https://yandex.com/support/mail/web/spam/honest-mailers.html';

export const yandex: Provider = {
  name: 'yandex',
  markers: ['yandex'],
  rules: [
    { text: 'suspicion of spam', reason: 'spamdetected', source: DOC },
    { text: 'no such user', reason: 'userunknown', source: DOC },
    { text: 'mailbox is full', reason: 'mailboxfull', source: DOC },
    { text: 'dmarc', reason: 'authfailure', source: DOC },
  ],
};
