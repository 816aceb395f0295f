// Apple iCloud Mail (icloud.com, me.com, mac.com). Postmaster: https://support.apple.com/en-us/102322
// That page (as read in its 2025-02-26 copy, azumakuniyuki/feb-2024-no-auth-no-entry) lists no
// SMTP codes or texts: it only says that the errors name their cause and mostly carry a URL. The
// rules below are known from iCloud's replies.
import type { Provider } from './types.js';

const OBS = 'observed in iCloud Mail replies';

export const apple: Provider = {
  name: 'apple',
  markers: ['icloud.com', '@me.com', '@mac.com', 'me.com.akadns', 'mail.me.com', 'apple.com'],
  rules: [
    // "554 5.7.1 Your message was rejected due to example.jp's DMARC policy. See https://support.apple.com/en-us/HT204137"
    { text: 'dmarc', reason: 'authfailure', source: OBS },
    { text: 'no longer on server', reason: 'hasmoved', source: OBS },
    { text: 'over quota', reason: 'mailboxfull', source: OBS },
    // [CS01]/[HM08] "Message rejected due to local policy": iCloud's own filtering of the sender
    // (reputation, authentication or content), with the postmaster page as the way to ask
    { text: ['hm08', 'local policy'], reason: 'policyviolation', code: 'icloud:local-policy', source: OBS },
    { text: ['cs01', 'local policy'], reason: 'policyviolation', code: 'icloud:local-policy', source: OBS },
    { text: 'not accepting connections', reason: 'blocked', source: OBS },
  ],
};
