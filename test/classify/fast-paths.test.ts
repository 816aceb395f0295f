// The shortcuts taken for speed must answer as the general paths do: a report's classification
// without evidence notes, the stage search's gate, the one-line join, the readings of a
// normalised status.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { classify } from '../../src/classify/index.js';
import { PHRASE_TABLES } from '../../src/classify/phrases/index.js';
import { PROVIDERS } from '../../src/classify/providers/index.js';
import { findSmtpCommand, joinReplyLines, STAGE_GATE, STAGE_PHRASES } from '../../src/classify/reply.js';
import {
  isAddressingCode,
  isGenericCode,
  isGenericStatus,
  normalStatus,
  parseStatus,
  STATUS_DETAILS,
  statusKey,
} from '../../src/classify/status.js';
import { reportFromExtraction } from '../../src/explain.js';
import type { ClassifyContext, RawRecipient, SmtpCommand } from '../../src/types.js';

const PHRASES = PHRASE_TABLES.flatMap((t) => t.phrases).map((p) =>
  typeof p.text === 'string' ? p.text : p.text.join(' '),
);
const MARKERS = PROVIDERS.flatMap((p) => p.markers);
const STAGES = STAGE_PHRASES.map(([phrase]) => phrase);

/** Words of bounces: phrases, markers, stage phrases (some upper-cased), codes, and noise. */
const word = fc.oneof(
  fc.constantFrom(...PHRASES, ...MARKERS),
  fc.constantFrom(...STAGES).map((s) => s.toUpperCase()),
  fc.constantFrom(...STAGES),
  fc.constantFrom(
    '550',
    '550-5.1.1',
    '421 4.7.0',
    '5.7.26',
    'X.X.XX',
    '\n550-',
    '  ',
    '\t',
    '\u2019',
    'İ',
    '\u212a',
  ),
  // stage words with letters whose lower case is ASCII: U+0130 (İ) and U+212A (Kelvin sign)
  fc.constantFrom('İN REPLY TO RCPT TO COMMAND', 'AFTER EHLO \u212a', 'after data:İ', '(STATE 14)'),
  fc.string({ maxLength: 6 }),
);
const bounceText = fc.array(word, { maxLength: 8 }).map((words) => words.join(' '));

const status = fc.constantFrom(
  '',
  '5.1.1',
  '4.7.0',
  '5.0.0',
  '5.7.26',
  '2.0.0',
  '5.2.2',
  '4.2.2',
  '5.01.001',
);
const command = fc.constantFrom<SmtpCommand | undefined>(undefined, 'RCPT', 'DATA', 'MAIL', 'EHLO', 'CONN');

const recipient: fc.Arbitrary<RawRecipient> = fc.record(
  {
    recipient: fc.constantFrom('a@example.com', 'b@gmail.com', 'c@outlook.com', ''),
    diagnosticCode: bounceText,
    status,
    replyCode: fc.constantFrom('', '550', '421', '525', 'abc'),
    smtpCommand: command,
    action: fc.constantFrom('failed', 'delayed', 'delivered', ''),
    remoteMta: fc.constantFrom('mx.google.com', 'mail.protection.outlook.com', 'mx.example.org'),
    reportingMta: fc.constantFrom('mta.example.net', 'mx.yahoo.com'),
  },
  { requiredKeys: ['recipient'] },
);
const context: fc.Arbitrary<ClassifyContext> = fc.record({
  kind: fc.constantFrom('bounce', 'delay', 'reply-text', 'feedback'),
  format: fc.constantFrom('rfc3464', 'exim', 'postfix', 'reply-text'),
}) as fc.Arbitrary<ClassifyContext>;

/** The same fields with their keys in another order, some of them left out: another object shape. */
const reshaped = fc
  .tuple(recipient, fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }), fc.boolean())
  .map(([raw, keep, reverse]) => {
    const entries = Object.entries(raw).filter((_, i) => i === 0 || keep[i]);
    if (reverse) entries.reverse();
    return Object.fromEntries(entries) as unknown as RawRecipient;
  });

