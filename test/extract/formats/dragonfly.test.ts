import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dragonfly } from '../../../src/extract/formats/dragonfly.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

const headers = [
  { name: 'from', value: 'MAILER-DAEMON <>' },
  { name: 'subject', value: 'Mail delivery failed' },
];

test('dragonfly: the server reply after "did not like our RCPT TO"', () => {
  const msg = mail({
    headers,
    text: [
      'This is the DragonFly Mail Agent v0.14 at box.example.net.',
      '',
      'There was an error delivering your mail to <erin@example.org>.',
      '',
      'mx.example.org [192.0.2.44] did not like our RCPT TO:',
      '550-5.2.1 The account is disabled',
      '550 5.2.1 Contact the administrator',
      '',
      'Original message follows.',
      '',
      'Subject: hi',
    ].join('\n'),
  });
  assert.equal(dragonfly.hint(msg), true);
  const ex = dragonfly.extract(msg);
  assert.ok(ex);
  assert.equal(ex.reportingMta, 'box.example.net');
  const r = ex.recipients[0];
  assert.equal(r.recipient, 'erin@example.org');
  assert.equal(r.replyCode, '550');
  assert.equal(r.status, '5.2.1');
  assert.equal(r.smtpCommand, 'RCPT');
  assert.equal(r.remoteMta, 'mx.example.org');
  assert.equal(r.diagnosticCode, '550-5.2.1 The account is disabled 550 5.2.1 Contact the administrator');
});

test('dragonfly: dma own words (queue lifetime) state the expiry', () => {
  const msg = mail({
    headers,
    text: 'This is the DragonFly Mail Agent v0.14 at box.example.net.\n\nThere was an error delivering your mail to <f@example.org>.\n\nCould not deliver for the last 86400 seconds. Giving up.\n\nMessage headers follow.\n',
  });
  const r = dragonfly.extract(msg)?.recipients[0];
  assert.equal(r?.reasonHint, 'expired');
  assert.equal(r?.replyCode, undefined);
  assert.equal(dragonfly.extract(mail({ headers, text: 'Something else entirely.' })), null);
});

test('dragonfly: corpus samples', async () => {
  const c = await checkCorpus(dragonfly, ['DragonFly']);
  assert.ok(c.samples >= 20);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
