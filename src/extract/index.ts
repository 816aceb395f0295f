// The extract stage: a MailMessage -> an Extraction (kind, format, raw per-recipient fields).
import type { Extraction, FormatExtractor, MailMessage } from '../types.js';
import { extractArf } from './arf.js';
import { extractAutoreply } from './autoreply.js';
import { hasEvidenceTest } from './formats/evidence.js';
import { forwardedBounce } from './formats/forwarded-dsn.js';
import { formats as registered } from './formats/registry.js';
import { extractPlainNotice } from './plain-notice.js';
import { markReturnedBounces } from './returned-bounce.js';
import { extractRfc3464 } from './rfc3464.js';
import { extractUnsubscribe } from './unsubscribe.js';

export { extractArf } from './arf.js';
export { extractAutoreply } from './autoreply.js';
export { extractPlainNotice } from './plain-notice.js';
export { extractRfc3464, parseDeliveryStatus } from './rfc3464.js';
export { extractUnsubscribe } from './unsubscribe.js';

/** The readers of standard reports and of free text, tried after the formats, in this order. */
const GENERIC_READERS = [
  extractRfc3464,
  extractArf,
  extractUnsubscribe,
  extractAutoreply,
  extractPlainNotice,
] as const;

/**
 * Tries, in order: the registered formats whose hint() matches, the other registered formats,
 * then the generic RFC 3464 DSN, ARF (RFC 5965), unsubscribe-request and auto-reply (RFC 3834) readers,
 * and last the free-text notice from a mailer daemon that no reader above understood. The first
 * extraction with at least one recipient wins; otherwise the message is not a bounce.
 */
export function extract(msg: MailMessage, formats: readonly FormatExtractor[] = registered): Extraction {
  return extractAt(msg, formats, 0);
}

/** Forwards of forwards read at most: a person's forward of a colleague's forward of a bounce. */
const MAX_FORWARD_DEPTH = 3;

function extractAt(msg: MailMessage, formats: readonly FormatExtractor[], depth: number): Extraction {
  // A bounce a person forwarded (as an attachment, or inline under a forward separator) is read
  // as the bounce itself: its recipients, and the message it returns as the original.
  const forwarded = depth < MAX_FORWARD_DEPTH ? forwardedBounce(msg) : undefined;
  if (forwarded) {
    const inner = extractAt(forwarded, formats, depth + 1);
    if (inner.recipients.length > 0 && (inner.kind === 'bounce' || inner.kind === 'delay'))
      return { ...inner, format: 'forwarded-dsn' };
  }
  const ex = extractFormat(msg, formats);
  if (ex) return markReturnedBounces(ex);
  for (const generic of GENERIC_READERS) {
    const ex = generic(msg);
    if (ex && ex.recipients.length > 0) return markReturnedBounces(ex);
  }
  return { kind: 'not-bounce', format: 'none', recipients: [] };
}

/**
 * The first of `formats` that finds recipients in the message: those whose hint() matches first,
 * then the others, each group in the given order. A format whose evidence() says that the message
 * lacks what its parse needs is not tried, and its hint is not asked: its extract() could find
 * nothing, so leaving it out changes no answer (and on most messages leaves few formats to try).
 */
export function extractFormat(msg: MailMessage, formats: readonly FormatExtractor[]): Extraction | null {
  const later: FormatExtractor[] = [];
  for (const f of formats) {
    if (!safeEvidence(f, msg)) continue;
    if (!safeHint(f, msg)) later.push(f);
    else {
      const ex = safeExtract(f, msg);
      if (ex && ex.recipients.length > 0) return ex;
    }
  }
  for (const f of later) {
    const ex = safeExtract(f, msg);
    if (ex && ex.recipients.length > 0) return ex;
  }
  return null;
}

// A format extractor's bug must not take the whole run down: a throwing extractor is skipped
// (the error is reported on stderr only when BOUNCEDOC_DEBUG is set, to keep output clean).
// A throwing evidence() is no evidence against the format: it is tried.
function safeEvidence(f: FormatExtractor, msg: MailMessage): boolean {
  if (!hasEvidenceTest(f)) return true;
  try {
    return f.evidence(msg);
  } catch (err) {
    debug(f.name, err);
    return true;
  }
}

function safeHint(f: FormatExtractor, msg: MailMessage): boolean {
  try {
    return f.hint(msg);
  } catch (err) {
    debug(f.name, err);
    return false;
  }
}

function safeExtract(f: FormatExtractor, msg: MailMessage): Extraction | null {
  try {
    return f.extract(msg);
  } catch (err) {
    debug(f.name, err);
    return null;
  }
}

function debug(name: string, err: unknown): void {
  if (typeof process !== 'undefined' && process.env.BOUNCEDOC_DEBUG)
    process.stderr.write(`bouncedoc: format ${name} failed: ${String(err)}\n`);
}
