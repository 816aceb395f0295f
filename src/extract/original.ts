// The returned original message: its header block and key fields.

import { firstHeaderValues } from '../read/headers.js';
import { splitHeaderBlock } from '../read/index.js';
import { MAX_ORIGINAL_HEADERS_CHARS } from '../read/limits.js';
import type { MailMessage, OriginalSummary } from '../types.js';
import { recentMemo } from './memo.js';

export interface OriginalPart {
  summary: OriginalSummary;
  headers: string;
}

/** The summary fields and the header names they come from. */
const SUMMARY: readonly [keyof OriginalSummary, string][] = [
  ['from', 'from'],
  ['to', 'to'],
  ['subject', 'subject'],
  ['messageId', 'message-id'],
  ['date', 'date'],
];
const SUMMARY_NAMES = SUMMARY.map(([, name]) => name);

// The RFC 3464 reader and the format extractors may each ask for the same message's original:
// it is read once per message (keyed by the original's text, so a changed message is read again).
const cache = recentMemo<MailMessage, { text: string; part: OriginalPart | undefined }>();

/** Reads the returned original message (message/rfc822, text/rfc822-headers...) when present. */
export function readOriginal(msg: MailMessage): OriginalPart | undefined {
  if (!msg.originalMessage) return undefined;
  const cached = cache.get(msg);
  if (cached && cached.text === msg.originalMessage) return copy(cached.part);
  const part = read(msg.originalMessage);
  cache.set(msg, { text: msg.originalMessage, part });
  return copy(part);
}

/** A fresh summary object each time: callers put it into their Extraction and may change it. */
function copy(part: OriginalPart | undefined): OriginalPart | undefined {
  return part && { summary: { ...part.summary }, headers: part.headers };
}

function read(original: string): OriginalPart | undefined {
  // trimStart drops what /^\s+/ would (white space and line ends) without copying the text.
  const { head } = splitHeaderBlock(original.trimStart());
  const headers = head.slice(0, MAX_ORIGINAL_HEADERS_CHARS);
  // Only the five summary fields are read; the walk stops once it has them.
  const fields = firstHeaderValues(headers, SUMMARY_NAMES);
  if (!fields.hasFields) return undefined;
  const summary: OriginalSummary = {};
  for (const [key, name] of SUMMARY) {
    const v = fields.values.get(name);
    if (v) summary[key] = v;
  }
  return { summary, headers };
}
