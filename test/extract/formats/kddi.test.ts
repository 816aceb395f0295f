import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { explain } from '../../../src/explain.js';
import { kddi } from '../../../src/extract/formats/kddi.js';
import { checkCorpusModule, corpusRecords, message } from './provider-corpus.js';

const NOTICE = `From: no-reply@mx01.dion.ne.jp
To: sender@example.net
Subject: Mail

Your mail sent on: Mon, 02 Mar 2015 10:00:00 +0900
     Could not be delivered to: <full@example.dion.ne.jp>
     As their mailbox is full.
`;

test('kddi: the address and the reason line under it', async () => {
  const ex = kddi.extract(await message(NOTICE));
  assert.ok(ex);
  assert.equal(ex.recipients[0].recipient, 'full@example.dion.ne.jp');
  assert.equal(ex.recipients[0].diagnosticCode, 'As their mailbox is full.');
  assert.equal((await explain(NOTICE)).results[0].reason, 'mailboxfull');
});

test('kddi: the corpus samples (au one net notices; the rhost ones are sendmail DSNs)', async () => {
  assert.equal(await checkCorpusModule('KDDI', null), 4);
  for (const rec of corpusRecords('KDDI').filter((r) => r.file.includes('lhost-'))) {
    const report = await explain(
      readFileSync(new URL(`../../../../shared/corpus/sisimai/${rec.file}`, import.meta.url)),
    );
    assert.equal(report.format, 'kddi', rec.file);
    assert.equal(report.results[0]?.reason, 'mailboxfull', rec.file);
  }
});
