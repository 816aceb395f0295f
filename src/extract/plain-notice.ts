// The last resort for a bounce in free text that no format reader knows: a notice from a system
// sender (mailer-daemon, postmaster) whose Subject says the mail was returned, and whose text names
// the failed address in a sentence ("User's mailbox is full: <addr>", "Did not reach the following
// recipient: addr"). RFC 3462/3464 ask for a machine-readable report; old and home-grown MTAs send
// only such prose (RFC 1123 5.3.3 merely requires that a notification be sent). Both the sender and
// the subject must look like a bounce, so ordinary mail that quotes an address is left alone.
import { headerValue } from '../read/index.js';
import { MAX_RECIPIENTS } from '../read/limits.js';
import type { Extraction, MailMessage, RawRecipient } from '../types.js';
import { findAddress, findSmtpCommand } from './fields.js';
import { readOriginal } from './original.js';

/** Local parts that system senders of delivery notices use (RFC 5321 4.5.1 postmaster, MTA daemons). */
const SYSTEM_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|mdaemon|mail\.daemon)@/i;

/** Subjects of delivery-failure notices, as MTAs write them (English; the common fixed wordings). */
const BOUNCE_SUBJECT =
  /^\s*(?:returned mail|undeliver(?:able|ed)|delivery (?:status notification|failure|failed|problem)|failure notice|mail delivery (?:failed|failure|system)|non[- ]?delivery|mail system error|message not delivered|could not send message)/i;

/** Words that say a sentence is about a failure, not just an address in passing. */
const FAILURE_WORDS =
  /\b(?:fail(?:ed|ure)?|unable|could ?not|couldn't|cannot|not reach|undeliver\w*|reject\w*|unknown|full|not found|no such|denied|refused|invalid|disabled|discontinued|suspended|inactive|quota|blocked|expired|error|doesn't have|does not (?:exist|have)|no longer)\b/i;

const MAX_LINES = 2000;
/**
 * Longest part of a line that is read: a reply is a few hundred characters, and what names the
 * address and the failure comes first. A longer line is read cut to this (skipping it turned a
 * bounce with one long reply line into "not a bounce").
 */
const MAX_LINE = 1000;
const cut = (line: string) => (line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line);

export function extractPlainNotice(msg: MailMessage): Extraction | null {
  const from = findAddress(headerValue(msg.headers, 'from') ?? '');
  const subject = headerValue(msg.headers, 'subject') ?? '';
  if (!SYSTEM_SENDER.test(from) || !BOUNCE_SUBJECT.test(subject)) return null;

  // The notice's own addresses (sender, receiver of the notice) are not failed recipients.
  const own = new Set(
    ['from', 'to', 'return-path'].map((n) => findAddress(headerValue(msg.headers, n) ?? '').toLowerCase()),
  );
  const recipients: RawRecipient[] = [];
  const seen = new Set<string>();
  for (const whole of msg.text.split(/\r?\n/, MAX_LINES)) {
    if (!whole.includes('@')) continue;
    const line = cut(whole);
    // "To: <addr>" and the like belong to a quoted header block, not to the notice's sentence.
    if (/^[ \t]*[A-Za-z][A-Za-z0-9-]{0,40}:[ \t]/.test(line)) continue;
    if (!FAILURE_WORDS.test(line)) continue;
    const address = findAddress(line);
    const key = address.toLowerCase();
    if (!address || own.has(key) || seen.has(key)) continue;
    seen.add(key);
    const r: RawRecipient = { recipient: address, diagnosticCode: line.trim() };
    const stage = findSmtpCommand(line);
    if (stage) r.smtpCommand = stage;
    recipients.push(r);
    if (recipients.length >= MAX_RECIPIENTS) break;
  }
  if (recipients.length === 0) {
    // No sentence names an address, but the notice quotes the server's reply ("550 5.1.1 user
    // unknown"): one result for the unnamed recipient, so the reply is still explained.
    const reply = quotedReply(msg.text);
    if (!reply) return null;
    recipients.push(reply);
  }
  const ex: Extraction = { kind: 'bounce', format: 'plain-notice', recipients };
  const original = readOriginal(msg);
  if (original) {
    ex.original = original.summary;
    ex.originalHeaders = original.headers;
  }
  return ex;
}

const REPLY_LINE = /^[ \t]{0,8}([45][0-5]\d)[ -](?:([45]\.\d{1,3}\.\d{1,3})(?=\s))?/;

/** The first line that is an SMTP failure reply (RFC 5321 §4.2), as a recipient whose address is not named. */
function quotedReply(text: string): RawRecipient | undefined {
  for (const whole of text.split(/\r?\n/, MAX_LINES)) {
    const line = cut(whole);
    const m = REPLY_LINE.exec(line);
    if (!m) continue;
    const r: RawRecipient = { recipient: findAddress(line), diagnosticCode: line.trim(), replyCode: m[1] };
    if (m[2]) r.status = m[2];
    return r;
  }
  return undefined;
}
