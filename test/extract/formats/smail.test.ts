import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smail } from '../../../src/extract/formats/smail.js';
import { mail } from '../helpers.js';
import { checkCorpus } from './notice-corpus.js';

test('smail: "address ... reason" lines in the failed-addresses box', () => {
  const msg = mail({
    headers: [{ name: 'subject', value: 'mail failed, returning to sender' }],
    text: [
      '|------------------------- Message log follows: -------------------------|',
      ' no valid recipients were found for this message',
      '|------------------------- Failed addresses follow: ---------------------|',
      ' oscar@nowhere.example ... unknown host',
      ' pia@example.org ... user unknown',
      '|------------------------- Message text follows: ------------------------|',
      'To: oscar@nowhere.example',
    ].join('\n'),
  });
  assert.equal(smail.hint(msg), true);
  assert.deepEqual(
    smail.extract(msg)?.recipients.map((r) => [r.recipient, r.diagnosticCode]),
    [
      ['oscar@nowhere.example', 'unknown host'],
      ['pia@example.org', 'user unknown'],
    ],
  );
  assert.equal(smail.extract(mail({ text: ' a@example.org ... unknown host' })), null);
});

test('smail: corpus sample (filed under RFC3464 in the corpus)', async () => {
  const c = await checkCorpus(smail, ['RFC3464']);
  const taken = [...c.results.values()].filter((x) => x !== null);
  assert.equal(taken.length, 1);
  assert.equal(taken[0]?.recipients[0].recipient, 'kijitora@neko.nyaan.example.com');
});