describe('fast paths answer as the general paths', () => {
  it('a report reads every field of a recipient, whatever its shape', () => {
    fc.assert(
      fc.property(reshaped, context, fc.constantFrom('ses: Permanent', 'Transient'), (raw, ctx, label) => {
        const withAll = { ...raw, originalRecipient: 'o@example.com', lastAttemptDate: 'd', espLabel: label };
        for (const r of [
          raw,
          withAll,
          { ...raw, feedbackType: 'abuse' },
          { ...raw, reasonHint: 'suspend' as const },
        ]) {
          const [result] = reportFromExtraction({
            kind: ctx.kind,
            format: ctx.format,
            recipients: [r],
          }).results;
          const c = classify(r, ctx);
          assert.deepEqual(
            [result.reason, result.status, result.replyCode, result.provider, result.recipient],
            [c.reason, c.status, c.replyCode, c.provider, r.recipient],
          );
          for (const key of [
            'originalRecipient',
            'action',
            'smtpCommand',
            'remoteMta',
            'reportingMta',
          ] as const) {
            assert.equal(result[key], r[key] || undefined, key);
          }
          assert.equal(result.lastAttemptDate, r.lastAttemptDate);
          assert.equal(result.feedbackType, r.feedbackType);
          assert.equal(result.espLabel, r.espLabel);
          assert.equal(result.diagnosticCode === undefined, !r.diagnosticCode);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('classify without evidence gives the same classification', () => {
    fc.assert(
      fc.property(recipient, context, (raw, ctx) => {
        const full = classify(raw, ctx);
        assert.deepEqual(classify(raw, ctx, false), { ...full, evidence: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('findSmtpCommand gives the first stage phrase that occurs (gate or no gate)', () => {
    const naive = (text: string) =>
      STAGE_PHRASES.find(([phrase]) => text.toLowerCase().includes(phrase))?.[1];
    for (const phrase of STAGES) assert.ok(STAGE_GATE.test(phrase), phrase);
    // the gate scans the text before lower-casing (see STAGE_GATE)
    const literals = STAGE_GATE.source.replaceAll('\\', '').split('|');
    for (const literal of literals) assert.ok(!literal.includes('k') && !literal.endsWith('i'), literal);
    fc.assert(
      fc.property(bounceText, (text) => {
        assert.equal(findSmtpCommand(text), naive(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('a text of one line is joined as the line-by-line path joins it', () => {
    fc.assert(
      fc.property(bounceText, fc.constantFrom('', '550', '421'), (text, code) => {
        const line = text.replaceAll('\n', ' ');
        // a trailing line break sends the same words through the line-by-line path
        assert.equal(joinReplyLines(line, code), joinReplyLines(`${line}\n`, code));
      }),
      { numRuns: 1000 },
    );
  });

  it('parseStatus drops leading zeros as String(Number()) does', () => {
    const numbers = Array.from({ length: 1000 }, (_, n) => String(n));
    const digits = [
      ...numbers,
      ...numbers.map((n) => n.padStart(2, '0')),
      ...numbers.map((n) => n.padStart(3, '0')),
    ];
    for (const d of digits.filter((x) => x.length <= 3)) {
      const parsed = parseStatus(`5.${d}.${d}`);
      const n = String(Number(d));
      assert.equal(normalStatus(`5.${d}.${d}`), `5.${n}.${n}`, d);
      assert.equal(normalStatus(` 4.${d}.1`), parseStatus(` 4.${d}.1`)?.code, d);
      assert.deepEqual(parsed, { code: `5.${n}.${n}`, class: '5', subject: n, detail: n }, d);
    }
  });

  it('normalStatus answers as parseStatus', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\s?[0-9x.]{0,12}\s?$/), fc.string({ maxLength: 10 }), (code, noise) => {
        for (const c of [code, noise]) assert.equal(normalStatus(c), parseStatus(c)?.code ?? '', c);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a normalised status as parseStatus and isGenericStatus do', () => {
    const codes = [
      '',
      ...['2', '4', '5'].flatMap((k) =>
        [...Object.keys(STATUS_DETAILS), '10.0', '0.10'].map((d) => `${k}.${d}`),
      ),
    ];
    for (const code of codes) {
      const parsed = parseStatus(code);
      assert.equal(parsed?.code ?? '', code);
      assert.equal(statusKey(code), parsed ? `${parsed.subject}.${parsed.detail}` : '', code);
      assert.equal(isGenericCode(code), isGenericStatus(code), code);
      assert.equal(isAddressingCode(code), parsed?.subject === '1', code);
    }
  });
});
