// The returned original message: its header block and key fields.

import { firstHeaderValues } from '../read/headers.js';
import { splitHeaderBlock } from '../read/index.js';
import { MAX_ORIGINAL_HEADERS_CHARS } from '../read/limits.js';
import type { MailMessage, OriginalSummary } from '../types.js';
import { mentions } from './formats/notice-words.js';
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

/**
 * Reads the returned original message when present: a message/rfc822 or text/rfc822-headers part,
 * or else a copy inline in the notice's text after a line that announces it (see INLINE_COPY).
 */
export function readOriginal(msg: MailMessage): OriginalPart | undefined {
  const text = msg.originalMessage ?? msg.text;
  const cached = cache.get(msg);
  if (cached && cached.text === text) return copy(cached.part);
  const part = msg.originalMessage ? read(msg.originalMessage) : readInline(msg);
  cache.set(msg, { text, part });
  return copy(part);
}

/**
 * A line that announces a copy of the returned message inline in a text notice, as MTAs word it:
 * Exim ("------ This is a copy of the message, including all the headers. ------"), qmail ("---
 * Below this line is a copy of the message."), DragonFly ("Message headers follow."), IMail
 * ("Original message follows."), OpenSMTPD ("Below is a copy of the original message:"), Sendmail
 * ("----- Original message follows -----"). Case ignored; dashes around it optional.
 */
const INLINE_COPY =
  /^[ \t]*-*[ \t]*(?:this is a copy of (?:the|your) message|below this line is a copy of the message|below is a copy of the original message|the following is a copy of the message|(?:original )?message headers follow|original message follows|returned message follows|original message headers?)\b[^\n]{0,100}$/im;

/** The part a notice's inline copy is looked for in: what follows the notice comes within this. */
const MAX_INLINE_SCAN = 256 * 1024;

/**
 * Words that every wording INLINE_COPY matches holds one of (lower case): a text without any is
 * passed over, answered by the search of the notice's text for every format's words at once
 * (notice-words.ts), instead of the pattern's scan.
 */
const INLINE_COPY_WORDS = [
  'copy of the message',
  'copy of your message',
  'copy of the original message',
  'message headers follow',
  'original message follows',
  'returned message follows',
  'original message header',
];

/** The original inline in a notice's text: the header block after INLINE_COPY's line, if it holds fields. */
function readInline(msg: MailMessage): OriginalPart | undefined {
  if (!INLINE_COPY_WORDS.some((w) => mentions(msg, w))) return undefined;
  const text = msg.text.length > MAX_INLINE_SCAN ? msg.text.slice(0, MAX_INLINE_SCAN) : msg.text;
  const m = INLINE_COPY.exec(text);
  if (!m) return undefined;
  const part = read(text.slice(m.index + m[0].length));
  // a block that names none of the summary fields is no message's header block
  return part && Object.keys(part.summary).length > 0 ? part : undefined;
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
