import assert from 'node:assert/strict';
import { test } from 'node:test';
import { domino } from '../../../src/extract/formats/domino.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

test('domino: "was not delivered to:" ... "because:"', () => {
  const msg = mail({
    headers: [
      {
        name: 'subject',
        value: 'DELIVERY FAILURE: User uma (uma@example.org) not listed in Domino Directory',
      },
    ],
    text: [
      'Your message',
      '',
      '  Subject: Minutes',
      '',
      'was not delivered to:',
      '',
      '  uma@example.org',
      '',
      'because:',
      '',
      '  User uma (uma@example.org) not listed in Domino Directory',
      '',
    ].join('\n'),
  });
  assert.equal(domino.hint(msg), true);
  const ex = domino.extract(msg);
  assert.ok(ex);
  assert.equal(ex.recipients[0].recipient, 'uma@example.org');
  assert.equal(ex.recipients[0].diagnosticCode, 'User uma (uma@example.org) not listed in Domino Directory');
  assert.equal(domino.extract(mail({ text: 'because: nothing' })), null);
});

test('domino: corpus samples', async () => {
  const c = await checkCorpus(domino, ['Domino']);
  assert.ok(c.samples >= 2);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
