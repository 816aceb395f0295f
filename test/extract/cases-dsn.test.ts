// The dsn-email cases of ../shared/corpus/cases (C01, C08, C15, C17): recipient, status, reply code,
// category and bounce type through explain(), as their expected entries say (bouncedoc_category /
// bouncedoc_bounceType). A case may list several recipients.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { explain } from '../../src/explain.js';

interface ExpectedRecipient {
  recipient?: string;
  status?: string;
  reply_code?: string;
  bouncedoc_category: string;
  bouncedoc_bounceType: string;
  suppress_recipient?: boolean;
}

interface CaseEntry {
  id: string;
  kind: string;
  file: string;
  expected: ExpectedRecipient & { recipients?: ExpectedRecipient[] };
}

const casesDir = new URL('../../../shared/corpus/cases/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('expected.json', casesDir), 'utf8')) as CaseEntry[];
const dsnEmails = cases.filter((c) => c.kind === 'dsn-email');

describe('dsn-email cases', () => {
  it('covers C01, C08, C15, C17', () => {
    assert.deepEqual(
      dsnEmails.map((c) => c.id),
      ['C01', 'C08', 'C15', 'C17'],
    );
  });
  for (const c of dsnEmails) {
    it(`${c.id} (${c.file})`, async () => {
      const report = await explain(readFileSync(new URL(c.file, casesDir)));
      assert.equal(report.kind, 'bounce');
      const expected = c.expected.recipients ?? [c.expected];
      assert.equal(report.results.length, expected.length, 'one result per recipient');
      for (const e of expected) {
        const r = report.results.find((x) => x.recipient === e.recipient);
        assert.ok(r, `no result for ${e.recipient}`);
        if (e.status) assert.equal(r.status, e.status, `${e.recipient}: status`);
        if (e.reply_code) assert.equal(r.replyCode, e.reply_code, `${e.recipient}: reply code`);
        assert.equal(r.category, e.bouncedoc_category, `${e.recipient}: category`);
        assert.equal(r.bounceType, e.bouncedoc_bounceType, `${e.recipient}: bounce type`);
        if (e.suppress_recipient !== undefined) assert.equal(r.bounceType === 'hard', e.suppress_recipient);
      }
    });
  }
});
