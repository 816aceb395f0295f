// The OpenSPF RFC 7208 conformance suite (../shared/corpus/spf/rfc7208-tests.yml), every test run
// through check_host() over the Resolver interface (a memory zone built from `zonedata`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadAll } from 'js-yaml';
import { checkSender } from '../../../src/auth/spf/index.js';
import { memoryResolver } from '../../../src/dns/index.js';
import { suiteZone } from './suite-zone.js';

interface SuiteTest {
  helo: string;
  host: string;
  mailfrom: string;
  result: string | string[];
  explanation?: string;
}

interface Scenario {
  description: string;
  tests: Record<string, SuiteTest>;
  zonedata?: Record<string, (string | Record<string, unknown>)[]>;
}

const file = new URL('../../../../shared/corpus/spf/rfc7208-tests.yml', import.meta.url);
const scenarios = loadAll(readFileSync(file, 'utf8')) as Scenario[];
const clock = () => new Date('2026-12-03T12:00:00Z');

let count = 0;
for (const scenario of scenarios) {
  const resolver = memoryResolver(suiteZone(scenario.zonedata));
  for (const [id, t] of Object.entries(scenario.tests)) {
    count++;
    test(`${scenario.description} / ${id}`, async () => {
      const r = await checkSender(String(t.host), String(t.mailfrom ?? ''), {
        resolver,
        helo: String(t.helo),
        clock,
      });
      const accepted = Array.isArray(t.result) ? t.result : [t.result];
      assert.ok(
        accepted.includes(r.result),
        `got ${r.result} (${r.problem ?? ''}), want ${accepted.join('|')}`,
      );
      if (t.explanation !== undefined) {
        if (t.explanation === 'DEFAULT') {
          // the suite's "DEFAULT": the domain gave no usable exp=, so no explanation of its own
          assert.equal(r.explanation, undefined);
        } else {
          // compared without case: the suite writes the %{ir} nibbles of v-macro-ip6 in upper
          // case, RFC 7208 §7.3/§7.4 in lower case; DNS names are case-insensitive either way
          assert.equal(r.explanation?.toLowerCase(), t.explanation.toLowerCase());
        }
      }
    });
  }
}

test('the suite has its 203 tests', () => {
  assert.equal(count, 203);
});
