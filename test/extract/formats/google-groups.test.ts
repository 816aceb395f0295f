import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain } from '../../../src/explain.js';
import { googleGroups } from '../../../src/extract/formats/google-groups.js';
import { checkCorpusModule, message } from './provider-corpus.js';

// Google writes the notice in the poster's language; a French one, written for this test.
const NOTICE = `From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
To: poster@example.net
Subject: Delivery Status Notification (Failure)
X-Failed-Recipients: team-list@googlegroups.com
Content-Type: text/plain; charset="UTF-8"

Bonjour poster@example.net,

Le groupe que vous avez essayé de contacter (team-list) n'existe peut-être pas, ou vous n'êtes pas autorisé à y publier des messages.

Pour toute question, consultez le centre d'aide : https://groups.google.com/support/.

Google Groups

----- Original message -----

From: poster@example.net
To: team-list@googlegroups.com
Subject: meeting

hi
`;

test('google groups: the group address, the explanation, reason rejected as the format states', async () => {
  const ex = googleGroups.extract(await message(NOTICE));
  assert.ok(ex);
  assert.equal(ex.recipients.length, 1);
  const r = ex.recipients[0];
  assert.equal(r.recipient, 'team-list@googlegroups.com');
  assert.equal(r.reasonHint, 'rejected');
  assert.match(r.diagnosticCode ?? '', /^Le groupe que vous avez/);
  assert.equal(ex.original?.subject, 'meeting');
  const report = await explain(NOTICE);
  assert.equal(report.results[0].reason, 'rejected');
});

test('google groups: without the Groups help link it is not this format', async () => {
  const plain = NOTICE.replace('https://groups.google.com/support/', 'the help centre');
  assert.equal(googleGroups.extract(await message(plain)), null);
});

test('google groups: the corpus samples', async () => {
  assert.equal(await checkCorpusModule('GoogleGroups', ['google-groups']), 10);
});
