// Bounce text and DNS data are attacker-controlled: the person's output never passes a terminal
// escape sequence, control character or bidi override through, and cuts megabyte-long values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatAddress } from '../../src/cli/address.js';
import { printable, printableDeep, trimTrailingNewlines } from '../../src/output/printable.js';
import { formatSisimai } from '../../src/output/sisimai.js';
import { formatText, MAX_SHOWN_CHARS } from '../../src/output/text.js';
import type { ExplainReport } from '../../src/types.js';

const ESC = '\u001b';
const hostile = `<a@b.example> ${ESC}]0;PWNED\u0007${ESC}[2J${ESC}[8mhidden\r\u202eevil\u0000 user unknown`;

function report(diagnosticCode: string, recipient = 'a@b.example'): ExplainReport {
  return {
    kind: 'bounce',
    format: 'rfc3464',
    original: { from: `x${ESC}[31m@shop.example`, subject: `s${ESC}]8;;http://evil/${ESC}\\` },
    results: [
      {
        recipient,
        status: '5.1.1',
        replyCode: '550',
        reason: 'userunknown',
        category: 'recipient-address',
        bounceType: 'hard',
        party: 'recipient',
        hardbounce: true,
        diagnosticCode,
        remoteMta: `mx${ESC}[1A.example`,
        advice: { summary: 'The address does not exist', steps: ['Check it.'], retry: { advised: false } },
      },
    ],
  } as ExplainReport;
}

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('no escape, control or bidi character of the bounce reaches the text output', () => {
  for (const color of [false, true]) {
    const out = formatText([report(hostile, `${ESC}[2Ju@x.example`)], { color });
    // with colour on, the only ESC sequences left are the SGR colours bouncedoc itself adds
    const withoutOwnColours = out.replace(/\u001b\[[0-9;]*m/g, '');
    assert.doesNotMatch(withoutOwnColours, UNSAFE, JSON.stringify(out));
    assert.match(out, /␛\]0;PWNED␇␛\[2J␛\[8mhidden␍\ufffdevil␀ user unknown/);
    if (!color) assert.doesNotMatch(out, /\u001b/);
  }
});

test('printable keeps the length, so spans into records stay right', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      const p = printable(s);
      assert.equal(p.length, s.length);
      assert.doesNotMatch(p, UNSAFE);
    }),
    { numRuns: 2000 },
  );
  assert.deepEqual(printableDeep({ a: [`x${ESC}`], n: 5, b: { c: '\u202e' } }), {
    a: ['x␛'],
    n: 5,
    b: { c: '\ufffd' },
  });
});

test('a megabyte Diagnostic-Code is cut in the text output, kept whole in JSON terms', () => {
  const long = `550 5.1.1 ${'5.1.1 '.repeat(200_000)}`;
  const out = formatText([report(long)], { color: false });
  assert.ok(out.length < MAX_SHOWN_CHARS + 2000, `${out.length} characters`);
  assert.match(out, new RegExp(`\\(${long.length - MAX_SHOWN_CHARS} more characters; --json shows all\\)`));
});

test('the address command output is terminal-safe', () => {
  const out = formatAddress(
    {
      input: `${ESC}[2Jx@y.example`,
      address: `${ESC}[2Jx@y.example`,
      valid: false,
      internationalized: false,
      domain: 'y.example',
      mail: 'not-checked',
      findings: [{ code: 'x', severity: 'error', message: `bad ${ESC}]0;t\u0007` }],
      summary: `not valid ${ESC}[2J`,
    } as never,
    false,
  );
  assert.doesNotMatch(out, UNSAFE);
});

test('hostile dates in the Sisimai output give a bounded result', () => {
  const r = report('550 5.1.1 user unknown');
  r.original = { date: `${' '.repeat(200_000)}x` };
  const [rec] = JSON.parse(formatSisimai([r])) as { timestamp: number }[];
  assert.equal(rec.timestamp, 0);
  r.original = { date: `Mon, 1 Jan 2024 00:00:00 +0000 ${'('.repeat(100_000)}(UTC)` };
  assert.ok(Number.isInteger((JSON.parse(formatSisimai([r])) as { timestamp: number }[])[0].timestamp));
  r.original = { date: 'Mon, 1 Jan 2024 00:00:00 +0000 (UTC)   ' };
  assert.equal((JSON.parse(formatSisimai([r])) as { timestamp: number }[])[0].timestamp, 1704067200);
});

test('trailing newlines are trimmed without a regex', () => {
  assert.equal(trimTrailingNewlines(`a\n${'\n'.repeat(100_000)}`), 'a');
  assert.equal(trimTrailingNewlines(`${'\n'.repeat(100_000)}x`), `${'\n'.repeat(100_000)}x`);
});
