// Microsoft (Exchange Online / Microsoft 365, Outlook.com, Hotmail). Codes:
// https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online
// and Outlook.com's https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
import type { Provider } from './types.js';

const NDR =
  'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online';
// the same page at its current address (where the 432 4.3.2 row was read)
const NDR_NOW =
  'https://learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online';
// "Fix email delivery issues for error code 5.7.1 in Exchange Online" (restricted recipients, groups)
const FIX_571 =
  'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-1-in-exchange-online';
const OLC = 'https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx';
// S3140/S3150 and S3113-S3115 are not on the troubleshooting page (as read in its 2025-12-03 copy,
// azumakuniyuki/feb-2024-no-auth-no-entry microsoft-troubleshooting/): known from replies only.
const OLC_OBS =
  'observed in Outlook.com replies ("... (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors")';
// The Exchange Online table's rows below the 432 4.3.2 one were read from the page's source,
// MicrosoftDocs/SupportArticles-docs Exchange/ExchangeOnline/email-delivery/ndr/
// non-delivery-reports-in-exchange-online.md (commit 0118461, ms.date 01/29/2023).

/** 4.7.321-325 and 5.7.321-325: the recipient's server failed Exchange Online's TLS or DANE checks. */
const DANE_CODES: string[] = ['4', '5'].flatMap((k) => [321, 322, 323, 324, 325].map((n) => `${k}.7.${n}`));

/**
 * 451 4.7.500-4.7.699 ASxxx: Exchange Online restricts an IP address for a while (suspicious
 * activity, a new or suddenly busier sender). The table words it "Access denied, please try again
 * later" (the rows below read as blocked); replies also say "Server busy. Please try again later",
 * the same temporary restriction.
 */
const THROTTLE_DOC =
  'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-451-4-7-500-699-asxxx-in-exchange-online';

/** 5.7.606-5.7.649: the sending IP is on one of Microsoft's block lists. */
const BLOCKLIST_CODES: string[] = Array.from({ length: 44 }, (_, i) => `5.7.${606 + i}`);

