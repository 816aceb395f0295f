// Automatic unsubscribe requests: a mail client answering a List-Unsubscribe mailto: link (RFC 2369
// section 3.2) on the user's behalf, e.g. Apple Mail's "Unsubscribe" button, which sends a message
// with Auto-Submitted set and marks it X-Apple-Unsubscribe: true. These are opt-outs, reported as
// feedback with the ARF feedback type "opt-out" (RFC 5965 section 7.3 registry), not as auto-replies.
import { headerValue } from '../read/index.js';
import type { Extraction, MailMessage } from '../types.js';
import { findAddress } from './fields.js';

export function extractUnsubscribe(msg: MailMessage): Extraction | null {
  const apple = (headerValue(msg.headers, 'x-apple-unsubscribe') ?? '').toLowerCase() === 'true';
  const automatic = (headerValue(msg.headers, 'auto-submitted') ?? 'no').toLowerCase() !== 'no';
  const subject = (headerValue(msg.headers, 'subject') ?? '').trim().toLowerCase();
  if (!apple && !(automatic && subject === 'unsubscribe')) return null;
  const from = findAddress(headerValue(msg.headers, 'from') ?? '');
  if (!from) return null;
  return {
    kind: 'feedback',
    format: 'unsubscribe',
    recipients: [{ recipient: from, feedbackType: 'opt-out', reasonHint: 'feedback' }],
  };
}
