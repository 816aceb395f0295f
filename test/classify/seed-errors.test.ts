// The 25 SMTP reply texts of ../shared/corpus/seed/errors.json, run through the same path as
// `bouncedoc explain` on a bare reply (explain -> parseReplyText -> classify): each gets the
// expected category (one of the listed ones where a list is given), hardness and party.
// "hard" in the seed means permanent (do not retry unchanged): here, a bounce type other than soft.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { explain } from '../../src/explain.js';

interface SeedCase {
  id: string;
  text: string;
  expect: {
    category: string | string[];
    hard?: boolean;
    party?: string;
    status?: string;
    replycode?: string;
  };
}

const seed = JSON.parse(
  readFileSync(new URL('../../../shared/corpus/seed/errors.json', import.meta.url), 'utf8'),
) as {
  cases: SeedCase[];
};

describe('seed errors.json through explain()', () => {
  it('has the 25 cases', () => {
    assert.equal(seed.cases.length, 25);
  });
  for (const c of seed.cases) {
    it(`${c.id}: ${c.text.split('\n')[0].slice(0, 60)}`, async () => {
      const report = await explain(c.text);
      assert.equal(report.kind, 'reply-text');
      assert.equal(report.results.length, 1);
      const r = report.results[0];
      const categories = Array.isArray(c.expect.category) ? c.expect.category : [c.expect.category];
      assert.ok(
        categories.includes(r.category),
        `category ${r.category}, expected ${categories.join(' or ')}`,
      );
      if (c.expect.hard !== undefined)
        assert.equal(r.bounceType !== 'soft', c.expect.hard, `bounce type ${r.bounceType}`);
      if (c.expect.party) assert.equal(r.party, c.expect.party);
      if (c.expect.status) assert.equal(r.status, c.expect.status);
      if (c.expect.replycode) assert.equal(r.replyCode, c.expect.replycode);
    });
  }
});
