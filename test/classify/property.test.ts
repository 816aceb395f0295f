// classify never throws and always answers in the vocabulary, on any text; a pathological
// 1 MB line still classifies (every pattern is linear, texts are cut to a bounded length).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { classify } from '../../src/classify/index.js';
import { REASON_PROFILES } from '../../src/classify/reasons.js';
import { parseReplyText } from '../../src/classify/reply.js';
import type { Category } from '../../src/types.js';

const CATEGORIES: readonly Category[] = [
  'recipient-domain',
  'recipient-address',
  'recipient-restricted',
  'mailbox-full',
  'content-blocked',
  'authentication',
  'sender-blocked',
  'rate-limited',
  'message-rejected',
  'temporary',
  'unknown',
];

function check(text: string, status?: string, replyCode?: string): void {
  const parsed = parseReplyText(text);
  const c = classify(
    { recipient: 'a@example.com', diagnosticCode: text, status, replyCode, smtpCommand: parsed?.smtpCommand },
    { kind: 'bounce', format: 'test' },
  );
  assert.ok(CATEGORIES.includes(c.category), c.category);
  assert.ok(c.reason in REASON_PROFILES, c.reason);
  assert.ok(['hard', 'soft', 'block'].includes(c.bounceType));
  assert.match(c.status, /^(?:[245]\.\d{1,3}\.\d{1,3})?$/);
}

const replyish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc
    .tuple(
      fc.constantFrom('550', '421', '554-', '250 '),
      fc.constantFrom(' 5.1.1 ', '-4.7.0 ', ' x.x.xx ', ' '),
      fc.string(),
    )
    .map(([a, b, c]) => a + b + c),
);

describe('classify on arbitrary input', () => {
  it('never throws and answers in the vocabulary', () => {
    fc.assert(
      fc.property(
        replyish,
        fc.option(fc.string({ maxLength: 12 })),
        fc.option(fc.string({ maxLength: 4 })),
        (text, st, rc) => {
          check(text, st ?? undefined, rc ?? undefined);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('classifies 1 MB pathological lines', () => {
    const lines = [
      '550 '.repeat(262_144),
      `${'5.5.5.'.repeat(174_763)}`,
      `550-${'-'.repeat(1_048_576)}`,
      `${'a'.repeat(1_048_576)}@`,
      `said: ${'<'.repeat(1_048_576)}`,
      `SMTP error from remote mail server after ${'RCPT TO:<'.repeat(100_000)}`,
      `host ${'x'.repeat(1_048_576)}[`,
    ];
    for (const line of lines) check(line);
  });
});
