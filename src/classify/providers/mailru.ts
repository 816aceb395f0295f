// mail.ru group (mail.ru, inbox.ru, list.ru, bk.ru). Postmaster pages: https://help.mail.ru/mail-help/postmaster
// Not checked against mail.ru's documentation: no copy of a help.mail.ru page listing its SMTP
// replies could be found. The DMARC reply cites the DMARC page itself ("550 5.7.1 This message was
// not accepted due to domain (mail.ru) owner DMARC policy (RFC 7489) https://help.mail.ru/mail-help/postmaster/dmarc",
// as quoted by third parties); the other rules stay as they were.
import type { Provider } from './types.js';

const DMARC = 'https://help.mail.ru/mail-help/postmaster/dmarc';
const DOC = 'https://help.mail.ru/mail-help/postmaster';

export const mailru: Provider = {
  name: 'mailru',
  markers: ['mail.ru', 'inbox.ru', 'list.ru', '@bk.ru', 'mxs.mail.ru'],
  rules: [
    { text: 'dmarc', reason: 'authfailure', source: DMARC },
    // "Сообщение отклонено в соответствии с политикой DMARC домена отправителя"
    { text: 'политик', reason: 'authfailure', source: DMARC },
    { text: 'spam message rejected', reason: 'spamdetected', source: DOC },
    { text: 'under suspicion of spam', reason: 'spamdetected', source: DOC },
    { text: 'user not found', reason: 'userunknown', source: DOC },
    { text: 'mailbox is full', reason: 'mailboxfull', source: DOC },
    { text: 'message rejected', reason: 'policyviolation', source: DOC },
  ],
};
