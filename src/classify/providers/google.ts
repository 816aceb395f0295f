// Google (Gmail, Google Workspace). Codes: https://support.google.com/a/answer/3726730
import type { Provider } from './types.js';

const DOC = 'https://support.google.com/a/answer/3726730';

export const google: Provider = {
  name: 'google',
  markers: [
    'gsmtp',
    'support.google.com/mail',
    'aspmx.l.google.com',
    'gmail-smtp-in',
    'googlemail.com',
    '@gmail.com',
    'gmail.com',
  ],
  rules: [
    // 5.7.26: unauthenticated mail / DMARC reject ("Unauthenticated email from x is not accepted
    // due to domain's DMARC policy"; since 2024 also "the sender is unauthenticated").
    { status: ['5.7.26', '4.7.26'], reason: 'authfailure', code: '5.7.26', source: DOC },
    { text: 'p=dmarcrejection', reason: 'authfailure', code: '5.7.26', source: DOC },
    { status: ['5.7.25', '4.7.25'], reason: 'requireptr', code: '5.7.25', source: DOC },
    { text: 'p=receivingrate', reason: 'speeding', category: 'rate-limited', source: DOC },
    // 4.7.28 / 5.7.28: the sending IP sends an unusual rate of unsolicited mail; Google throttles it.
    {
      status: ['4.7.28', '5.7.28'],
      reason: 'speeding',
      category: 'rate-limited',
      code: '4.7.28',
      source: DOC,
    },
    { text: 'p=unsolicitedratelimiterror', reason: 'speeding', category: 'rate-limited', source: DOC },
    { text: 'p=unsolicitedmessage', reason: 'spamdetected', source: DOC },
    { text: 'p=nosuchuser', reason: 'userunknown', source: DOC },
    { text: 'p=overquota', reason: 'mailboxfull', source: DOC },
    { text: 'p=disabledaccount', reason: 'suspend', source: DOC },
    { text: 'p=utf8', reason: 'notcompliantrfc', source: DOC },
    { text: 'p=msgsize', reason: 'mesgtoobig', source: DOC },
    // 4.7.0 / 5.7.0 TLS: "TLS required" / "must use TLS" (RFC 3207 STARTTLS).
    { text: ['tls', 'required'], reason: 'failedstarttls', source: DOC },
    { text: 'must use tls', reason: 'failedstarttls', source: DOC },
    { text: 'p=blockedmessage', reason: 'blocked', source: DOC },
    { text: 'p=bulksendingguidelines', reason: 'spamdetected', source: DOC },
  ],
};
