// The bounce-text cases of ../shared/corpus/cases (C03, C05, C11, C12, C20): status, category and
// bounce type as their expected entries say (bouncedoc_category / bouncedoc_bounceType).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { explain } from '../../src/explain.js';

interface CaseEntry {
  id: string;
  kind: string;
  file: string;
  expected: {
    recipient?: string;
    status?: string | null;
    reply_code?: string | null;
    provider_code?: string;
    bouncedoc_category: string;
    bouncedoc_bounceType: string;
    suppress_recipient?: boolean;
  };
}

const casesDir = new URL('../../../shared/corpus/cases/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('expected.json', casesDir), 'utf8')) as CaseEntry[];
const bounceTexts = cases.filter((c) => c.kind === 'bounce-text');

describe('bounce-text cases', () => {
  it('covers C03, C05, C11, C12, C20', () => {
    assert.deepEqual(
      bounceTexts.map((c) => c.id),
      ['C03', 'C05', 'C11', 'C12', 'C20'],
    );
  });
  for (const c of bounceTexts) {
    it(`${c.id} (${c.file})`, async () => {
      const report = await explain(readFileSync(new URL(c.file, casesDir)));
      assert.equal(report.results.length, 1);
      const r = report.results[0];
      const e = c.expected;
      if (e.status) {
        assert.equal(r.status, e.status);
      } else {
        // No code in the text: the status may only be a pseudo code, never a claimed real one.
        assert.match(r.status, /^(?:[45]\.0\.9\d\d)?$/);
      }
      if (e.reply_code) assert.equal(r.replyCode, e.reply_code);
      if (e.recipient) assert.equal(r.recipient, e.recipient);
      assert.equal(r.category, e.bouncedoc_category);
      assert.equal(r.bounceType, e.bouncedoc_bounceType);
      if (e.suppress_recipient !== undefined) assert.equal(r.bounceType === 'hard', e.suppress_recipient);
    });
  }
});
