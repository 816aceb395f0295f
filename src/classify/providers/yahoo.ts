// Yahoo / AOL (Yahoo Inc., formerly Verizon Media). Codes: https://senders.yahooinc.com/smtp-error-codes
import type { Provider } from './types.js';

const DOC = 'https://senders.yahooinc.com/smtp-error-codes';
// Yahoo's help article on 554 5.7.9: the message failed SPF, DKIM or DMARC
const SLN7253 = 'https://help.yahoo.com/kb/SLN7253.html';

export const yahoo: Provider = {
  name: 'yahoo',
  markers: ['yahoo', 'yahoodns', 'yahooinc', 'verizonmedia', 'aol.com', 'ymail.com', 'rocketmail.com'],
  rules: [
    // TSS04: deferred for unexpected volume or user complaints - the IP is being throttled.
    { text: 'tss04', reason: 'badreputation', category: 'rate-limited', code: 'TSS04', source: DOC },
    // TSS09: all messages from the IP will be permanently deferred.
    { text: 'tss09', reason: 'blocked', code: 'TSS09', source: DOC },
    { text: 'tss11', reason: 'badreputation', category: 'rate-limited', source: DOC },
    { text: 'tss12', reason: 'badreputation', category: 'rate-limited', source: DOC },
    { text: 'ts03', reason: 'blocked', source: DOC },
    // "451 VS1-IP Excessive unknown recipients - possible Open Relay": the sending server sends to
    // many invalid addresses (an open relay or proxy, or an unkept list) - its reputation, not this
    // recipient or the sender's address.
    { text: 'excessive unknown recipients', reason: 'badreputation', source: DOC },
    // 554 5.7.9 "Message not accepted for policy reasons": Yahoo's help says the message failed its
    // authentication checks (SPF, DKIM, DMARC). The reason stays Sisimai's (policyviolation); what
    // a person reads and does is authentication.
    {
      status: ['5.7.9'],
      text: 'policy reasons',
      reason: 'policyviolation',
      category: 'authentication',
      code: 'yahoo:5.7.9',
      source: SLN7253,
    },
    {
      text: 'not accepted for policy reasons',
      reason: 'policyviolation',
      category: 'authentication',
      code: 'yahoo:5.7.9',
      source: SLN7253,
    },
    { text: "user doesn't have a", reason: 'userunknown', source: DOC },
    { text: 'mailbox is disabled', reason: 'suspend', source: DOC },
    { text: 'over quota', reason: 'mailboxfull', source: DOC },
  ],
};
