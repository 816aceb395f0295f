import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mailfoundry } from '../../../src/extract/formats/mailfoundry.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

test('mailfoundry: the reason under "Delivery failed for the following reason:"', () => {
  const msg = mail({
    headers: [{ name: 'subject', value: 'Message delivery has failed' }],
    text: [
      'Unable to deliver message to: <hal@example.org>',
      'Delivery failed for the following reason:',
      'Server mx.example.org[192.0.2.60] failed with: 550 5.7.1 Relaying denied',
      '',
      'This has been a permanent failure.  No further delivery attempts will be made.',
    ].join('\n'),
  });
  assert.equal(mailfoundry.hint(msg), true);
  const r = mailfoundry.extract(msg)?.recipients[0];
  assert.equal(r?.recipient, 'hal@example.org');
  assert.equal(r?.replyCode, '550');
  assert.equal(r?.status, '5.7.1');
  assert.equal(r?.remoteMta, 'mx.example.org');
  assert.equal(r?.diagnosticCode, '550 5.7.1 Relaying denied');
});

test('mailfoundry: corpus samples', async () => {
  const c = await checkCorpus(mailfoundry, ['MailFoundry']);
  assert.ok(c.samples >= 2);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
