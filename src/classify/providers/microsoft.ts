// Microsoft (Exchange Online / Microsoft 365, Outlook.com, Hotmail). Codes:
// https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online
// and Outlook.com's https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
import type { Provider } from './types.js';

const NDR =
  'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online';
// the same page at its current address (where the 432 4.3.2 row was read)
const NDR_NOW =
  'https://learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online';
const OLC = 'https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx';

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
    { status: ['5.7.509'], reason: 'authfailure', code: '5.7.509', source: NDR }, // sending domain fails DMARC with p=reject
    // Outlook.com's rule for high-volume senders (from May 2025): SPF and DKIM must pass and the
    // domain publish DMARC (at least p=none) aligned with one of them
    { status: ['5.7.515'], reason: 'authfailure', code: '5.7.515', source: OLC },
    { status: ['5.7.708'], reason: 'blocked', code: '5.7.708', source: NDR }, // traffic not accepted from this IP
    { status: ['5.7.511'], reason: 'blocked', source: NDR }, // banned sender
    { status: BLOCKLIST_CODES, reason: 'blocked', code: '5.7.606', source: NDR },
    { text: 's3140', reason: 'blocked', code: 'S3140', source: OLC }, // the IP's network range is on the consumer block list
    { text: 's3150', reason: 'blocked', code: 'S3150', source: OLC },
    { text: 's3113', reason: 'badreputation', source: OLC }, // rate limited due to IP reputation
    { text: 's3114', reason: 'badreputation', source: OLC },
    { text: 's3115', reason: 'badreputation', source: OLC },
    { status: ['4.7.650', '4.7.651', '4.7.652'], reason: 'badreputation', source: NDR },
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
      status: ['5.7.124', '5.7.129', '5.7.133', '5.7.134'],
      reason: 'filtered',
      category: 'recipient-restricted',
      source: NDR,
    },
    { status: ['5.7.57'], reason: 'securityerror', source: NDR }, // client not authenticated to send
    { text: 'resolver.rst.authrequired', reason: 'securityerror', source: NDR },
    // Outlook.com answers RCPT for a missing address with RFC 5321's own 550 wording.
    { text: 'requested action not taken: mailbox unavailable', reason: 'userunknown', source: OLC },
  ],
};
