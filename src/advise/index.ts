// PLACEHOLDER owned by the advise work: replaced by the real advice selection.
import type { Advice, Classification } from '../types.js';

export function advise(c: Classification): Advice {
  return { summary: `Delivery failed (${c.reason})`, steps: [], retry: { advised: c.bounceType === 'soft', when: '' } };
}
