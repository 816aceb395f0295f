// PLACEHOLDER owned by the classify work: replaced by the real classifier.
import type { Classification, ClassifyContext, RawRecipient } from '../types.js';

export function classify(raw: RawRecipient, _ctx: ClassifyContext): Classification {
  const status = raw.status ?? '';
  const permanent = status.startsWith('5') || (raw.replyCode ?? '').startsWith('5');
  return {
    reason: 'undefined',
    category: 'unknown',
    bounceType: permanent ? 'block' : 'soft',
    party: 'none',
    hardbounce: false,
    status,
    replyCode: raw.replyCode ?? '',
    evidence: ['placeholder classifier'],
  };
}
