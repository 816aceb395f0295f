// Unit tests of the DMARC parser and linter: spans, separators, the corrected record, modes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DMARC_CODES } from '../../../src/auth/dmarc/codes.js';
import { lintDmarcRecord } from '../../../src/auth/dmarc/lint.js';
import { MAX_RECORD_CHARS, parseDmarc } from '../../../src/auth/dmarc/parse.js';
import { readDmarcRecord } from '../../../src/auth/dmarc/record.js';

const codeOf = (r: string, opts = {}) => lintDmarcRecord(r, opts).findings.map((f) => f.code);

describe('parseDmarc', () => {
  test('terms carry spans of names and values', () => {
    const p = parseDmarc('v=DMARC1; p = reject ;rua=mailto:a@example.com');
    assert.deepEqual(
      p.terms.map((t) => [t.name, t.value, t.valueSpan]),
      [
        ['v', 'DMARC1', [2, 8]],
        ['p', 'reject', [14, 20]],
        ['rua', 'mailto:a@example.com', [26, 46]],
      ],
    );
    assert.equal(p.terms[1].blanksAroundEquals, true);
  });
  test('strict reading keeps a colon-separated record as one tag (what receivers see)', () => {
    const p = parseDmarc('v=DMARC1: p=reject');
    assert.equal(p.terms.length, 1);
    assert.equal(p.terms[0].value, 'DMARC1: p=reject');
    assert.equal(readDmarcRecord('v=DMARC1: p=reject'), null);
  });
  test('tolerant reading finds the tag behind a colon, comma or blank', () => {
    for (const [rec, sep] of [
      ['v=DMARC1: p=reject', ': '],
      ['v=DMARC1, p=reject', ', '],
      ['v=DMARC1 p=reject', ' '],
    ]) {
      const p = parseDmarc(rec, { tolerant: true });
      assert.deepEqual(
        p.badSeparators.map((b) => b.text),
        [sep],
      );
      assert.equal(p.terms[1].name, 'p');
    }
  });
  test('commas inside a rua list are not separators', () => {
    const p = parseDmarc('v=DMARC1; p=none; rua=mailto:a@x.example,mailto:b@y.example', { tolerant: true });
    assert.equal(p.badSeparators.length, 0);
    assert.equal(p.terms.length, 3);
  });
});

