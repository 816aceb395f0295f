import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mmsGateway } from '../../../src/extract/formats/mms-gateway.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

test('mms-gateway: the James-style error block and RCPT TO of the message details', () => {
  const msg = mail({
    text: [
      'Error: Invalid user address',
      '',
      'Error message below:',
      '550 - Requested action not taken: no such user here',
      '',
      'Message details:',
      '  Subject: hi',
      '  MAIL FROM: me@example.jp',
      '  RCPT TO: 5550100@sms.example.net',
      '',
    ].join('\n'),
  });
  const r = mmsGateway.extract(msg)?.recipients[0];
  assert.equal(r?.recipient, '5550100@sms.example.net');
  assert.equal(r?.replyCode, '550');
  assert.equal(r?.diagnosticCode, '550 - Requested action not taken: no such user here');
});

test('mms-gateway: the MMSC notice names the number in the quoted original', () => {
  const msg = mail({
    text: 'Message could not be delivered to mobile.\nError: No valid recipients for this MM\n\n\nOriginal Message:\nFrom: me <me@example.jp>\nTo: 5550101@mms.example.net\nSubject: hi\n',
  });
  const r = mmsGateway.extract(msg)?.recipients[0];
  assert.equal(r?.recipient, '5550101@mms.example.net');
  assert.equal(r?.reasonHint, 'userunknown');
});

test('mms-gateway: corpus samples', async () => {
  const c = await checkCorpus(mmsGateway, ['ApacheJames', 'Verizon']);
  assert.ok(c.samples >= 3);
  assert.deepEqual(c.missed, []);
  // The corpus records this recipient with one digit fewer than the notice's "RCPT TO:" line
  // (000000000000@...): the notice's address is kept.
  assert.deepEqual(c.mismatches, [
    'lhost-apachejames-01.eml #1 recipient: 00000000000@vtext.example.com -> 000000000000@vtext.example.com',
  ]);
});
