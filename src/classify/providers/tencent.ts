// Tencent (QQ Mail, Tencent Exmail). Help: https://service.mail.qq.com/
// Not checked against Tencent's documentation: no copy of an official QQ Mail / Exmail page listing
// its SMTP replies could be found (the texts and causes were found only on third-party pages that
// quote it). The rules stay as they were.
import type { Provider } from './types.js';

const DOC = 'http://service.mail.qq.com/cgi-bin/help';

export const tencent: Provider = {
  name: 'tencent',
  markers: ['qq.com', 'tencent', 'exmail'],
  rules: [
    { text: 'dmarc', reason: 'authfailure', source: DOC },
    { text: 'mail content denied', reason: 'spamdetected', source: DOC },
    { text: 'ip frequency limited', reason: 'speeding', source: DOC },
    { text: 'domain frequency limited', reason: 'speeding', source: DOC },
    { text: 'connection frequency limited', reason: 'toomanyconn', source: DOC },
    { text: 'mailbox not found', reason: 'userunknown', source: DOC },
    { text: 'mailbox is full', reason: 'mailboxfull', source: DOC },
    { text: 'is not allowed to send', reason: 'blocked', source: DOC },
  ],
};