describe('lintDmarcRecord', () => {
  test('colons instead of semicolons: error at the colon, corrected record', () => {
    const r = lintDmarcRecord('v=DMARC1: p=reject: rua=mailto:d@example.com');
    const seps = r.findings.filter((f) => f.code === 'dmarc.separator');
    assert.equal(seps.length, 2);
    assert.deepEqual(seps[0].span, [8, 10]);
    assert.equal(r.record.slice(...seps[0].span!), ': ');
    assert.equal(r.valid, false);
    assert.equal(r.fixed, 'v=DMARC1; p=reject; rua=mailto:d@example.com');
  });
  test('findings the corrected record repairs carry it; advice-only findings do not', () => {
    const r = lintDmarcRecord('v=DMARC1: p=none');
    assert.equal(r.findings.find((f) => f.code === 'dmarc.separator')?.fixed, 'v=DMARC1; p=none');
    assert.equal(r.findings.find((f) => f.code === 'dmarc.p-none')?.fixed, undefined);
    assert.equal(r.findings.find((f) => f.code === 'dmarc.rua-missing')?.fixed, undefined);
  });
  test('v=DMARC1 exactly; lower case is an error with a fix', () => {
    const r = lintDmarcRecord('v=dmarc1; p=reject; rua=mailto:d@example.com');
    assert.ok(r.findings.some((f) => f.code === 'dmarc.version-case' && f.severity === 'error'));
    assert.equal(r.fixed, 'v=DMARC1; p=reject; rua=mailto:d@example.com');
    assert.equal(r.policy, null);
  });
  test('blanks around "=" are valid (RFC ABNF "equals"), reported as info', () => {
    const r = lintDmarcRecord('v = DMARC1; p=reject; rua=mailto:d@example.com');
    assert.equal(r.valid, true);
    assert.deepEqual(
      r.findings.map((f) => `${f.severity}:${f.code}`),
      ['info:dmarc.blanks-around-equals'],
    );
    assert.ok(r.policy);
  });
  test('smart quotes and surrounding quotes', () => {
    const r = lintDmarcRecord('“v=DMARC1; p=reject; rua=mailto:d@example.com”');
    assert.equal(r.findings.find((f) => f.code === 'dmarc.smart-quotes')?.severity, 'error');
    assert.equal(r.fixed, 'v=DMARC1; p=reject; rua=mailto:d@example.com');
    const q = lintDmarcRecord('"v=DMARC1; p=reject; rua=mailto:d@example.com"');
    assert.ok(q.findings.some((f) => f.code === 'dmarc.quoted'));
    assert.equal(q.fixed, 'v=DMARC1; p=reject; rua=mailto:d@example.com');
  });
  test('stray period and trailing garbage', () => {
    const r = lintDmarcRecord('v=DMARC1; p=reject.; rua=mailto:d@example.com');
    assert.ok(r.findings.some((f) => f.code === 'dmarc.stray-period' && f.severity === 'error'));
    assert.equal(r.fixed, 'v=DMARC1; p=reject; rua=mailto:d@example.com');
    const g = lintDmarcRecord('v=DMARC1; p=reject xyz; rua=mailto:d@example.com');
    assert.ok(g.findings.some((f) => f.code === 'dmarc.trailing-garbage'));
    assert.equal(g.fixed, 'v=DMARC1; p=reject; rua=mailto:d@example.com');
  });
  test('rua without mailto: gets the scheme; !size is obsolete in RFC 9989 only', () => {
    const r = lintDmarcRecord('v=DMARC1; p=reject; rua=d@example.com!10m');
    assert.ok(r.findings.some((f) => f.code === 'dmarc.uri-invalid'));
    assert.equal(r.fixed, 'v=DMARC1; p=reject; rua=mailto:d@example.com!10m');
    assert.ok(codeOf('v=DMARC1; p=reject; rua=mailto:d@example.com!10m').includes('dmarc.uri-size-suffix'));
    assert.ok(
      !codeOf('v=DMARC1; p=reject; rua=mailto:d@example.com!10m', { mode: 'rfc7489' }).includes(
        'dmarc.uri-size-suffix',
      ),
    );
  });
  test('pct<100: a warning with the RFC 7489 meaning; no fix proposed (a policy choice)', () => {
    const r = lintDmarcRecord('v=DMARC1; p=reject; pct=25; rua=mailto:d@example.com');
    const f = r.findings.find((x) => x.code === 'dmarc.removed-tag')!;
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /25%/);
    assert.equal(r.fixed, undefined);
    assert.equal(readDmarcRecord('v=DMARC1; p=reject; pct=25', 'rfc7489')?.pct, 25);
    assert.equal(readDmarcRecord('v=DMARC1; p=reject; pct=25', 'rfc9989')?.pct, 100);
  });
  test('p missing: warning with a valid rua (RFC 9989), error without', () => {
    assert.equal(
      lintDmarcRecord('v=DMARC1; rua=mailto:d@example.com').findings.find((f) => f.code === 'dmarc.p-missing')
        ?.severity,
      'warning',
    );
    assert.equal(
      lintDmarcRecord('v=DMARC1; adkim=s').findings.find((f) => f.code === 'dmarc.p-missing')?.severity,
      'error',
    );
    assert.equal(lintDmarcRecord('v=DMARC1; rua=mailto:d@example.com', { mode: 'rfc7489' }).valid, false);
  });
  test('p not second: reordered in the corrected record', () => {
    const r = lintDmarcRecord('v=DMARC1; rua=mailto:d@example.com; p=reject');
    assert.ok(r.findings.some((f) => f.code === 'dmarc.p-not-second'));
    assert.equal(r.fixed, 'v=DMARC1; p=reject; rua=mailto:d@example.com');
  });
  test('duplicate tags: no fixed record when the values differ', () => {
    const r = lintDmarcRecord('v=DMARC1; p=reject; p=none; rua=mailto:d@example.com');
    assert.ok(r.findings.some((f) => f.code === 'dmarc.duplicate-tag'));
    assert.equal(r.fixed, undefined);
    assert.equal(readDmarcRecord('v=DMARC1; p=reject; p=none')?.duplicateTags.join(), 'p');
  });
  test('a healthy record has no findings and no fixed record', () => {
    const r = lintDmarcRecord('v=DMARC1; p=reject; rua=mailto:dmarc@example.com');
    assert.deepEqual(r.findings, []);
    assert.equal(r.valid, true);
    assert.equal(r.fixed, undefined);
  });
  test('presentation form: dig escapes decoded, including \\DDD UTF-8', () => {
    const r = lintDmarcRecord('v=DMARC1\\; p=reject\\; rua=mailto:d@example.com \\226\\128\\157', {
      presentation: true,
    });
    assert.ok(r.findings.some((f) => f.code === 'dmarc.presentation-escapes'));
    assert.ok(r.findings.some((f) => f.code === 'dmarc.smart-quotes'));
  });
});

