// Assertions over a domain check's findings shared by the in-memory tests (test/check) and the
// Knot integration tier (test/integration), which see the same results through the CLI's JSON.
import assert from 'node:assert/strict';
import type { SeedCase } from './seed-zone.js';

interface FindingLike {
  code: string;
  severity: string;
  message: string;
}

/**
 * Asserts what a seed case expects (errors present or not, warnings present or not) and returns
 * the error findings.
 */
export function assertSeedExpectation(c: SeedCase, findings: readonly FindingLike[]): FindingLike[] {
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const show = (fs: FindingLike[]) => fs.map((f) => `${f.code}: ${f.message}`).join('\n');
  if (c.expect.errors !== undefined)
    assert.equal(errors.length > 0, c.expect.errors, `errors:\n${show(errors)}`);
  if (c.expect.warnings !== undefined)
    assert.equal(warnings.length > 0, c.expect.warnings, `warnings:\n${show(warnings)}`);
  return errors;
}

/** The codes that say a record or domain is missing: a DNS failure must never be reported as one. */
const MISSING_CODES = [
  'dkim.key-missing',
  'spf.no-record',
  'dmarc.no-record',
  'mx.domain-missing',
  'mx.none',
];

export function assertNothingMissing(findings: readonly FindingLike[]): void {
  for (const code of MISSING_CODES) assert.ok(!findings.some((f) => f.code === code), code);
}
