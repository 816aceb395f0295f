// The returned original message: an attached part, or a copy inline in a text notice after the
// line that announces it (Exim, qmail, DragonFly, IMail...).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readOriginal } from '../../src/extract/original.js';
import { mail } from './helpers.js';

const COPY = [
  'Return-path: <shironeko@example.jp>',
  'Received: from localhost by mx.example.org with smtp',
  '\tfor kijitora@example.ed.jp; Fri, 01 Oct 2010 19:15:19 +0900',
  'From: shironeko@example.jp',
  'To: kijitora@example.ed.jp',
  'Subject: Nyaan',
  'Message-Id: <E1P1ce6-000Egt-GZ@e1.example.org>',
  '',
  'data',
].join('\n');

test('an inline copy after each MTA wording of its announcement is the original', () => {
  for (const marker of [
    '------ This is a copy of the message, including all the headers. ------',
    '--- Below this line is a copy of the message.',
    'Message headers follow.',
    'Original message follows.',
    '    Below is a copy of the original message:',
  ]) {
    const text = `The following address failed:\n\n  kijitora@example.ed.jp\n    550 5.1.1 unknown\n\n${marker}\n\n${COPY}\n`;
    const part = readOriginal(mail({ text }));
    assert.deepEqual(
      part?.summary,
      {
        from: 'shironeko@example.jp',
        to: 'kijitora@example.ed.jp',
        subject: 'Nyaan',
        messageId: '<E1P1ce6-000Egt-GZ@e1.example.org>',
      },
      marker,
    );
    assert.match(part?.headers ?? '', /^Return-path: <shironeko@example\.jp>/);
  }
});

test('no announcement, or an announcement followed by no header block: no original', () => {
  assert.equal(readOriginal(mail({ text: `The following address failed:\n\n${COPY}\n` })), undefined);
  const prose = 'Original message follows.\n\nWe could not deliver your message. Please try again.\n';
  assert.equal(readOriginal(mail({ text: prose })), undefined);
});

test('an attached original (message/rfc822) is read before any inline text', () => {
  const part = readOriginal(
    mail({
      text: `Original message follows.\n\nFrom: inline@example.org\n`,
      originalMessage: 'From: attached@example.org\nSubject: A\n\nbody',
    }),
  );
  assert.equal(part?.summary.from, 'attached@example.org');
});
