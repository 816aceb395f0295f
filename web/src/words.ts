// Plain words for the result fields, for people who never read an RFC.
import type { Diagnosis } from '../../src/types.js';

export const BOUNCE_TYPE_WORDS: Record<string, { label: string; detail: string }> = {
  hard: {
    label: 'Dead address',
    detail: 'Remove this address from your list: mail to it will never arrive.',
  },
  soft: {
    label: 'Temporary',
    detail: 'A temporary problem: the address is fine. The retry line says whether to send again, and when.',
  },
  block: {
    label: 'Blocked',
    detail:
      'Keep the address: the mail was refused because of the sender or the message. Fix the cause, then send again.',
  },
};

export const PARTY_WORDS: Record<string, string> = {
  recipient: 'The recipient (or their mail administrator) has to act.',
  sender: "The sender's mail setup (DNS, server, sending service) has to change.",
  content: 'The message itself has to change.',
  none: 'Nobody has to act: wait for the retry.',
};

/** How sure a root cause is (Diagnosis.confidence). */
export const CONFIDENCE_WORDS: Record<
  NonNullable<Diagnosis['confidence']>,
  { label: string; detail: string }
> = {
  confirmed: {
    label: 'Confirmed',
    detail: 'The evidence this cause needs was checked: DNS answered, or the headers or the reply show it.',
  },
  likely: {
    label: 'Likely',
    detail:
      'Inferred, not confirmed: the evidence that would confirm it could not be checked or was not found (see "Not checked").',
  },
};

export const CATEGORY_WORDS: Record<string, string> = {
  'recipient-domain': 'Recipient domain',
  'recipient-address': 'Recipient address',
  'recipient-restricted': 'Recipient refuses this sender',
  'mailbox-full': 'Mailbox full',
  'content-blocked': 'Content blocked',
  authentication: 'Authentication (SPF/DKIM/DMARC)',
  'sender-blocked': 'Sender blocked',
  'rate-limited': 'Rate limited',
  'message-rejected': 'Message rejected',
  temporary: 'Temporary fault',
  unknown: 'Unknown',
};

export const VERDICT_WORDS: Record<string, string> = {
  ok: 'All good',
  warnings: 'Works, with warnings',
  errors: 'Broken',
  'could-not-check': 'Could not check (DNS did not answer)',
  missing: 'Missing',
};