describe('lintDmarcRecord never throws', () => {
  test('arbitrary strings (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = lintDmarcRecord(s);
        for (const f of r.findings) {
          if (f.span) assert.ok(f.span[0] >= 0 && f.span[0] <= f.span[1] && f.span[1] <= r.record.length);
        }
        return typeof r.valid === 'boolean';
      }),
      { numRuns: 2000 },
    );
  });
  test('record-like strings built from DMARC pieces (fast-check)', () => {
    const piece = fc.constantFrom(
      'v',
      'p',
      'sp',
      'rua',
      '=',
      ';',
      ':',
      ',',
      ' ',
      'DMARC1',
      'reject',
      'mailto:',
      '@',
      '.',
      '!',
      '"',
      '“',
      '\\',
      '&amp;',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (parts, presentation) => {
        const r = lintDmarcRecord(parts.join(''), { presentation });
        if (r.fixed !== undefined) lintDmarcRecord(r.fixed);
        return Array.isArray(r.findings);
      }),
      { numRuns: 2000 },
    );
  });
  // Not timed (project rule): the hostile input runs and its result is bounded and named; a
  // quadratic scan of 100,000 characters would make this test hang instead.
  test('long inputs get a bounded, named result', () => {
    for (const record of [
      'v=DMARC1; ' + ': '.repeat(50_000),
      'v=DMARC1; p=' + ' '.repeat(50_000) + 'x',
      ';'.repeat(100_000),
    ]) {
      const r = lintDmarcRecord(record);
      assert.equal(r.valid, false);
      assert.equal(r.findings[0].code, 'dmarc.too-long');
      // the record is cut at MAX_RECORD_CHARS, so there cannot be more findings than characters
      assert.ok(r.findings.length <= MAX_RECORD_CHARS, `${r.findings.length} findings`);
    }
  });
});

describe('lintDmarcRecord corrections stay honest', () => {
  test('no corrected record for text that is not DMARC at all', () => {
    assert.equal(lintDmarcRecord('hello world').fixed, undefined);
    assert.equal(
      lintDmarcRecord('p=reject; rua=mailto:d@example.com').fixed,
      'v=DMARC1; p=reject; rua=mailto:d@example.com',
    );
  });
  test('a no-break space before a tag is found and removed', () => {
    const r = lintDmarcRecord('v=DMARC1;\u00A0p=reject; rua=mailto:d@example.com');
    assert.deepEqual(r.findings.find((f) => f.code === 'dmarc.invisible-character')?.span, [9, 10]);
    assert.equal(r.fixed, 'v=DMARC1; p=reject; rua=mailto:d@example.com');
    assert.ok(!r.findings.some((f) => f.code === 'dmarc.unknown-tag'));
  });
  test('an unknown tag is left out of the corrected record, as its fix says (receivers ignore it)', () => {
    const r = lintDmarcRecord('v=DMARC1; p=reject; Foo=Bar; rua=mailto:d@example.com; x-note=1');
    const unknown = r.findings.filter((f) => f.code === 'dmarc.unknown-tag');
    assert.deepEqual(
      unknown.map((f) => f.fix),
      ['Remove "Foo=Bar", or write "fo=Bar" if that was meant.', 'Remove "x-note=1".'],
    );
    assert.equal(r.fixed, 'v=DMARC1; p=reject; rua=mailto:d@example.com');
    // and the corrected record lints clean of them
    assert.ok(!lintDmarcRecord(r.fixed ?? '').findings.some((f) => f.code === 'dmarc.unknown-tag'));
  });
  test('an HTML entity blocks the corrected record', () => {
    assert.equal(lintDmarcRecord('v=DMARC1; p=reject; rua=mailto:a@example.com&amp;').fixed, undefined);
  });
});

describe('finding codes', () => {
  test('every code the sources emit is documented in codes.ts', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../../src/auth/dmarc/', import.meta.url);
    const used = new Set<string>();
    for (const file of readdirSync(dir)) {
      if (file === 'codes.ts') continue;
      for (const m of readFileSync(new URL(file, dir), 'utf8').matchAll(/'(dmarc\.[a-z0-9-]+)'/g))
        used.add(m[1]);
    }
    assert.ok(used.size > 40);
    for (const code of used) assert.ok(DMARC_CODES[code], `${code} is not in codes.ts`);
    for (const code of Object.keys(DMARC_CODES))
      assert.ok(used.has(code), `${code} is documented but never emitted`);
  });
});
