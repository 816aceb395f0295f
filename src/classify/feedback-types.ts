// What a feedback report's Feedback-Type asks of the sender: the user-facing category, the bounce
// type (hard: suppress the address) and who must act. A data table.
//
// Source: RFC 5965 section 7.3 and IANA's "Feedback Report Type Values" registry: abuse, fraud,
// other, virus (RFC 5965), not-spam (RFC 6430), auth-failure (RFC 6591). "opt-out" is no registered
// type (it was in drafts of RFC 5965) but reports and unsubscribe requests still carry it.
//
// Only abuse and opt-out are complaints: the person asked not to get this mail, so the address is
// suppressed like a hard bounce. The other types report on the message, not on the wish of the
// person: not-spam says the opposite of a complaint (RFC 6430: "the message was incorrectly
// tagged or categorized as spam"), auth-failure is a failed SPF/DKIM/DMARC check (RFC 6591), virus
// and fraud are about the message's content or about mail sent in the sender's name. Suppressing
// the recipient for any of those would drop a person who did nothing.
import type { BounceType, Category, Party } from '../types.js';

export interface FeedbackProfile {
  category: Category;
  bounceType: BounceType;
  party: Party;
}

const COMPLAINT: FeedbackProfile = { category: 'recipient-restricted', bounceType: 'hard', party: 'sender' };

export const FEEDBACK_PROFILES: Readonly<Record<string, FeedbackProfile>> = {
  abuse: COMPLAINT,
  'opt-out': COMPLAINT,
  // phishing or other fraud: if the sender did not send it, someone sends in its domain's name
  fraud: { category: 'authentication', bounceType: 'block', party: 'sender' },
  virus: { category: 'content-blocked', bounceType: 'block', party: 'content' },
  'auth-failure': { category: 'authentication', bounceType: 'block', party: 'sender' },
  // nothing failed and nobody complained: no address to suppress and nothing to retry
  'not-spam': { category: 'unknown', bounceType: 'soft', party: 'none' },
  other: { category: 'unknown', bounceType: 'soft', party: 'none' },
};

/**
 * The feedback type a report is read as: its own when registered here; none given (an ESP's
 * complaint event without a type) is a complaint (abuse); an unknown one is read as "other" (RFC
 * 5965 7.3 leaves types open to registration), which suppresses no one.
 */
export function feedbackTypeOf(given: string | undefined): string {
  const type = (given ?? '').trim().toLowerCase();
  if (type === '') return 'abuse';
  return Object.hasOwn(FEEDBACK_PROFILES, type) ? type : 'other';
}
