import assert from 'node:assert/strict';
import { test } from 'node:test';
import { x3 } from '../../../src/extract/formats/x3.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

const notice = (head: string, details: string) =>
  mail({
    headers: [
      { name: 'from', value: 'Mail Delivery System <Mail.Delivery.System@gw.example.com>' },
      { name: 'subject', value: 'Delivery status notification' },
    ],
    text: [
      '='.repeat(76),
      '      This is an automatically generated Delivery Status Notification.',
      '',
      head,
      '',
      '   * amy@example.org',
      '',
      '='.repeat(76),
      '                             Technical details:',
      '',
      details,
      '',
      '='.repeat(76),
    ].join('\n'),
  });

test('x3: the SMTP technical detail gives stage, host and reply', () => {
  const msg = notice(
    'Delivery to the following recipients failed permanently:',
    'SMTP:RCPT host 192.0.2.77: 550 5.1.1 <amy@example.org>... User unknown',
  );
  assert.equal(x3.hint(msg), true);
  const r = x3.extract(msg)?.recipients[0];
  assert.equal(r?.recipient, 'amy@example.org');
  assert.equal(r?.smtpCommand, 'RCPT');
  assert.equal(r?.remoteMta, '192.0.2.77');
  assert.equal(r?.replyCode, '550');
  assert.equal(r?.status, '5.1.1');
});

test('x3: "aborted after" without a server reply states the expiry', () => {
  const msg = notice(
    'Delevery to the following recipients was aborted after 2.0 hour(s):',
    'Routing: Could not find a gateway for amy@example.org',
  );
  const r = x3.extract(msg)?.recipients[0];
  assert.equal(r?.reasonHint, 'expired');
});

test('x3: corpus samples', async () => {
  const c = await checkCorpus(x3, ['X3']);
  assert.ok(c.samples >= 4);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
