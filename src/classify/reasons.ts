// What each reason means for the people involved: the user-facing category, the bounce type and
// who must act (DESIGN.md vocabulary). A data table; classify/index.ts adjusts the bounce type
// by the reply's class (a 4xx reply is transient by RFC 5321 section 4.2.1).
import type { BounceType, Category, Party, Reason } from '../types.js';

export interface ReasonProfile {
  category: Category;
  bounceType: BounceType;
  party: Party;
}

function r(category: Category, bounceType: BounceType, party: Party): ReasonProfile {
  return { category, bounceType, party };
}

export const REASON_PROFILES: Record<Reason, ReasonProfile> = {
  // The address or the domain is dead: suppress it.
  userunknown: r('recipient-address', 'hard', 'recipient'),
  hasmoved: r('recipient-address', 'hard', 'recipient'),
  suspend: r('recipient-address', 'hard', 'recipient'),
  hostunknown: r('recipient-domain', 'hard', 'recipient'),
  notaccept: r('recipient-domain', 'hard', 'recipient'),
  suppressed: r('recipient-address', 'hard', 'recipient'),
  // The mailbox exists but cannot take mail now (RFC 3463 X.2.2 is often sent as 5xx, yet a
  // mailbox that is emptied accepts mail again): retry later, do not suppress at once.
  mailboxfull: r('mailbox-full', 'soft', 'recipient'),
  // The mailbox exists but refuses this sender (the owner's filter, a group's restriction).
  filtered: r('recipient-restricted', 'block', 'recipient'),
  // The sender's setup or reputation.
  authfailure: r('authentication', 'block', 'sender'),
  securityerror: r('authentication', 'block', 'sender'),
  requireptr: r('sender-blocked', 'block', 'sender'),
  blocked: r('sender-blocked', 'block', 'sender'),
  badreputation: r('sender-blocked', 'block', 'sender'),
  rejected: r('sender-blocked', 'block', 'sender'),
  norelaying: r('sender-blocked', 'block', 'sender'),
  policyviolation: r('sender-blocked', 'block', 'sender'),
  failedstarttls: r('sender-blocked', 'block', 'sender'),
  syntaxerror: r('message-rejected', 'block', 'sender'),
  // The message itself.
  spamdetected: r('content-blocked', 'block', 'content'),
  virusdetected: r('content-blocked', 'block', 'content'),
  contenterror: r('message-rejected', 'block', 'content'),
  notcompliantrfc: r('message-rejected', 'block', 'content'),
  mesgtoobig: r('message-rejected', 'block', 'content'),
  exceedlimit: r('message-rejected', 'block', 'content'),
  // Rates: the sending server slows down and retries.
  speeding: r('rate-limited', 'soft', 'sender'),
  toomanyconn: r('rate-limited', 'soft', 'sender'),
  // Passing faults and given-up deliveries.
  expired: r('temporary', 'soft', 'none'),
  networkerror: r('temporary', 'soft', 'none'),
  systemerror: r('temporary', 'soft', 'none'),
  systemfull: r('temporary', 'soft', 'none'),
  mailererror: r('temporary', 'soft', 'none'),
  onhold: r('unknown', 'soft', 'none'),
  undefined: r('unknown', 'soft', 'none'),
  // Not failures.
  vacation: r('unknown', 'soft', 'none'),
  // A complaint (RFC 5965 abuse report): the person asked not to get this mail. Suppress the
  // address like a hard bounce (the store lists it as "complaint"); the sender must act.
  feedback: r('recipient-restricted', 'hard', 'sender'),
  delivered: r('unknown', 'soft', 'none'),
};

/**
 * Sisimai's pseudo status codes ("X.0.9NN"), used when a bounce names no enhanced status.
 * Source: the code table of go-sisimai (smtp/status, "Code"); the codes marked (c) are also
 * confirmed by the Sisimai corpus expectations. Sisimai gives a transient (4.0.9NN) variant of
 * each, except that a transient "filtered" is 4.0.924 (TRANSIENT_PSEUDO_DETAIL).
 */
export const PSEUDO_DETAIL: Partial<Record<Reason, string>> = {
  undefined: '900', // (c)
  onhold: '901', // (c)
  syntaxerror: '902',
  suppressed: '903',
  norelaying: '909', // (c)
  filtered: '910', // (c)
  userunknown: '911', // (c)
  hostunknown: '912', // (c)
  hasmoved: '916',
  rejected: '918', // (c)
  suspend: '921', // (c)
  mailboxfull: '922', // (c)
  exceedlimit: '923',
  authfailure: '926',
  systemerror: '930', // (c)
  systemfull: '931',
  notaccept: '932', // (c)
  mesgtoobig: '934', // (c)
  mailererror: '939', // (c)
  networkerror: '944', // (c)
  toomanyconn: '945',
  speeding: '946',
  expired: '947', // (c)
  contenterror: '960',
  securityerror: '970',
  blocked: '971', // (c)
  policyviolation: '972',
  requireptr: '973', // (c)
  notcompliantrfc: '974',
  badreputation: '975',
  failedstarttls: '976',
  spamdetected: '980', // (c)
  virusdetected: '981',
};

/** Where the transient pseudo code differs from the permanent one (go-sisimai's code table). */
export const TRANSIENT_PSEUDO_DETAIL: Partial<Record<Reason, string>> = {
  filtered: '924',
};

const PSEUDO_DETAILS: ReadonlySet<string> = new Set([
  '900',
  ...Object.values(PSEUDO_DETAIL),
  ...Object.values(TRANSIENT_PSEUDO_DETAIL),
]);

/**
 * Whether a status is one of the pseudo codes above, which classify() writes when a bounce names
 * no enhanced status ("5.0.947"): an inference, not a code the server sent. RFC 3463 and the IANA
 * registry of enhanced status codes define no X.0.9NN code, and on the Sisimai corpus every such
 * status is one classify() inferred (none was read from a bounce).
 */
export function isPseudoStatus(status: string): boolean {
  return /^[45]\.0\.9\d\d$/.test(status) && PSEUDO_DETAILS.has(status.slice(4));
}
