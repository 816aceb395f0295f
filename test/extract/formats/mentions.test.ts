// The cheap word tests formats run before their parse (src/extract/formats/text-notice.ts):
// a miss must never hide a notice that the format's own pattern would find.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { header, mentions, mentionsWithRaw } from '../../../src/extract/formats/text-notice.js';
import type { MailMessage } from '../../../src/types.js';

function message(text: string, raw = `Subject: x\n\n${text}`): MailMessage {
  return { headers: [{ name: 'subject', value: 'x' }], text, parts: [], raw };
}

test('mentions: words in any letter case, and only whole words', () => {
  const msg = message('Hi.\r\n----- Transcript of SESSION follows -----\r\n');
  assert.equal(mentions(msg, 'transcript of session follows'), true);
  assert.equal(mentions(msg, 'failure reasons', 'transcript of session'), true);
  assert.equal(mentions(msg, 'transcript of session followed'), false);
  assert.equal(mentions(msg, 'failure reasons'), false);
});

test('mentions: parts of a word are not the word', () => {
  assert.equal(mentions(message('xabcx ybcdy'), 'abcd'), false);
  assert.equal(mentions(message('xABCdx'), 'abcd'), true);
});

test('mentions: non-ASCII letters match in any case', () => {
  assert.equal(mentions(message('НЕ МОЖЕТ БЫТЬ ДОСТАВЛЕНО'), 'не может быть доставлено'), true);
  assert.equal(
    mentions(
      message('以下のメールアドレスへの送信に失敗しました。'),
      '以下のメールアドレスへの送信に失敗しました',
    ),
    true,
  );
});

test('mentions reads the raw body when the text is empty; mentionsWithRaw also when it is not', () => {
  const raw = 'Subject: x\r\n\r\n------- Failure Reasons --------\r\n';
  assert.equal(mentions(message('', raw), 'failure reasons'), true);
  const decoded = message('a readable text', raw);
  assert.equal(mentions(decoded, 'failure reasons'), false);
  assert.equal(mentionsWithRaw(decoded, 'failure reasons'), true);
  assert.equal(mentionsWithRaw(decoded, 'returned message'), false);
});

test('header: the first value, and a changed header list is read again', () => {
  const msg = message('');
  msg.headers.push({ name: 'subject', value: 'second' });
  assert.equal(header(msg, 'subject'), 'x');
  msg.headers = [{ name: 'subject', value: 'new' }];
  assert.equal(header(msg, 'subject'), 'new');
  msg.headers.push({ name: 'from', value: 'a@b.example' });
  assert.equal(header(msg, 'from'), 'a@b.example');
  assert.equal(header(msg, 'to'), '');
});

test('mentions: messages asked about in turn each get their own answer', () => {
  const a = message('alpha notice text');
  const b = message('bravo notice text');
  for (let i = 0; i < 3; i++) {
    assert.equal(mentions(a, 'alpha notice'), true);
    assert.equal(mentions(b, 'alpha notice'), false);
    assert.equal(mentions(b, 'bravo notice'), true);
    assert.equal(mentions(a, 'bravo notice'), false);
  }
});
