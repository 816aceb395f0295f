// The 21 seed cases (../shared/corpus/seed/records.json) through checkDomain over an in-memory zone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDomain, type DomainCheck } from '../../src/auth/domain.js';
import { memoryResolver } from '../../src/dns/index.js';
import { assertSeedExpectation } from './expect-findings.js';
import { caseZone, loadSeed, seedCase } from './seed-zone.js';

const seed = loadSeed();
const clock = () => new Date('2026-12-03T12:00:00Z');

describe('seed record cases (in memory)', () => {
  it('has the 21 cases', () => assert.equal(seed.cases.length, 21));
  const results = new Map<string, Promise<DomainCheck>>();
  const run = (id: string) => {
    const c = seedCase(seed, id);
    if (!results.has(id)) {
      results.set(
        id,
        checkDomain(c.domain, { resolver: memoryResolver(caseZone(seed, c)), selectors: ['default'], clock }),
      );
    }
    return results.get(id)!;
  };
  for (const c of seed.cases) {
    it(`${c.id}: ${c.problem}`, async () => {
      const r = await run(c.id);
      const errors = assertSeedExpectation(c, r.findings);
      assert.equal(r.checkedAt, '2026-12-03T12:00:00.000Z');
      assert.equal(r.verdict === 'errors', errors.length > 0);
    });
    const fixed = c.expect.fixed;
    if (fixed === undefined) continue;
    it(`${c.id}: the corrected record`, async () => {
      const proposed = (await run(c.id)).corrected.map((x) => x.fixed);
      assert.ok(proposed.includes(fixed), `corrected records proposed: ${proposed.join(' | ')}`);
    });
  }
});
