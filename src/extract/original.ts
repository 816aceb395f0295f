// The returned original message: its header block and key fields.
import { headerValue, parseHeaderBlock, splitHeaderBlock } from '../read/index.js';
import { MAX_ORIGINAL_HEADERS_CHARS } from '../read/limits.js';
import type { MailMessage, OriginalSummary } from '../types.js';

export interface OriginalPart {
  summary: OriginalSummary;
  headers: string;
}

/** Reads the returned original message (message/rfc822, text/rfc822-headers...) when present. */
export function readOriginal(msg: MailMessage): OriginalPart | undefined {
  if (!msg.originalMessage) return undefined;
  const { head } = splitHeaderBlock(msg.originalMessage.replace(/^\s+/, ''));
  const headers = head.slice(0, MAX_ORIGINAL_HEADERS_CHARS);
  const fields = parseHeaderBlock(headers);
  if (fields.length === 0) return undefined;
  const summary: OriginalSummary = {};
  const set = (key: keyof OriginalSummary, name: string) => {
    const v = headerValue(fields, name);
    if (v) summary[key] = v;
  };
  set('from', 'from');
  set('to', 'to');
  set('subject', 'subject');
  set('messageId', 'message-id');
  set('date', 'date');
  return { summary, headers };
}
