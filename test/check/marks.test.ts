// markSpans (src/auth/findings.ts) and the excerpts of the text output: the carets stand under
// the marked characters, whatever the record holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markSpans, verdictOf, worstVerdict } from '../../src/auth/findings.js';

describe('markSpans', () => {
  it('marks the characters of a span', () => {
    const { text, marks } = markSpans('v=spf1 -all.', [[11, 12]]);
    assert.equal(text, 'v=spf1 -all.');
    assert.equal(marks, '           ^');
  });

  it('several spans; an empty span marks an insertion point', () => {
    assert.equal(
      markSpans('abcdef', [
        [0, 1],
        [3, 5],
      ]).marks,
      '^  ^^',
    );
    assert.equal(markSpans('abc', [[3, 3]]).marks, '   ^');
  });

  it('invisible characters become visible and keep one column; astral characters take one column', () => {
    const { text, marks } = markSpans('a\u200bb\u{1F600}c', [[5, 6]]);
    assert.equal(text, 'a·b\u{1F600}c');
    assert.equal(marks, '    ^');
    assert.equal(Array.from(text).length, 5);
  });

  it('out-of-range spans are clamped, never thrown', () => {
    assert.equal(markSpans('ab', [[-5, 99]]).marks, '^^');
  });
});

describe('verdicts', () => {
  it('orders errors, could-not-check, missing, warnings, ok', () => {
    assert.equal(worstVerdict(['ok', 'warnings', 'missing']), 'missing');
    assert.equal(worstVerdict(['could-not-check', 'errors']), 'errors');
    assert.equal(worstVerdict([]), 'ok');
    assert.equal(verdictOf([{ code: 'x', severity: 'info', message: '' }]), 'ok');
    assert.equal(verdictOf([{ code: 'x', severity: 'warning', message: '' }]), 'warnings');
  });
});

describe('text output excerpts', () => {
  it('in a long record cut to an excerpt, the carets stand under the faulty characters', async () => {
    const { checkDomain } = await import('../../src/auth/domain.js');
    const { memoryResolver } = await import('../../src/dns/index.js');
    const { formatCheckText } = await import('../../src/output/check-text.js');
    const key = `v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=; n=${'x'.repeat(120)}`;
    const r = await checkDomain('example.com', {
      resolver: memoryResolver({ 'default._domainkey.example.com': { TXT: [[`"${key}"`]] } }),
      selectors: ['default'],
    });
    const lines = formatCheckText(r).split('\n');
    const pairs = lines.flatMap((l, i) =>
      /^\s+\^/.test(lines[i + 1] ?? '') ? [[l, lines[i + 1]] as const] : [],
    );
    assert.equal(pairs.length, 2, lines.join('\n'));
    for (const [text, carets] of pairs) {
      const cols = Array.from(carets).flatMap((c, i) => (c === '^' ? [i] : []));
      assert.deepEqual(
        cols.map((i) => Array.from(text)[i]),
        ['"'],
      );
    }
    assert.ok(pairs[1][0].includes('…'), 'the second excerpt is cut');
  });
});
