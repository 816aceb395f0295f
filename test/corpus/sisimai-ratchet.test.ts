// The ratchet: agreement with the Sisimai corpus stays at or above the floors in floor.json.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { FIELDS, rate, runCorpus } from './sisimai-corpus.js';

const floor = JSON.parse(await readFile(new URL('./floor.json', import.meta.url), 'utf8')) as Record<
  string,
  number
>;
const run = await runCorpus();

for (const field of FIELDS) {
  test(`sisimai corpus: ${field} agreement at or above the floor`, () => {
    const got = rate(run.overall, field);
    assert.ok(
      got >= floor[field],
      `${field}: ${(100 * got).toFixed(2)}% is below the floor ${(100 * floor[field]).toFixed(2)}%`,
    );
  });
}

test('sisimai corpus: the ordinary message is not a bounce', () => {
  assert.equal(run.notBounceOk, true);
});

test('sisimai corpus: no sample makes explain() fail', () => {
  const failed = run.samples.filter((s) => s.error).map((s) => `${s.file}: ${s.error}`);
  assert.deepEqual(failed, []);
});
