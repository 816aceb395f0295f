// The advise stage: a classification -> the words a person reads (summary, steps, retry advice).
// The texts are data in texts.ts; this file only selects and adjusts them.

import { feedbackTypeOf } from '../classify/feedback-types.js';
import type { Advice, Classification, DeliveryStage, ReportKind } from '../types.js';
import {
  ADVICE_BY_DELIVERED_ACTION,
  ADVICE_BY_FEEDBACK_TYPE,
  ADVICE_BY_PROVIDER_CODE,
  ADVICE_BY_REASON,
  ADVICE_BY_REASON_STATUS,
  ADVICE_HELD_FOR_CONFIRMATION,
  ADVICE_LABEL_ONLY_HARD,
  ADVICE_RETURNED_BOUNCE,
  type AdviceStep,
  type AdviceText,
  FINAL_TEMPORARY_STEP,
  RETRY_BY_TYPE,
  RETRY_FINAL,
  TEMPORARY_LASTING_STEP,
} from './texts.js';

export type { DeliveryStage } from '../types.js';
export { ADVICE_BY_PROVIDER_CODE, ADVICE_BY_REASON, RETRY_BY_TYPE, RETRY_FINAL } from './texts.js';

/** What the report says about the delivery: needed to tell "the server retries" from "it gave up". */
export interface AdviceContext {
  kind: ReportKind;
  /** the recipient's RFC 3464 Action (failed, delayed, delivered, ...), when the report gives one */
  action?: string;
  /** a feedback report's Feedback-Type (RFC 5965), when the report gives one */
  feedbackType?: string;
  /** the failed message was itself a bounce, sent to a mail system's address (RawRecipient.returnedBounce) */
  returnedBounce?: true;
  /** a challenge-response notice: the message is held until the sender confirms (RawRecipient.heldForConfirmation) */
  heldForConfirmation?: true;
  /** RFC 3464 2.3.5 Will-Retry-Until: until when the sending server keeps trying */
  willRetryUntil?: string;
}

/**
 * The Actions that end the delivery. RFC 3464 section 2.3.3 defines "failed" (with delayed,
 * delivered, relayed, expanded); "expired" is no RFC 3464 value, but some sending servers write it
 * when the message's time in the queue ran out - the same final failure, so it is read as one.
 */
const FINAL_ACTIONS: ReadonlySet<string> = new Set(['failed', 'expired']);

/** Reasons that report no failed delivery: a bounce of a bounce is no matter for them. */
const NOT_FAILURES: ReadonlySet<string> = new Set(['delivered', 'feedback', 'vacation']);

/**
 * Where the delivery stands (see DeliveryStage): the one derivation of it. The advice below and
 * the outputs (Advice.stage) follow it. The Action decides before the report's kind: a delay notice
 * can carry a recipient whose delivery has ended, and a bounce one that is still being retried.
 */
export function deliveryStage(c: Classification, ctx?: AdviceContext): DeliveryStage {
  if (!ctx) return 'open';
  // A complaint or an auto-reply is about a message that was delivered: no delivery is retried or
  // given up, whatever Action an ESP's payload put beside it (complaint events come as "failed").
  if (c.reason === 'feedback' || c.reason === 'vacation') return 'open';
  const action = (ctx.action ?? '').toLowerCase();
  if (action === 'delayed') return 'retrying';
  if (FINAL_ACTIONS.has(action)) return 'final';
  if (ctx.kind === 'delay') return 'retrying';
  if (ctx.kind === 'bounce') return 'final';
  if (ctx.kind === 'reply-text' && (c.status[0] || c.replyCode[0]) === '5') return 'final';
  return 'open';
}

// The texts as Maps for the lookups: a plain object read with many different keys makes V8 fall
// back to a shared lookup cache that the rest of the pipeline keeps overwriting.
const BY_PROVIDER_CODE: ReadonlyMap<string, AdviceText> = new Map(Object.entries(ADVICE_BY_PROVIDER_CODE));
const BY_REASON: ReadonlyMap<string, AdviceText> = new Map(Object.entries(ADVICE_BY_REASON));
const BY_FEEDBACK_TYPE: ReadonlyMap<string, AdviceText> = new Map(Object.entries(ADVICE_BY_FEEDBACK_TYPE));
const BY_REASON_STATUS: ReadonlyMap<string, AdviceText> = new Map(Object.entries(ADVICE_BY_REASON_STATUS));
const BY_DELIVERED_ACTION: ReadonlyMap<string, AdviceText> = new Map(
  Object.entries(ADVICE_BY_DELIVERED_ACTION),
);

/** The advice for the reason with the status's subject.detail ("userunknown:1.3"), if any. */
function byReasonStatus(c: Classification): AdviceText | undefined {
  const dot = c.status.indexOf('.');
  return dot > 0 ? BY_REASON_STATUS.get(`${c.reason}:${c.status.slice(dot + 1)}`) : undefined;
}

