import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ezweb } from '../../../src/extract/formats/ezweb.js';
import { checkCorpusModule, message } from './provider-corpus.js';

const TRANSCRIPT = `From: Postmaster@ezweb.ne.jp
To: sender@example.net
Subject: Mail System Error - Returned Mail

Each of the following recipients was rejected by a remote
mail server.

    Recipient: <nobody@ezweb.ne.jp>
    >>> RCPT TO:<nobody@ezweb.ne.jp>
    <<< 550 <nobody@ezweb.ne.jp>: User unknown
`;

const DISABLED = `From: Postmaster@ezweb.ne.jp
Subject: Mail System Error - Returned Mail

The user(s) account is disabled.

<stopped@ezweb.ne.jp>
`;

test('ezweb: the session transcript gives the reply and the stage', async () => {
  const ex = ezweb.extract(await message(TRANSCRIPT));
  assert.ok(ex);
  const r = ex.recipients[0];
  assert.equal(r.recipient, 'nobody@ezweb.ne.jp');
  assert.equal(r.replyCode, '550');
  assert.equal(r.smtpCommand, 'RCPT');
  assert.equal(r.diagnosticCode, '550 <nobody@ezweb.ne.jp>: User unknown');
  assert.equal(r.reasonHint, undefined);
});

test('ezweb: the fixed sentence of a disabled account is stated as suspend', async () => {
  const ex = ezweb.extract(await message(DISABLED));
  assert.ok(ex);
  assert.equal(ex.recipients[0].recipient, 'stopped@ezweb.ne.jp');
  assert.equal(ex.recipients[0].reasonHint, 'suspend');
});

test('ezweb: the corpus samples', async () => {
  assert.equal(await checkCorpusModule('EZweb', ['ezweb']), 5);
});
