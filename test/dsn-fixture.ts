// A bounce built for tests: a multipart/report whose only part is the message/delivery-status one
// (RFC 3464), with the given per-recipient fields after Reporting-MTA.
export function deliveryStatusOnly(
  recipientFields: readonly string[],
  subject = 'Undelivered Mail Returned to Sender',
): string {
  return [
    'From: MAILER-DAEMON@mx.example.net',
    `Subject: ${subject}`,
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    '',
    ...recipientFields,
    '',
    '--b--',
    '',
  ].join('\n');
}
