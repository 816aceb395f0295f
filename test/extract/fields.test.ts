import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fieldAddress,
  findAddress,
  findSmtpCommand,
  findStatus,
  isSmtpReplyCode,
  leadingReplyCode,
  sameClass,
  specificStatus,
  stripType,
} from '../../src/extract/fields.js';
import { findNoticeLine, findNoticeReply } from '../../src/extract/notice-text.js';

test('fieldAddress: type prefix, brackets, source routes, no address', () => {
  assert.equal(fieldAddress('rfc822; <a.b@example.com>'), 'a.b@example.com');
  assert.equal(fieldAddress('RFC822;x@example.org'), 'x@example.org');
  assert.equal(fieldAddress('rfc822;@relay.example.net:user@server'), 'user@server');
  assert.equal(fieldAddress('RFC822; @mx.example.org'), '');
});

test('an address holding control characters is kept whole, never cut to another valid-looking one', () => {
  // RFC 5321 4.1.2 / RFC 5322 3.4.1: no control characters in an address
  assert.equal(fieldAddress('rfc822; jane\x1b[31m.doe@example.com'), 'jane\x1b[31m.doe@example.com');
  assert.equal(fieldAddress('rfc822; <jane\x1b[1;31m.doe@example.com>'), 'jane\x1b[1;31m.doe@example.com');
  assert.equal(fieldAddress('rfc822; jane.doe@exam\x1b[0mple.com'), 'jane.doe@exam\x1b[0mple.com');
  assert.equal(fieldAddress('rfc822; jane\x9b31m.doe@example.com'), 'jane\x9b31m.doe@example.com');
  assert.equal(findAddress('to <jane\x07[x.doe@example.com>, bob@example.org'), 'jane\x07[x.doe@example.com');
  // without control characters nothing changes
  assert.equal(findAddress('rcpt [x] jane@example.com: unknown'), 'jane@example.com');
  assert.equal(findAddress('<jane.doe@example.com>.'), 'jane.doe@example.com');
  assert.equal(findAddress('To: [jane@example.com]'), 'jane@example.com');
});

test('stripType and findStatus', () => {
  assert.equal(stripType('smtp; 550 5.1.1 no'), '550 5.1.1 no');
  assert.equal(stripType('X-Postfix; host not found'), 'host not found');
  assert.equal(findStatus('5.1.1 (user unknown)'), '5.1.1');
  assert.equal(findStatus('version 10.5.1.12'), '');
});

test('leadingReplyCode: single line, multi-line joined, greeting continuation', () => {
  assert.equal(leadingReplyCode('550 5.1.1 User unknown'), '550');
  assert.equal(leadingReplyCode('554-mx (a) not available 554-No SMTP service 554 see http://x'), '554');
  assert.equal(leadingReplyCode('220-laposte 421 4.2.1 Service refuse'), '421');
  assert.equal(leadingReplyCode('User unknown 550'), '');
});

test('findSmtpCommand reads folded Postfix and Exim wording', () => {
  assert.equal(findSmtpCommand('(in reply to end of\n    DATA command)'), 'DATA');
  assert.equal(findSmtpCommand('(in reply to RCPT TO command)'), 'RCPT');
  assert.equal(findSmtpCommand('SMTP error from remote mail server after MAIL FROM:<a@b>'), 'MAIL');
  assert.equal(findSmtpCommand('host mx[192.0.2.1] refused to talk to me: 554 go away'), 'CONN');
  assert.equal(findSmtpCommand('no stage named here'), '');
});

test('findNoticeReply: the line naming the recipient, with Postfix continuation lines', () => {
  const text = [
    '<a@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1',
    '    <a@example.com>: Recipient address rejected: User unknown (in reply to',
    '    RCPT TO command)',
    'b@example.com: 552 5.2.2 <b@example.com>: Mailbox full',
  ].join('\n');
  assert.deepEqual(findNoticeReply(text, 'a@example.com', false), {
    replyCode: '550',
    text: '550 5.1.1 <a@example.com>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
  });
  assert.equal(findNoticeReply(text, 'b@example.com', false)?.replyCode, '552');
  assert.equal(findNoticeReply(text, 'c@example.com', false), undefined);
});

