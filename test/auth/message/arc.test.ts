// The ValiMail ARC validation suite (../shared/corpus/dkim/arc, RFC 8617) through the message
// doctor: the chain's cv as the doctor reports it, against the suite's expected cv.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { auditMessage } from '../../../src/auth/message/index.js';
import { type MemoryZone, memoryResolver } from '../../../src/dns/index.js';

interface Scenario {
  description: string;
  tests: Record<string, { message: string; cv: string; description?: string }>;
  'txt-records'?: Record<string, string>;
}
const suite = JSON.parse(
  readFileSync(
    new URL('../../../../shared/corpus/dkim/arc/arc-draft-validation-tests.json', import.meta.url),
    'utf8',
  ),
) as Scenario[];

describe('ARC validation suite', () => {
  const outcomes: Array<{ id: string; ok: boolean }> = [];
  for (const sc of suite) {
    const zone: MemoryZone = {};
    for (const [name, record] of Object.entries(sc['txt-records'] ?? {})) zone[name] = { TXT: [[record]] };
    for (const [id, t] of Object.entries(sc.tests)) {
      it(`${id}: cv=${t.cv || '(broken chain)'}`, async () => {
        const a = await auditMessage(t.message.replace(/\r?\n/g, '\r\n'), { resolver: memoryResolver(zone) });
        // "" in the suite is a broken chain: a failure (SUITE-SCHEMA.md)
        const want = (t.cv || 'fail').toLowerCase();
        const got = a.arc.result ?? 'none';
        outcomes.push({ id, ok: got === want });
        assert.equal(got, want, a.arc.detail);
      });
    }
  }
  it('all 171 tests ran and pass (mailauth alone passes 167: the 4 tag-list faults are caught by our own check)', () => {
    assert.equal(outcomes.length, 171);
    assert.equal(outcomes.filter((o) => o.ok).length, 171);
  });
});
