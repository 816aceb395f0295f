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
    // 450 4.2.1 / 550 5.2.1 "The user you are trying to contact is receiving email too quickly" /
    // "... at a rate that prevents additional messages from being delivered": the recipient's
    // mailbox gets too much mail from everyone; neither a disabled account nor the sender's fault.
    {
      text: 'you are trying to contact is receiving',
      reason: 'speeding',
      category: 'rate-limited',
      code: 'recipient-rate',
      source: DOC,
    },
    // "Peak SMTP relay limit exceeded for this customer" (450 4.2.1), "Daily SMTP relay limit
    // exceeded for user" (550 5.4.5), "Daily SMTP relay sending limit exceeded" (550 5.7.1):
    // the Workspace customer's own relay quota.
    { text: ['smtp relay', 'limit exceeded'], reason: 'toomanyconn', category: 'rate-limited', source: DOC },
    // Google's own meanings of codes that the IANA registry of enhanced status codes (RFC 5248)
    // gives other meanings (there X.7.23 is SPF, X.7.27 a null-MX sender, X.7.29 ARC, X.7.30
    // REQUIRETLS); scoped to Google's replies by this provider's markers:
    // 4.7.23 the sending IP has no PTR record (or it does not point back)
    { status: ['4.7.23'], reason: 'requireptr', source: DOC },
    // 4.7.27 / 5.7.27 SPF did not pass
    { status: ['4.7.27', '5.7.27'], reason: 'authfailure', source: DOC },
    // 4.7.29 / 5.7.29 not sent over TLS
    { status: ['4.7.29', '5.7.29'], reason: 'failedstarttls', source: DOC },
    // 4.7.30 / 5.7.30 DKIM did not pass; 4.7.32 / 5.7.32 From not aligned with SPF or DKIM;
    // 4.7.40 / 5.7.40 no DMARC record or no DMARC policy
    { status: ['4.7.30', '5.7.30', '4.7.32', '5.7.32'], reason: 'authfailure', source: DOC },
    { status: ['4.7.40', '5.7.40'], text: 'dmarc', reason: 'authfailure', source: DOC },
    // 5.7.26: unauthenticated mail / DMARC reject ("Unauthenticated email from x is not accepted
    // due to domain's DMARC policy"; since 2024 also "the sender is unauthenticated").
    // "the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or
    // DKIM": neither passed at all (no DMARC policy is involved), its own advice
    {
      status: ['5.7.26', '4.7.26'],
      text: 'sender is unauthenticated',
      reason: 'authfailure',
      code: 'gmail:unauthenticated',
      source: DOC,
    },
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
    // 552 5.7.0 "This message was blocked because its content presents a potential security issue.
    // Please visit https://support.google.com/mail/?p=BlockedMessage ...": the message's content
    // (an attachment type Gmail blocks, or malware), not the sender; before p=BlockedMessage, the
    // help link that Gmail gives with several refusals
    {
      text: 'potential security issue',
      reason: 'virusdetected',
      code: 'gmail:blocked-content',
      source: DOC,
    },
    { text: 'p=blockedmessage', reason: 'blocked', source: DOC },
    // 421 4.7.0 "Temporary System Problem. Try again later." (also 421 4.3.0)
    { text: 'temporary system problem', reason: 'systemerror', source: DOC },
    // 421 4.7.0 "Connection expired, try reconnecting."
    { text: 'connection expired', reason: 'networkerror', source: DOC },
    // 421 4.7.0 "This message is suspicious due to the nature of the content or the links within."
    { text: 'nature of the content', reason: 'spamdetected', source: DOC },
    // 550 5.7.1 "This message is likely unsolicited email. ... this message has been blocked."
    { text: 'likely unsolicited', reason: 'spamdetected', source: DOC },
    // 550 5.7.1 header rules (RFC 5322): Message-ID or From missing or invalid, several From
    // addresses, a unicode character or encoded-word syntax in a header where it is not allowed
    { text: 'missing a valid', reason: 'notcompliantrfc', source: DOC },
    { text: 'multiple addresses in the from', reason: 'notcompliantrfc', source: DOC },
    { text: 'unicode character in a disallowed header', reason: 'notcompliantrfc', source: DOC },
    { text: 'encoded-word syntax is not permitted', reason: 'notcompliantrfc', source: DOC },
    // 550 5.7.1 "The user or domain that you are sending to (or from) has a policy that prohibits
    // the email that you sent", and any refusal by a rule the recipient's administrator made
    // ("- gcdp <sessionid>", Google Custom Domain Policies)
    { text: 'has a policy that prohibits', reason: 'policyviolation', code: 'gmail:gcdp', source: DOC },
    { text: '- gcdp', reason: 'policyviolation', code: 'gmail:gcdp', source: DOC },
    { text: 'p=bulksendingguidelines', reason: 'spamdetected', source: DOC },
  ],
};