export function advise(c: Classification, ctx?: AdviceContext): Advice {
  // a bounce of a bounce: whatever refused it, the fault is the bounce's non-null reverse-path
  if (ctx?.returnedBounce && !NOT_FAILURES.has(c.reason)) return fixedAdvice(ADVICE_RETURNED_BOUNCE, c, ctx);
  // a challenge-response notice: an auto-reply, but the message waits for the sender's confirmation
  if (ctx?.heldForConfirmation && c.reason === 'vacation')
    return fixedAdvice(ADVICE_HELD_FOR_CONFIRMATION, c, ctx);
  const byCode = c.providerCode ? BY_PROVIDER_CODE.get(c.providerCode) : undefined;
  const byReason =
    (c.reason === 'feedback' ? BY_FEEDBACK_TYPE.get(feedbackTypeOf(ctx?.feedbackType)) : undefined) ??
    (c.reason === 'delivered' ? BY_DELIVERED_ACTION.get((ctx?.action ?? '').toLowerCase()) : undefined) ??
    byReasonStatus(c) ??
    BY_REASON.get(c.reason);
  const base = byCode ?? byReason ?? ADVICE_BY_REASON.undefined;
  const stage = deliveryStage(c, ctx);
  // a lasting cause in a transient reply takes its transient words first (the stage's then apply)
  // (in a final bounce its retry advice is the given-up one below, not "the server retries")
  const said =
    base.transient && isTransient(c)
      ? { ...base, ...base.transient, ...(stage === 'final' ? { retry: undefined } : {}) }
      : base;
  const text =
    stage === 'final'
      ? { ...said, ...said.final }
      : stage === 'retrying'
        ? { ...said, ...said.delayed }
        : said;
  const steps: AdviceStep[] = [...text.steps];
  let retry: Advice['retry'] = text.retry ?? RETRY_BY_TYPE[c.bounceType];
  if (stage === 'final') {
    // The sending server has given up: a soft cause is no longer retried by anyone.
    if (c.bounceType === 'soft' && !text.retry) {
      const lasting = byReason !== undefined && isUsuallyLasting(c);
      retry = lasting ? RETRY_FINAL.lasting : RETRY_FINAL.soft;
      if (lasting) steps.push(FINAL_TEMPORARY_STEP);
    }
  } else if (c.bounceType === 'soft' && !text.retry && byReason && isUsuallyLasting(c)) {
    // A cause that is usually permanent but came with a transient (4xx) reply: the server asks
    // the sender to come back later, so the automatic retries may still succeed (RFC 5321 4.2.1).
    retry = RETRY_BY_TYPE.soft;
    steps.push(TEMPORARY_LASTING_STEP);
  }
  // the report says how long the server keeps trying (RFC 3464 2.3.5): that, not the usual days
  if (stage === 'retrying' && retry.advised && ctx?.willRetryUntil)
    retry = {
      advised: true,
      when: `No action needed now: the sending server retries by itself until ${ctx.willRetryUntil.trim()} (the report's Will-Retry-Until); if it gives up then, send again later.`,
    };
  // (copies: a caller may change its advice without changing the texts)
  return { summary: text.summary, ...publicSteps(steps), retry: { ...retry }, stage };
}

/** The steps as Advice gives them: the words, and beside them what each is about. */
function publicSteps(steps: readonly AdviceStep[]): Pick<Advice, 'steps' | 'stepTopics'> {
  return {
    steps: steps.map((s) => (typeof s === 'string' ? s : s.text)),
    stepTopics: steps.map((s) => (typeof s === 'string' ? null : s.topic)),
  };
}

/** A 4xx reply (or 4.x.x status): the receiver asks to try again (RFC 5321 4.2.1, RFC 3463 2). */
function isTransient(c: Classification): boolean {
  return c.status.startsWith('4') || (!c.status && c.replyCode.startsWith('4'));
}

function isUsuallyLasting(c: Classification): boolean {
  return (
    c.category !== 'rate-limited' &&
    (c.party === 'sender' || c.party === 'content' || c.category === 'recipient-address')
  );
}

/** The advice for a hard bounce that only the ESP's label calls permanent (see classify/esp-label.ts). */
export function adviseLabelOnlyHard(c: Classification, ctx?: AdviceContext): Advice {
  return fixedAdvice(ADVICE_LABEL_ONLY_HARD, c, ctx);
}

/** One text as it is, whatever the stage (which is still derived for the outputs). */
function fixedAdvice(t: AdviceText, c: Classification, ctx?: AdviceContext): Advice {
  return {
    summary: t.summary,
    ...publicSteps(t.steps),
    retry: { ...(t.retry ?? RETRY_BY_TYPE.hard) },
    stage: deliveryStage(c, ctx),
  };
}
