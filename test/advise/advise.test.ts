import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ADVICE_BY_PROVIDER_CODE,
  ADVICE_BY_REASON,
  type AdviceContext,
  advise,
} from '../../src/advise/index.js';
import type { AdviceStep } from '../../src/advise/texts.js';
import { classify } from '../../src/classify/index.js';
import { REASON_PROFILES } from '../../src/classify/reasons.js';
import type { Classification, Reason } from '../../src/types.js';

function fake(reason: Reason, extra: Partial<Classification> = {}): Classification {
  const p = REASON_PROFILES[reason];
  return {
    reason,
    category: p.category,
    bounceType: p.bounceType,
    party: p.party,
    hardbounce: false,
    status: '',
    replyCode: '',
    evidence: [],
    ...extra,
  };
}

describe('advise', () => {
  it('has a summary and steps for every reason', () => {
    for (const reason of Object.keys(REASON_PROFILES) as Reason[]) {
      const a = advise(fake(reason));
      assert.ok(a.summary.length > 10, reason);
      assert.ok(a.steps.length > 0, reason);
      assert.ok(a.retry.when.length > 10, reason);
      assert.ok(ADVICE_BY_REASON[reason], reason);
    }
  });

  it('hard: suppress, never retry', () => {
    const a = advise(fake('userunknown'));
    assert.equal(a.summary, "The recipient's address does not exist");
    assert.equal(a.retry.advised, false);
    assert.match(a.retry.when, /Remove it/);
  });

  it('soft: the sending server retries by itself for days (RFC 5321 4.5.4.1)', () => {
    const a = advise(fake('mailboxfull'));
    assert.equal(a.retry.advised, true);
    assert.match(a.retry.when, /4-5 days/);
  });

  it('block: keep the address, fix the cause, then resend', () => {
    const a = advise(fake('blocked'));
    assert.equal(a.retry.advised, false);
    assert.match(a.retry.when, /Keep the address/);
  });

  it('a usually lasting cause with a 4xx reply still gets retried automatically', () => {
    const a = advise(fake('blocked', { bounceType: 'soft' }));
    assert.equal(a.retry.advised, true);
    assert.ok(a.steps.some((s) => s.includes('temporary (4xx)')));
  });

  it('provider codes get their own advice', () => {
    const c = classify(
      {
        recipient: 'a@hotmail.com',
        diagnosticCode: "550 5.7.1 Unfortunately, messages from [203.0.113.1] weren't sent. (S3140)",
        remoteMta: 'x.olc.protection.outlook.com',
      },
      { kind: 'bounce', format: 'test' },
    );
    const a = advise(c);
    assert.equal(a.summary, ADVICE_BY_PROVIDER_CODE.S3140.summary);
    assert.equal(a.retry.advised, false);
    const tss04 = advise(
      classify(
        {
          recipient: 'a@yahoo.com',
          diagnosticCode: '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred',
        },
        { kind: 'bounce', format: 'test' },
      ),
    );
    assert.equal(tss04.summary, ADVICE_BY_PROVIDER_CODE.TSS04.summary);
    assert.equal(tss04.retry.advised, true);
  });

  it('gives each step its topic, or null, beside it', () => {
    const contexts: (AdviceContext | undefined)[] = [
      undefined,
      { kind: 'bounce', action: 'failed' },
      { kind: 'delay', action: 'delayed' },
    ];
    for (const reason of Object.keys(REASON_PROFILES) as Reason[]) {
      for (const ctx of contexts) {
        const a = advise(fake(reason), ctx);
        assert.equal(a.stepTopics.length, a.steps.length, reason);
      }
    }
    assert.deepEqual(advise(fake('authfailure')).stepTopics, ['spf', 'dkim', 'free-mail-from', 'run-check']);
  });

  it('a step in the texts that names SPF, DKIM, free mail or `bouncedoc check` carries its topic', () => {
    // A reminder for a new text: an untagged step is one the diagnosis cannot leave out.
    const all = [...Object.values(ADVICE_BY_REASON), ...Object.values(ADVICE_BY_PROVIDER_CODE)];
    const steps: AdviceStep[] = all.flatMap((t) => [
      ...t.steps,
      ...(t.final?.steps ?? []),
      ...(t.delayed?.steps ?? []),
    ]);
    for (const s of steps) {
      if (typeof s === 'string') assert.doesNotMatch(s, /\b(?:SPF|DKIM)\b|free mail|bouncedoc check/i);
    }
  });
});
