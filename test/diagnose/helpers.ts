// Builds bounces for the chain's tests: a receiver's reply wrapped as an RFC 3464 DSN that returns
// the original message's headers, as sending servers write them.
export function wrapDsn(reply: string, recipient: string, originalHeaders: string): string {
  const status = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(reply)?.[1] ?? '5.0.0';
  const diagnostic = reply.replace(/\r?\n/g, ' ');
  return [
    'From: Mail Delivery System <MAILER-DAEMON@out.sender.example>',
    'To: sender@sender.example',
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Thu, 3 Dec 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'Your message could not be delivered.',
    '',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; out.sender.example',
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    'Action: failed',
    `Status: ${status}`,
    'Remote-MTA: dns; mx.receiver.example',
    `Diagnostic-Code: smtp; ${diagnostic}`,
    '',
    '--b1',
    'Content-Type: text/rfc822-headers',
    '',
    originalHeaders.trim(),
    '',
    '--b1--',
    '',
  ].join('\n');
}

/** The header block of a returned original message sent by example.com's own server. */
export const RETURNED_HEADERS = `Return-Path: <billing@example.com>
Received: from app.example.com (app.example.com [198.51.100.20])
\tby out.example.com (Postfix) with ESMTPSA id 4711
\tfor <customer@receiver.example>; Thu, 3 Dec 2026 09:59:58 +0000
From: Billing <billing@example.com>
To: customer@receiver.example
Subject: Your invoice
Date: Thu, 3 Dec 2026 09:59:57 +0000
Message-ID: <inv-1@example.com>`;
