// Apple iCloud Mail (icloud.com, me.com, mac.com). Postmaster: https://support.apple.com/en-us/102322
import type { Provider } from './types.js';

const DOC = 'https://support.apple.com/en-us/102322';

export const apple: Provider = {
  name: 'apple',
  markers: ['icloud.com', '@me.com', '@mac.com', 'me.com.akadns', 'mail.me.com', 'apple.com'],
  rules: [
    { text: 'dmarc', reason: 'authfailure', source: 'https://support.apple.com/en-us/HT204137' },
    { text: 'no longer on server', reason: 'hasmoved', source: DOC },
    { text: 'over quota', reason: 'mailboxfull', source: DOC },
    { text: ['hm08', 'local policy'], reason: 'policyviolation', source: DOC },
    { text: ['cs01', 'local policy'], reason: 'policyviolation', source: DOC },
    { text: 'not accepting connections', reason: 'blocked', source: DOC },
  ],
};
