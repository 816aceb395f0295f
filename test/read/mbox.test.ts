import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSeparator, looksLikeMbox, splitMbox, splitMboxBytes } from '../../src/read/mbox.js';

const message = (n: number, body = `body ${n}`) =>
  `From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail ${n}\n\n${body}\n`;

test('mbox separators: "From ", an address-like token and an asctime-like date', () => {
  for (const line of [
    'From MAILER-DAEMON Fri Apr 17 08:00:00 2026',
    'From MAILER-DAEMON Wed Mar  5 08:00:00 2025',
    'From jane@example.org Thu Dec  3 10:00:00 2026',
    'From - Thu Dec 03 10:00:00 2026',
    'From <> Thu Dec 03 10:00:00 +0000 2026',
    'From 1684732@xxx Thu, 3 Dec 2026 10:00:00 +0000',
    'From bounces@example.org 2026-12-03 10:00:00',
  ])
    assert.equal(isSeparator(line), true, line);
  for (const line of [
    'From the desk of the postmaster: this line starts with From and a space.',
    'From here on nothing matters.',
    'From the team: the meeting is on Dec 3 at 10:00.',
    'From MAILER-DAEMON',
    'From: MAILER-DAEMON@example.org',
    'From jane doe Thu Dec  3 10:00:00 2026',
  ])
    assert.equal(isSeparator(line), false, line);
});

test('splitMbox: a body line starting with "From " but no separator does not split a message', () => {
  const mbox = [
    'From MAILER-DAEMON Wed Mar  5 08:00:00 2025',
    message(1),
    'From MAILER-DAEMON Wed Mar  5 08:01:00 2025',
    message(2, 'first line\n\nFrom the desk of the postmaster: read this.\nFrom here on nothing matters.\n'),
    'From MAILER-DAEMON Wed Mar  5 08:02:00 2025',
    message(3),
  ].join('\n');
  const messages = splitMbox(mbox);
  assert.equal(messages.length, 3);
  assert.match(
    messages[1],
    /\n\nFrom the desk of the postmaster: read this\.\nFrom here on nothing matters\.\n$/,
  );
  assert.match(messages[2], /^From: MAILER-DAEMON@mx\.example\.org\nSubject: Undelivered Mail 3\n/);
  const bytes = splitMboxBytes(new TextEncoder().encode(mbox));
  assert.equal(bytes.length, 3);
});

test('splitMbox: ">From " quoting is undone; a text that starts with no separator is one message', () => {
  const mbox = `From MAILER-DAEMON Wed Mar  5 08:00:00 2025\n${message(1, 'x\n\n>From jane@example.org Thu Dec  3 10:00:00 2026\n')}`;
  assert.deepEqual(splitMbox(mbox), [
    message(1, 'x\n\nFrom jane@example.org Thu Dec  3 10:00:00 2026\n').trimEnd().concat('\n'),
  ]);
  const reply = 'From the server: 550 5.1.1 user unknown\n';
  assert.equal(looksLikeMbox(reply), false);
  assert.deepEqual(splitMbox(reply), [reply]);
  const one = new TextEncoder().encode(reply);
  assert.deepEqual(splitMboxBytes(one), [one]);
});