export const microsoft: Provider = {
  name: 'microsoft',
  markers: [
    'outlook.com',
    'protection.outlook.com',
    'hotmail.',
    'live.com',
    'msn.com',
    'office365',
    'microsoft',
    'exchangelabs',
    'resolver.adr',
    'resolver.rst',
  ],
  rules: [
    // 432 4.3.2 "STOREDRV.Deliver; recipient thread limit exceeded": the recipient's mailbox is
    // throttled because it receives too many messages too quickly (RFC 3463's X.3.2 would say
    // the system accepts no mail at all).
    {
      text: 'recipient thread limit exceeded',
      reason: 'speeding',
      category: 'rate-limited',
      code: 'recipient-rate',
      source: NDR_NOW,
    },
    // 5.2.2 "Submission quota exceeded", 5.1.90 "... reached your daily limit for message
    // recipients": the sending account's own limits (RFC 3463's X.2.2 would be a full mailbox)
    { text: 'submission quota', reason: 'toomanyconn', code: 'submission-quota', source: NDR_NOW },
    { status: ['5.1.90'], reason: 'toomanyconn', code: 'submission-quota', source: NDR_NOW },
    // a new or suddenly busier sending IP is restricted for a while: the sending server retries
    { text: 'server busy. please try again later', reason: 'blocked', source: THROTTLE_DOC },
    // 5.2.121 per hour limit of one sender to one recipient; 5.2.122 the recipient's limit from all senders
    { status: ['5.2.121'], reason: 'speeding', source: NDR_NOW },
    { status: ['5.2.122'], reason: 'speeding', code: 'recipient-rate', source: NDR_NOW },
    // 5.1.8 "bad outbound sender", 5.7.501-503 "spam abuse detected" / "banned sender": the sending
    // account (not the IP, unlike 5.7.511) is banned for spam, typically because it is compromised
    {
      status: ['5.1.8', '5.7.501', '5.7.502', '5.7.503'],
      reason: 'blocked',
      code: 'account-banned',
      source: NDR_NOW,
    },
    { status: ['5.7.505'], reason: 'userunknown', source: NDR_NOW }, // "banned recipient": the recipient isn't valid
    { status: ['5.7.508'], reason: 'speeding', source: NDR_NOW }, // the sender's IPv6 range sent too much too fast
    { status: ['5.7.510'], reason: 'policyviolation', code: '5.7.510', source: NDR_NOW }, // no mail over IPv6
    { status: ['5.6.11'], reason: 'notcompliantrfc', code: '5.6.11', source: NDR_NOW }, // bare line feeds
    // "policy violation detected (AS345)": nested attachments
    { text: '(as345)', reason: 'policyviolation', category: 'message-rejected', source: NDR_NOW },
    // TLS/DANE failures of the destination server, reported by Exchange Online when it sends
    // the recipient domain's DANE/TLSA records or certificate are at fault: its admin must act
    {
      status: DANE_CODES,
      reason: 'failedstarttls',
      code: 'exo:dane',
      category: 'recipient-domain',
      party: 'recipient',
      source: NDR_NOW,
    },
    // "Delivery not authorized": the recipient (often a group) accepts only some senders
    { text: 'delivery not authorized', reason: 'filtered', source: NDR_NOW },
    // "530 5.7.1 Client was not authenticated": the server takes no anonymous mail
    { text: 'client was not authenticated', reason: 'securityerror', source: NDR_NOW },
    { status: ['5.7.509'], reason: 'authfailure', code: '5.7.509', source: NDR }, // sending domain fails DMARC with p=reject
    // Outlook.com's rule for high-volume senders (from May 2025): SPF and DKIM must pass and the
    // domain publish DMARC (at least p=none) aligned with one of them
    { status: ['5.7.515'], reason: 'authfailure', code: '5.7.515', source: OLC },
    { status: ['5.7.708'], reason: 'blocked', code: '5.7.708', source: NDR }, // traffic not accepted from this IP
    { status: ['5.7.511'], reason: 'blocked', source: NDR }, // banned sender
    { status: BLOCKLIST_CODES, reason: 'blocked', code: '5.7.606', source: NDR },
    { text: 's3140', reason: 'blocked', code: 'S3140', source: OLC_OBS }, // the IP's network range is on the consumer block list
    { text: 's3150', reason: 'blocked', code: 'S3150', source: OLC_OBS },
    { text: 's3113', reason: 'badreputation', source: OLC_OBS }, // rate limited due to IP reputation
    { text: 's3114', reason: 'badreputation', source: OLC_OBS },
    { text: 's3115', reason: 'badreputation', source: OLC_OBS },
    { status: ['4.7.650', '4.7.651', '4.7.652'], reason: 'badreputation', source: NDR },
    // Outlook.com's own codes (its troubleshooting page, "SMTP Error Codes"): RP-00x a rate or
    // connection limit because of the IP's or domain's reputation; SC-002 namespace mining, SC-003
    // open proxy or relay, SC-004 complaints, DY-001 dynamic IP, DY-002 a compromised server,
    // OU-001 a Spamhaus listing: blocks of the sending IP. (SC-001 and OU-002, spam-like content or
    // reputation, are read from their words.)
    { text: 'rp-001', reason: 'badreputation', category: 'rate-limited', source: OLC },
    { text: 'rp-002', reason: 'badreputation', category: 'rate-limited', source: OLC },
    { text: 'rp-003', reason: 'badreputation', category: 'rate-limited', source: OLC },
    { text: 'sc-002', reason: 'blocked', source: OLC },
    { text: 'sc-003', reason: 'blocked', source: OLC },
    { text: 'sc-004', reason: 'blocked', source: OLC },
    { text: 'dy-001', reason: 'blocked', source: OLC },
    { text: 'dy-002', reason: 'blocked', source: OLC },
    { text: 'ou-001', reason: 'blocked', source: OLC },
    // "550 command rejected due to Sender ID validation failure": the domain's SPF record allows no IP
    { text: 'sender id validation failure', reason: 'authfailure', source: OLC },
    // Directory-based edge blocking: "550 5.4.1 Recipient address rejected: Access denied.
    // AS(201806281)" - the recipient does not exist in the tenant.
    { text: 'as(201806281)', reason: 'userunknown', code: 'AS(201806281)', source: NDR },
    {
      status: ['5.4.1'],
      text: 'recipient address rejected: access denied',
      reason: 'userunknown',
      source: NDR,
    },
    { status: ['5.1.10'], reason: 'userunknown', source: NDR }, // RESOLVER.ADR.RecipientNotFound
    { status: ['5.4.312'], reason: 'networkerror', source: NDR }, // DNS query failed
    { status: ['5.4.316'], reason: 'expired', source: NDR }, // connection refused until expiry
    {
      // 5.7.12, 5.7.13/5.7.135, 5.7.136: the recipient (mailbox, public folder, mail user) takes
      // mail from its own organization only
      status: ['5.7.12', '5.7.13', '5.7.124', '5.7.129', '5.7.133', '5.7.134', '5.7.135', '5.7.136'],
      reason: 'filtered',
      category: 'recipient-restricted',
      source: NDR,
    },
    { status: ['5.7.57'], reason: 'securityerror', source: NDR }, // client not authenticated to send
    // "550 5.7.1 RESOLVER.RST.AuthRequired; authentication required": the recipient (a group, a
    // mail user or a mailbox) is set to take mail only from authenticated senders, that is from its
    // own organization ("Require that all senders are authenticated"); not a login the sender
    // skipped. Its administrator must allow external senders. The reason stays Sisimai's
    // (securityerror, lhost-exchange2007-04); who acts and the advice say what it means.
    {
      text: 'resolver.rst.authrequired',
      reason: 'securityerror',
      category: 'recipient-restricted',
      party: 'recipient',
      code: 'exo:auth-required',
      source: FIX_571,
    },
    // Outlook.com answers RCPT for a missing address with RFC 5321's own 550 wording.
    { text: 'requested action not taken: mailbox unavailable', reason: 'userunknown', source: OLC },
  ],
};
