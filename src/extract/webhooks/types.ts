// ESP webhook payloads (SES, SendGrid, Mailgun, Postmark, SparkPost, Mandrill) as input: each reader
// turns its ESP's JSON into the same Extraction a bounce e-mail gives, one RawRecipient per event.
import type { Extraction, RawRecipient } from '../../types.js';

/**
 * A recipient from a webhook, with the ESP's own label kept apart from the evidence. The label
 * ("Permanent", "HardBounce", "bounce_class 10"...) is what the ESP concluded; the classifier
 * reads the SMTP status and text, and only falls back on a reason derived from the label when the
 * payload carries neither (then `reasonHint` is set).
 */
export interface EspRecipient extends RawRecipient {
  /** the ESP's own classification, as written, e.g. "ses: Transient/General" */
  espLabel?: string;
  /**
   * Set when the payload holds neither the server's words nor an enhanced status (a bare reply
   * code at most): there is no server evidence of the cause, so the ESP's label decides the
   * bounce type (explain(): "Permanent" is hard, "Transient" soft), unless a reply code's class
   * contradicts it.
   */
  labelOnly?: true;
  /**
   * What the payload left out about the recipient, said in the result's note: an event without an
   * address is kept with an empty recipient (never dropped unseen), and an SES bounce that names
   * no bounced recipient gives the message's destinations.
   */
  espNote?: string;
}

export interface WebhookReader {
  /** short stable name, also the Extraction's format, e.g. "ses-webhook" */
  name: string;
  /** Does this parsed JSON look like this ESP's payload? */
  detect(json: unknown): boolean;
  /** The recipients of the payload; null when it holds no delivery event after all. */
  extract(json: unknown): Extraction | null;
}
