// Broadcom (Symantec) Email Security.cloud, formerly MessageLabs: it writes the bounce itself
// (its servers are *.messagelabs.com), so it is recognised by the reporting MTA too. Wordings
// from Broadcom's knowledge base articles cited per rule.
import type { Provider } from './types.js';

const KB = 'https://knowledge.broadcom.com/external/article/';

export const messagelabs: Provider = {
  name: 'messagelabs',
  markers: ['messagelabs.com'],
  rules: [
    { text: 'domain authentication fail', reason: 'authfailure', source: `${KB}175407` },
    { text: 'connection rejected by policy', reason: 'badreputation', source: `${KB}164955` },
    { text: 'your ip is in the pbl', reason: 'blocked', source: `${KB}165165` },
    { text: 'your ip address has been', reason: 'blocked', source: `${KB}165165` },
    { text: 'tls/sslv3 connection required', reason: 'failedstarttls', source: `${KB}162152` },
    { text: ' as a relay, ', reason: 'norelaying', source: `${KB}162137` },
    { text: 'this message is not rfc 5322', reason: 'notcompliantrfc', source: `${KB}165165` },
    {
      text: 'sender envelope domain not allowed for sender ip address',
      reason: 'rejected',
      source: `${KB}165165`,
    },
    { text: 'your domain has been black', reason: 'rejected', source: `${KB}173082` },
    { text: 'your email address has been black', reason: 'rejected', source: `${KB}173082` },
    { text: 'your domain has been blocked', reason: 'rejected', source: `${KB}165165` },
    { text: 'your email address has been blocked', reason: 'rejected', source: `${KB}165165` },
    { text: 'envelope sender is in my badmailfrom list', reason: 'rejected', source: `${KB}162232` },
    {
      text: 'please turn on smtp authentication in your mail client',
      reason: 'securityerror',
      source: 'observed in MessageLabs notices',
    },
    { text: 'filtered by outbound scanning', reason: 'spamdetected', source: `${KB}173867` },
    { text: 'message filtered', reason: 'spamdetected', source: `${KB}173867` },
    { text: 'too many recipients received this hour', reason: 'toomanyconn', source: `${KB}385809` },
    { text: 'too many messages', reason: 'toomanyconn', source: `${KB}164767` },
    { text: 'recipient mailbox is not allowed', reason: 'userunknown', source: `${KB}175710` },
    { text: 'invalid recipient', reason: 'userunknown', source: `${KB}165163` },
    { text: 'no such user', reason: 'userunknown', source: `${KB}165163` },
  ],
};
