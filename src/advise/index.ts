// The advise stage: a classification -> the words a person reads (summary, steps, retry advice).
// The texts are data in texts.ts; this file only selects and adjusts them.
import type { Advice, Classification } from '../types.js';
import { ADVICE_BY_PROVIDER_CODE, ADVICE_BY_REASON, type AdviceText, RETRY_BY_TYPE } from './texts.js';

export { ADVICE_BY_PROVIDER_CODE, ADVICE_BY_REASON, RETRY_BY_TYPE } from './texts.js';

// The texts as Maps for the lookups: a plain object read with many different keys makes V8 fall
// back to a shared lookup cache that the rest of the pipeline keeps overwriting.
const BY_PROVIDER_CODE: ReadonlyMap<string, AdviceText> = new Map(Object.entries(ADVICE_BY_PROVIDER_CODE));
const BY_REASON: ReadonlyMap<string, AdviceText> = new Map(Object.entries(ADVICE_BY_REASON));

export function advise(c: Classification): Advice {
  const byCode = c.providerCode ? BY_PROVIDER_CODE.get(c.providerCode) : undefined;
  const byReason = BY_REASON.get(c.reason);
  const text = byCode ?? byReason ?? ADVICE_BY_REASON.undefined;
  const steps = [...text.steps];
  let retry: Advice['retry'] = text.retry ?? RETRY_BY_TYPE[c.bounceType];
  // A cause that is usually permanent but came with a transient (4xx) reply: the server asks the
  // sender to come back later, so the automatic retries may still succeed (RFC 5321 4.2.1).
  if (c.bounceType === 'soft' && !text.retry && byReason && isUsuallyLasting(c)) {
    retry = RETRY_BY_TYPE.soft;
    steps.push(
      'The server answered with a temporary (4xx) code: if the cause is fixed while it retries, the message still gets through.',
    );
  }
  // (copies: a caller may change its advice without changing the texts)
  return { summary: text.summary, steps, retry: { ...retry } };
}

function isUsuallyLasting(c: Classification): boolean {
  return (
    c.category !== 'rate-limited' &&
    (c.party === 'sender' || c.party === 'content' || c.category === 'recipient-address')
  );
}
