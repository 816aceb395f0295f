// The report kind of a webhook batch, from its recipients.
import type { Extraction, RawRecipient, ReportKind } from '../../types.js';

/** All complaints: feedback; all delays: delay; anything else: bounce (mixed batches keep each action). */
export function kindOf(recipients: RawRecipient[]): ReportKind {
  if (recipients.length > 0 && recipients.every((r) => r.feedbackType)) return 'feedback';
  if (recipients.length > 0 && recipients.every((r) => r.action === 'delayed')) return 'delay';
  return 'bounce';
}

/** The Extraction of a batch of webhook events, or null when none was a delivery event. */
export function batchExtraction(format: string, recipients: RawRecipient[]): Extraction | null {
  if (recipients.length === 0) return null;
  return { kind: kindOf(recipients), format, recipients };
}
