// PLACEHOLDER owned by the classify work: replaced by the real reply-text parser.
import type { SmtpCommand } from '../types.js';

/** A bare SMTP reply (single or multi-line, or inside a log line) taken apart. */
export interface ParsedReply {
  replyCode: string;
  status: string;
  /** the reply text, continuation lines joined with a space, codes removed */
  text: string;
  smtpCommand?: SmtpCommand;
  /** the recipient address when the text (e.g. a log line) names one */
  recipient?: string;
  remoteMta?: string;
}

/** Returns null when the text holds no SMTP reply. */
export function parseReplyText(text: string): ParsedReply | null {
  const m = /\b([245]\d\d)[ -]([245]\.\d{1,3}\.\d{1,3})?/.exec(text);
  if (!m) return null;
  return { replyCode: m[1], status: m[2] ?? '', text: text.trim() };
}
