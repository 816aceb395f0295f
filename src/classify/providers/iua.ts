// i.ua (Ukraine). Replies link to http://mail.i.ua/err/N/ pages naming the cause.
import type { Provider } from './types.js';

const OBS = 'observed in i.ua notices (http://mail.i.ua/err/N/)';

export const iua: Provider = {
  name: 'iua',
  markers: ['mail.i.ua', '@i.ua'],
  rules: [
    { text: 'mail.i.ua/err/1/', reason: 'userunknown', source: OBS },
    { text: 'mail.i.ua/err/2/', reason: 'mailboxfull', source: OBS },
    { text: 'mail.i.ua/err/3/', reason: 'suspend', source: OBS }, // "Mailbox is frozen"
    { text: 'mail.i.ua/err/5/', reason: 'spamdetected', source: OBS },
  ],
};
