import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mfilter } from '../../../src/extract/formats/mfilter.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

test('mfilter: address list, server message and SMTP command sections', () => {
  const msg = mail({
    headers: [{ name: 'x-mailer', value: 'm-FILTER' }],
    text: [
      'このメールは「m-FILTER」が自動的に生成して送信しています。',
      '',
      '以下のメールアドレスへの送信に失敗しました。',
      'ian@example.org',
      '',
      '-------server message',
      '552 5.2.2 <ian@example.org>: Mailbox full',
      '',
      '-------SMTP command',
      'RCPT TO',
      '',
      '-------original message',
      'Subject: x',
    ].join('\n'),
  });
  assert.equal(mfilter.hint(msg), true);
  const r = mfilter.extract(msg)?.recipients[0];
  assert.equal(r?.recipient, 'ian@example.org');
  assert.equal(r?.replyCode, '552');
  assert.equal(r?.status, '5.2.2');
  assert.equal(r?.smtpCommand, 'RCPT');
});

test('mfilter: corpus samples', async () => {
  const c = await checkCorpus(mfilter, ['mFILTER']);
  assert.ok(c.samples >= 3);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
