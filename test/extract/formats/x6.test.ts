import assert from 'node:assert/strict';
import { test } from 'node:test';
import { x6 } from '../../../src/extract/formats/x6.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

test('x6: the bracketed server reply, the stage and the server', () => {
  const msg = mail({
    headers: [{ name: 'subject', value: 'There was an error sending your mail' }],
    text: [
      'We had trouble delivering your message. Full details follow:',
      '',
      "Subject: 'Plans'",
      '',
      '2 error(s):',
      '',
      'SMTP Server <mx.example.org> rejected recipient <bea@example.org> (Error following RCPT command). It responded as follows: [550 5.1.1 No such user]',
      '',
      'The following recipients returned permanent errors: cal@example.net. Reason: SMTP Server <198.51.100.2> refused to accept your message (DATA), with the following error message: [554 5.7.1 Message rejected as spam]',
      '',
    ].join('\n'),
  });
  assert.equal(x6.hint(msg), true);
  const ex = x6.extract(msg);
  assert.ok(ex);
  assert.deepEqual(
    ex.recipients.map((r) => [r.recipient, r.replyCode, r.status, r.smtpCommand, r.remoteMta]),
    [
      ['bea@example.org', '550', '5.1.1', 'RCPT', 'mx.example.org'],
      ['cal@example.net', '554', '5.7.1', 'DATA', '198.51.100.2'],
    ],
  );
});

test('x6: corpus samples', async () => {
  const c = await checkCorpus(x6, ['X6']);
  assert.ok(c.samples >= 2);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
