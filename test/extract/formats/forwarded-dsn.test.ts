import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forwardedDsn } from '../../../src/extract/formats/forwarded-dsn.js';
import { mail } from '../helpers.js';

test('forwarded-dsn: a bounce forwarded with "> " quoting', () => {
  const msg = mail({
    headers: [{ name: 'subject', value: 'Fwd: Returned mail: see transcript for details' }],
    text: [
      'Can you look at this?',
      '',
      'Begin forwarded message:',
      '',
      '> Reporting-MTA: dns; mx.example.jp',
      '>',
      '> Final-Recipient: RFC822; ned@example.org',
      '> Action: failed',
      '> Status: 5.2.2',
      '> Diagnostic-Code: SMTP; 552 5.2.2 Mailbox full',
    ].join('\n'),
  });
  assert.equal(forwardedDsn.hint(msg), true);
  const r = forwardedDsn.extract(msg)?.recipients[0];
  assert.equal(r?.recipient, 'ned@example.org');
  assert.equal(r?.status, '5.2.2');
  assert.equal(
    forwardedDsn.extract({ ...msg, headers: [{ name: 'subject', value: 'Returned mail' }] }),
    null,
  );
});
