// A 100 KB DMARC record repeating one tag 4,000 times: the result names the faults once each (up to
// MAX_FINDINGS_PER_CODE) with the count of the rest, instead of thousands of findings each carrying
// the whole record (this made `check --json` print 200 MB).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_FINDINGS_PER_CODE } from '../../../src/auth/dmarc/cap-findings.js';
import { lintDmarcRecord } from '../../../src/auth/dmarc/lint.js';

test('4,000 repeated rua tags give bounded findings', () => {
  const record = `v=DMARC1; p=reject; ${'rua=mailto:a@b.example,'.repeat(4000)}`;
  const r = lintDmarcRecord(record);
  assert.equal(r.valid, false);
  const perCode = new Map<string, number>();
  for (const f of r.findings) perCode.set(f.code, (perCode.get(f.code) ?? 0) + 1);
  for (const [code, n] of perCode) assert.ok(n <= MAX_FINDINGS_PER_CODE, `${code}: ${n}`);
  assert.ok(perCode.has('dmarc.too-long'));
  const folded = r.findings.filter((f) => / more like it, not listed\)$/.test(f.message));
  assert.ok(folded.length > 0, r.findings.map((f) => f.code).join(' '));
  assert.ok(JSON.stringify(r).length < 5_000_000, `${JSON.stringify(r).length} characters of JSON`);
});

test('a few repeats are all listed, unchanged', () => {
  const r = lintDmarcRecord('v=DMARC1; p=none; p=reject; p=quarantine');
  assert.ok(r.findings.every((f) => !/more like it/.test(f.message)));
  assert.ok(r.findings.some((f) => f.code === 'dmarc.duplicate-tag'));
});

test('a rua address followed by thousands of periods: the fault is named once', () => {
  const r = lintDmarcRecord(
    `v=DMARC1; p=none; rua=mailto:d@example.com${'.'.repeat(5000)}x${'.'.repeat(2000)}`,
  );
  assert.ok(r.findings.some((f) => f.code === 'dmarc.uri-invalid'));
  const stray = lintDmarcRecord('v=DMARC1; p=none; rua=mailto:d@example.com...');
  assert.equal(stray.fixed, 'v=DMARC1; p=none; rua=mailto:d@example.com');
});
