import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dragonfly } from '../../../src/extract/formats/dragonfly.js';
import { exim } from '../../../src/extract/formats/exim.js';
import { qmail } from '../../../src/extract/formats/qmail.js';
import { sendmailText } from '../../../src/extract/formats/sendmail-text.js';
import { hostInText, replyInText, unfold } from '../../../src/extract/formats/text-notice.js';
import { mail } from '../helpers.js';
import { registry } from './notice-formats.js';

test('replyInText: the reply code and status inside notice text, not IP addresses or 5x7x numbers', () => {
  assert.deepEqual(replyInText('host mx.example.org [192.0.2.20]: 550 5.7.0 Please use your ISP'), {
    replyCode: '550',
    status: '5.7.0',
    text: '550 5.7.0 Please use your ISP',
  });
  assert.equal(replyInText('host relay [192.0.2.222] 571 No PTR Record found').replyCode, '');
  assert.equal(replyInText('550-5.7.26 first 550 5.7.26 last').replyCode, '550');
  assert.equal(replyInText('550 - Requested action not taken').replyCode, '550');
  assert.deepEqual(replyInText('Sorry, no mailbox here by that name. (#5.1.1)'), {
    replyCode: '',
    status: '5.1.1',
    text: 'Sorry, no mailbox here by that name. (#5.1.1)',
  });
});

test('hostInText and unfold', () => {
  assert.equal(hostInText('host mx1.example.net [192.0.2.1]: 550'), 'mx1.example.net');
  assert.equal(hostInText('no host here'), '');
  assert.equal(unfold(['  a', '', '\tb  c ']), 'a b c');
});

test('10,000 recipients and megabyte lines parse in bounded time', () => {
  const n = 10_000;
  const eximText = [
    'A message that you sent could not be delivered to one or more of its',
    'recipients. This is a permanent error. The following address(es) failed:',
    '',
  ];
  const qmailText = ['Hi. This is the qmail-send program at q.example.net.', ''];
  const v5 = [
    '   ----- Transcript of session follows -----',
    'While talking to mx.example.org:',
    '>>> RCPT To:<x@example.org>',
    '<<< 550 No',
  ];
  for (let i = 0; i < n; i++) {
    eximText.push(`  u${i}@example.org`, '    host mx.example.org [192.0.2.1]: 550 5.1.1 unknown');
    qmailText.push(
      `<u${i}@example.org>:`,
      '192.0.2.1 does not like recipient.',
      'Remote host said: 550 5.1.1 no',
      '',
    );
    v5.push(`550 <u${i}@example.org>... User unknown`);
  }
  assert.equal(exim.extract(mail({ text: eximText.join('\n') }))?.recipients.length, n);
  assert.equal(qmail.extract(mail({ text: qmailText.join('\n') }))?.recipients.length, n);
  assert.equal(sendmailText.extract(mail({ text: v5.join('\n') }))?.recipients.length, n);
  // A hostile line of 10 MB without structure: every format says no, without backtracking.
  const junk = `${'a'.repeat(5_000_000)}@${'b.'.repeat(2_500_000)}`;
  for (const f of registry) assert.equal(f.extract(mail({ text: junk, raw: junk })), null, f.name);
  const dfJunk = `There was an error delivering your mail to <a@b.example>.\n\n${'x '.repeat(1_000_000)}`;
  assert.ok(dragonfly.extract(mail({ text: `This is the DragonFly Mail Agent\n${dfJunk}` })));
  // Near-miss lines inside a recognised notice (many "@", long tokens) do not make the patterns backtrack.
  const nearMiss = `<${'a'.repeat(400)}${'@'.repeat(400)}>x`;
  const hostile = [
    'Hi. This is the qmail-send program at q.example.net.',
    ...Array(10_000).fill(nearMiss),
  ].join('\n');
  // A quadratic pattern would not finish here; a linear one returns a bounded answer.
  for (const f of registry) {
    const ex = f.extract(mail({ text: hostile }));
    assert.ok(ex === null || ex.recipients.length <= 10_000, f.name);
  }
});
