import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fml } from '../../../src/extract/formats/fml.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

test('fml: a post refused because the sender is not a member', () => {
  const msg = mail({
    headers: [
      { name: 'message-id', value: '<201301010000.FMLAAA0001.club@lists.example.org>' },
      { name: 'subject', value: 'You me@example.jp are not member (club ML)' },
    ],
    text: 'You are not a member of this mailing list <club@lists.example.org>.\n\nIf you know the general guide of this list, ...\n',
  });
  assert.equal(fml.hint(msg), true);
  const r = fml.extract(msg)?.recipients[0];
  assert.equal(r?.recipient, 'club@lists.example.org');
  assert.equal(r?.reasonHint, 'rejected');
  assert.equal(
    fml.extract(mail({ text: 'You are not a member of this mailing list <x@example.org>.' })),
    null,
  );
});

test('fml: corpus samples', async () => {
  const c = await checkCorpus(fml, ['FML']);
  assert.ok(c.samples >= 1);
  assert.deepEqual(c.missed, []);
  assert.deepEqual(c.mismatches, []);
});
