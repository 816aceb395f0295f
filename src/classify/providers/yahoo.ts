// Yahoo / AOL (Yahoo Inc., formerly Verizon Media). Codes: https://senders.yahooinc.com/smtp-error-codes
import type { Provider } from './types.js';

const DOC = 'https://senders.yahooinc.com/smtp-error-codes';

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
    { status: ['5.7.9'], text: 'policy reasons', reason: 'policyviolation', source: DOC },
    { text: 'not accepted for policy reasons', reason: 'policyviolation', source: DOC },
    { text: "user doesn't have a", reason: 'userunknown', source: DOC },
    { text: 'mailbox is disabled', reason: 'suspend', source: DOC },
    { text: 'over quota', reason: 'mailboxfull', source: DOC },
  ],
};