test('findNoticeReply: a transcript reply for a single recipient; a bare code after the address', () => {
  const transcript =
    '   ----- Transcript of session follows -----\nsome log\n554 5.3.0 unknown mailer error 255\n';
  assert.equal(findNoticeReply(transcript, 'x@example.jp', true)?.text, '554 5.3.0 unknown mailer error 255');
  assert.equal(findNoticeReply(transcript, 'x@example.jp', false), undefined);
  assert.equal(findNoticeReply('<x@example.jp>... Deferred: 421\n', 'x@example.jp', false)?.replyCode, '421');
});

test('isSmtpReplyCode knows RFC 5321/4954/7504 codes and refuses invented ones', () => {
  for (const c of ['250', '421', '450', '521', '550', '554', '556'])
    assert.equal(isSmtpReplyCode(c), true, c);
  for (const c of ['522', '542', '599', '5.1', '']) assert.equal(isSmtpReplyCode(c), false, c);
});

test('sameClass compares the class digits; specificStatus refines only a generic X.0.0', () => {
  assert.equal(sameClass('550', '5.1.1'), true);
  assert.equal(sameClass('550', '4.0.0'), false);
  assert.equal(sameClass('', '4.0.0'), true);
  assert.equal(specificStatus('5.0.0', '550 5.1.1 <a@example.org>: Recipient address rejected'), '5.1.1');
  assert.equal(specificStatus('4.0.0', '550 5.7.1 blocked'), '');
  assert.equal(specificStatus('5.1.0', '550 5.1.1 unknown'), '');
  assert.equal(specificStatus('5.0.0', '550 5.0.0 rejected'), '');
  assert.equal(specificStatus('5.0.0', 'no code here'), '');
});

test('findNoticeLine: the sentence naming the recipient, not a bare address or a header line', () => {
  const text = [
    '   ----- The following addresses had permanent fatal errors -----',
    '<k@example.co.jp>',
    'To: <k@example.co.jp>',
    '   ----- Transcript of session follows -----',
    '<k@example.co.jp>... Deferred: Connection refused by',
    '    mx.example.co.jp.',
  ].join('\n');
  assert.equal(
    findNoticeLine(text, 'k@example.co.jp'),
    '<k@example.co.jp>... Deferred: Connection refused by mx.example.co.jp.',
  );
  assert.equal(findNoticeLine('<k@example.co.jp>\n', 'k@example.co.jp'), '');
  assert.equal(findNoticeLine('anything', ''), '');
});

test('internationalized addresses (RFC 6531, RFC 6533 utf-8 address type) and CJK punctuation around one', () => {
  assert.equal(fieldAddress('rfc822; иван@пример.рф'), 'иван@пример.рф');
  assert.equal(fieldAddress('utf-8; ivan@пример.рф'), 'ivan@пример.рф');
  assert.equal(findAddress('Recipient: שלום@דוגמה.ישראל'), 'שלום@דוגמה.ישראל');
  // a full-width colon ends the label before the address; CJK after it is no part of the domain
  assert.equal(findAddress('收件人：li@163.com'), 'li@163.com');
  assert.equal(findAddress('li@163.com用户不存在'), 'li@163.com');
  assert.equal(findAddress('<jane@example.com>'), 'jane@example.com');
});

test('a recipient field that is one address is taken whole, in any script (RFC 6533)', () => {
  assert.equal(fieldAddress('utf-8; 用户@例子.广告'), '用户@例子.广告');
  assert.equal(fieldAddress('rfc822; info@मेल.भारत'), 'info@मेल.भारत');
  assert.equal(fieldAddress('utf-8; <user@ตัวอย่าง.ไทย>'), 'user@ตัวอย่าง.ไทย');
  assert.equal(fieldAddress('utf-8; \\x{30E6}\\x{30FC}\\x{30B6}\\x{30FC}@example.jp'), 'ユーザー@example.jp');
  // more than an address: the free-text search, as before
  assert.equal(fieldAddress('rfc822; Jane <jane@example.com>'), 'jane@example.com');
  assert.equal(fieldAddress('rfc822; @host.example'), '');
});
