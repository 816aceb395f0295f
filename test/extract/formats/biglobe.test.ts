import assert from 'node:assert/strict';
import { test } from 'node:test';
import { biglobe } from '../../../src/extract/formats/biglobe.js';
import { checkCorpusModule, message } from './provider-corpus.js';

const NOTICE = `From: postmaster@biglobe.ne.jp
To: sender@example.net
Subject: Returned mail: Service unavailable
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset=us-ascii

   ----- The following addresses had delivery problems -----
one@example.biglobe.ne.jp
two@example.biglobe.ne.jp

   ----- Non-delivered information -----
The number of messages in recipient's mailbox exceeded the local limit.

--b1
Content-Type: message/rfc822

From: sender@example.net
To: one@example.biglobe.ne.jp
Subject: notes

text
--b1--
`;

test('biglobe: every listed address with the non-delivered information', async () => {
  const ex = biglobe.extract(await message(NOTICE));
  assert.ok(ex);
  assert.deepEqual(
    ex.recipients.map((r) => r.recipient),
    ['one@example.biglobe.ne.jp', 'two@example.biglobe.ne.jp'],
  );
  assert.equal(
    ex.recipients[1].diagnosticCode,
    "The number of messages in recipient's mailbox exceeded the local limit.",
  );
  assert.equal(ex.original?.subject, 'notes');
});

test('biglobe: without its section markers it is not this format', async () => {
  assert.equal(biglobe.extract(await message(NOTICE.replace('Non-delivered information', 'Details'))), null);
});

test('biglobe: the corpus samples', async () => {
  assert.equal(await checkCorpusModule('Biglobe', ['biglobe']), 1);
});
