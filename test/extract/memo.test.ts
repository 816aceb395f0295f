// The extract stage's per-message memos: the values of the two most recent keys, and none of a
// message left once explain() is done with it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { explain } from '../../src/explain.js';
import { RecentMemo } from '../../src/extract/memo.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

test('a memo answers for its two most recent keys, by identity', () => {
  const memo = new RecentMemo<object, string>();
  const [a, b, c] = [{}, {}, {}];
  memo.set(a, 'a');
  memo.set(b, 'b');
  assert.equal(memo.get(a), 'a');
  assert.equal(memo.get(b), 'b');
  assert.equal(memo.get({}), undefined); // an equal object is another key
  memo.set(a, 'a2'); // a known key is updated in place, the other kept
  assert.equal(memo.get(a), 'a2');
  assert.equal(memo.get(b), 'b');
  memo.set(c, 'c'); // a third key pushes out the older
  assert.equal(memo.get(c), 'c');
  assert.equal(memo.get(a), 'a2');
  assert.equal(memo.get(b), undefined);
  memo.clear();
  assert.equal(memo.get(a), undefined);
  assert.equal(memo.get(c), undefined);
});

test('explain() keeps nothing of a large bounce once it is done', async () => {
  const bounce = (i: number) =>
    [
      'From: MAILER-DAEMON@mx.example.org',
      'To: sender@example.com',
      `Subject: Undelivered Mail Returned to Sender ${i}`,
      '',
      'This is the mail system at host mx.example.org.',
      '',
      "I'm sorry to have to inform you that your message could not",
      'be delivered to one or more recipients.',
      '',
      '<nobody@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1',
      '    <nobody@example.net>: Recipient address rejected: User unknown',
      '',
      // a long notice: 6 MB of text that every format's memo would hold
      `${'filler text of the notice '.repeat(6 * 40000)}${i}`,
      '',
    ].join('\n');
  await explain(bounce(0)); // code and tables loaded before the measure
  gc();
  const before = process.memoryUsage().heapUsed;
  const report = await explain(bounce(1));
  assert.equal(report.results[0]?.recipient, 'nobody@example.net');
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  assert.ok(grown < 2 * (1 << 20), `heap grew by ${(grown / (1 << 20)).toFixed(1)} MB`);
});
