// ESP webhook payloads as input: detectWebhook(text) turns a JSON body (or Mandrill's form-encoded
// mandrill_events=...) into an Extraction, or null when the text is no known ESP payload. Called by
// explain() before the MIME reader.
import type { Extraction } from '../../types.js';
import { mailgunWebhook } from './mailgun.js';
import { mandrillWebhook } from './mandrill.js';
import { postmarkWebhook } from './postmark.js';
import { sendgridWebhook } from './sendgrid.js';
import { sesWebhook } from './ses.js';
import { sparkpostWebhook } from './sparkpost.js';
import type { WebhookReader } from './types.js';

export type { EspRecipient, WebhookReader } from './types.js';

/** The readers, most specific shapes first (SES and Postmark are single objects with fixed keys). */
export const webhookReaders: readonly WebhookReader[] = [
  sesWebhook,
  postmarkWebhook,
  mailgunWebhook,
  sparkpostWebhook,
  mandrillWebhook,
  sendgridWebhook,
];

/** Largest webhook body parsed (ESPs batch events; SendGrid's batches stay well under this). */
export const MAX_WEBHOOK_BYTES = 16 * 1024 * 1024;

/** Parses the text as JSON (or a mandrill_events form body); undefined when it is neither. */
export function parseWebhookBody(text: string): unknown {
  if (text.length > MAX_WEBHOOK_BYTES) return undefined;
  const t = text.trim();
  if (t.startsWith('mandrill_events=')) {
    try {
      const value = new URLSearchParams(t).get('mandrill_events');
      return value ? { mandrill_events: JSON.parse(value) } : undefined;
    } catch {
      return undefined;
    }
  }
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

/** The Extraction of a webhook body, or null when the text is not a payload of a known ESP. */
export function detectWebhook(
  text: string,
  readers: readonly WebhookReader[] = webhookReaders,
): Extraction | null {
  const json = parseWebhookBody(text);
  if (json === undefined) return null;
  for (const reader of readers) {
    if (!safe(() => reader.detect(json), false)) continue;
    const ex = safe(() => reader.extract(json), null);
    if (ex && ex.recipients.length > 0) return ex;
  }
  return null;
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
