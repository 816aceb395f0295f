import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mailru } from '../../../src/extract/formats/mailru.js';
import { checkCorpusModule, message } from './provider-corpus.js';

const NOTICE = `From: mailer-daemon@corp.mail.ru
To: sender@mail.ru
Subject: =?UTF-8?B?0JLQsNGI0LUg0YHQvtC+0LHRidC10L3QuNC1INC90LUg0LTQvtGB0YLQsNCy0LvQtdC90L4uIE1haWwgZmFpbHVyZS4=?=
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

Это письмо создано автоматически сервером Mail.Ru, отвечать на него не нужно.

К сожалению, Ваше письмо не может быть доставлено одному или нескольким получателям:

  first
    SMTP error from remote mail server after RCPT TO:<first@example.org>:
    host mx.example.org [198.51.100.9]: 550 5.1.1 <first@example.org>:
    Recipient address rejected: User unknown

**********************

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  first@example.org
    SMTP error from remote mail server after RCPT TO:<first@example.org>:
    host mx.example.org [198.51.100.9]: 550 5.1.1 <first@example.org>:
    Recipient address rejected: User unknown
  second@example.org
    retry timeout exceeded

------ This is a copy of the message, including all the headers. ------

From: sender@mail.ru
To: first@example.org
Subject: report

text
`;

test('mailru: the English list, with the remote host, stage and folded reply', async () => {
  const ex = mailru.extract(await message(NOTICE));
  assert.ok(ex);
  assert.equal(ex.recipients.length, 2);
  const [a, b] = ex.recipients;
  assert.equal(a.recipient, 'first@example.org');
  assert.equal(a.remoteMta, 'mx.example.org');
  assert.equal(a.smtpCommand, 'RCPT');
  assert.equal(a.replyCode, '550');
  assert.equal(a.status, '5.1.1');
  assert.equal(a.diagnosticCode, '550 5.1.1 <first@example.org>: Recipient address rejected: User unknown');
  assert.equal(b.recipient, 'second@example.org');
  assert.equal(b.diagnosticCode, 'retry timeout exceeded');
  assert.equal(ex.original?.subject, 'report');
});

test('mailru: the corpus samples', async () => {
  assert.equal(await checkCorpusModule('MailRu', ['mailru']), 7);
});

const DELAYED = `From: mailer-daemon@corp.mail.ru
Subject: Warning: message delayed

This message was created automatically by mail delivery software.
A message that you sent has not yet been delivered to one or more of its
recipients after more than 24 hours on the queue on smtp1.mail.ru.

The address to which the message has not yet been delivered is:

  late@example.org
    Delay reason: SMTP error from remote mail server after RCPT TO:<late@example.org>:
    host mx.example.org [198.51.100.9]: 451 4.7.1 Greylisted, try again later

No action is required on your part.
`;

test('mailru: an Exim delay warning is kind delay', async () => {
  const ex = mailru.extract(await message(DELAYED));
  assert.ok(ex);
  assert.equal(ex.kind, 'delay');
  assert.equal(ex.recipients[0].recipient, 'late@example.org');
  assert.equal(ex.recipients[0].action, 'delayed');
  assert.equal(ex.recipients[0].replyCode, '451');
  assert.equal(ex.recipients[0].status, '4.7.1');
  assert.equal(ex.recipients[0].smtpCommand, 'RCPT');
  assert.equal(ex.recipients[0].diagnosticCode, '451 4.7.1 Greylisted, try again later');
});
