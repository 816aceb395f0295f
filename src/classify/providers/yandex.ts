// Yandex. Its replies are explained on "Report on non-delivery to Yandex":
// https://yandex.com/support/mail/bounces/yandex.html (also at
// yandex.com/support/yandex-360/customers/mail/en/bounces/yandex), each text with its cause:
//  - "No such user", "Bad recipient address syntax", "Bad address mailbox syntax", "No correct
//    recipients", "Recipient address rejected: need fully-qualified address": a non-existing address;
//  - "Message rejected under suspicion of SPAM": the content was taken for spam; when a mailbox
//    sends only spam, Yandex blocks mail from it for 24 hours, and the reply then says "Client host
//    [ip] blocked using ...; see ..." or "Blocked by spam statistics - see ...";
//  - "Policy rejection on the target address": the recipient's account is blocked for breaking the
//    User Agreement (its owner can have it unblocked);
//  - "Mailbox size exceeded", "Mailbox size limit exceeded": the recipient's mailbox is full.
// The DMARC rule is not on that page: it is observed in Yandex's replies.
import type { Provider } from './types.js';

const DOC = 'https://yandex.com/support/mail/bounces/yandex.html';
const OBS = 'observed in Yandex replies';

export const yandex: Provider = {
  name: 'yandex',
  markers: ['yandex'],
  rules: [
    { text: 'blocked by spam statistics', reason: 'blocked', source: DOC },
    { text: 'suspicion of spam', reason: 'spamdetected', source: DOC },
    { text: 'policy rejection on the target address', reason: 'suspend', source: DOC },
    { text: 'no such user', reason: 'userunknown', source: DOC },
    { text: 'bad recipient address syntax', reason: 'userunknown', source: DOC },
    { text: 'bad address mailbox syntax', reason: 'userunknown', source: DOC },
    { text: 'no correct recipients', reason: 'userunknown', source: DOC },
    { text: 'need fully-qualified address', reason: 'userunknown', source: DOC },
    { text: 'mailbox size limit exceeded', reason: 'mailboxfull', source: DOC },
    { text: 'mailbox size exceeded', reason: 'mailboxfull', source: DOC },
    { text: 'mailbox is full', reason: 'mailboxfull', source: OBS },
    { text: 'dmarc', reason: 'authfailure', source: OBS },
  ],
};
