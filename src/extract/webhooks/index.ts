// ESP webhook payloads as input: detectWebhook(text) turns a JSON body (or Mandrill's form-encoded
// mandrill_events=...) into an Extraction, or null when the text is no known ESP payload. Called by
// explain() before the MIME reader.
import { looksLikeJsonDocument } from '../../read/json-body.js';
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

/** Each reader's ESP as a person knows it, in the order README names them. */
export const ESP_NAMES: Readonly<Record<string, string>> = {
  'ses-webhook': 'Amazon SES (SNS)',
  'sendgrid-webhook': 'SendGrid',
  'mailgun-webhook': 'Mailgun',
  'postmark-webhook': 'Postmark',
  'sparkpost-webhook': 'SparkPost',
  'mandrill-webhook': 'Mandrill',
};

/** Largest webhook body parsed (ESPs batch events; SendGrid's batches stay well under this). */
export const MAX_WEBHOOK_BYTES = 16 * 1024 * 1024;

/** What a text is as a webhook body. */
export type WebhookReading =
  /** a payload of a known ESP with at least one delivery event */
  | { type: 'extraction'; extraction: Extraction }
  /**
   * a well-formed JSON object or array that gives no delivery event: `esp` names the reader that
   * knew its shape (a SendGrid batch of opens and clicks), absent when no reader did
   */
  | { type: 'json'; esp?: string }
  /** a body that looks like JSON (or mandrill_events=...) but is longer than MAX_WEBHOOK_BYTES */
  | { type: 'too-large'; length: number }
  /** no JSON document (or a bare JSON string, number...): the caller reads it as reply text */
  | { type: 'none' };

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

/** Reads the text as a webhook body: the Extraction of a known ESP's payload, or what the text is. */
export function readWebhook(
  text: string,
  readers: readonly WebhookReader[] = webhookReaders,
): WebhookReading {
  if (text.length > MAX_WEBHOOK_BYTES) {
    return looksLikeJsonDocument(text) ? { type: 'too-large', length: text.length } : { type: 'none' };
  }
  const json = parseWebhookBody(text);
  if (typeof json !== 'object' || json === null) return { type: 'none' };
  let esp: string | undefined;
  for (const reader of readers) {
    if (!safe(() => reader.detect(json), false)) continue;
    esp ??= reader.name;
    const ex = safe(() => reader.extract(json), null);
    if (ex && ex.recipients.length > 0) return { type: 'extraction', extraction: ex };
  }
  return esp ? { type: 'json', esp } : { type: 'json' };
}

/** The Extraction of a webhook body, or null when the text is not a payload of a known ESP. */
export function detectWebhook(
  text: string,
  readers: readonly WebhookReader[] = webhookReaders,
): Extraction | null {
  const reading = readWebhook(text, readers);
  return reading.type === 'extraction' ? reading.extraction : null;
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
