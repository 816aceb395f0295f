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
  parseStatus,
  STATUS_DETAILS,
  statusKey,
} from '../../src/classify/status.js';
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
  fc.constantFrom('550', '550-5.1.1', '421 4.7.0', '5.7.26', 'X.X.XX', '\n550-', '  ', '\t', '\u2019'),
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

describe('fast paths answer as the general paths', () => {
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
