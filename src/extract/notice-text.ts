// The server's reply as quoted in a notice's human-readable text. RFC 3464 section 2.1 makes the first
// part of a report human-readable; many MTAs quote the remote server's reply there ("<addr>: host
// mx said: 550 5.1.1 ...", a sendmail session transcript) but leave Diagnostic-Code out of the
// machine-readable part, or give a local mailer's exit code there (X-Unix; 77).
import type { SmtpCommand } from '../types.js';
import { findSmtpCommand } from './fields.js';

/**
 * An SMTP reply inside a line: a code after start, space, colon or bracket, then space/hyphen and
 * text, or alone at the end of the line (sendmail: "<addr>... Deferred: 421").
 */
const REPLY = /(?:^|[\s:;(<>])([245]\d\d)(?:[ -](?=[245]\.\d{1,3}\.\d{1,3}\b|[A-Za-z<"'#[(])|\s*$)/;

const MAX_LINES = 2000;

export interface NoticeReply {
  replyCode: string;
  /** the reply from its code on, with Postfix-style indented continuation lines joined */
  text: string;
}

/**
 * A notice text prepared for look-ups of several recipients: its lower-cased copy and its lines are
 * made on first use and then shared by every look-up.
 */
export interface Notice {
  readonly text: string;
  lower?: string;
  lines?: readonly string[];
  lowLines?: readonly string[];
}

export function notice(text: string): Notice {
  return { text };
}

function asNotice(text: string | Notice): Notice {
  return typeof text === 'string' ? { text } : text;
}

/** The notice lower-cased as a whole: a cheap first test of whether any line names an address. */
function lowerText(n: Notice): string {
  n.lower ??= n.text.toLowerCase();
  return n.lower;
}

/** The lines of a notice (at most MAX_LINES). */
function noticeLines(n: Notice): readonly string[] {
  n.lines ??= n.text.split(/\r?\n/, MAX_LINES);
  return n.lines;
}

/** The lines lower-cased, each at the same index as in noticeLines. */
function lowerLines(n: Notice): readonly string[] {
  n.lowLines ??= noticeLines(n).map((l) => l.toLowerCase());
  return n.lowLines;
}

/**
 * Does some line of the notice name `needle` (lower case)? No line does when the whole lower-cased
 * text does not hold it (an address holds no line break), which spares most texts the line split.
 */
function mayName(n: Notice, needle: string): boolean {
  return needle !== '' && lowerText(n).includes(needle);
}

/**
 * The SMTP stage the notice names (findSmtpCommand). Every stage phrase holds "reply", "after" or
 * "refused" (ASCII letters, matched case-insensitively), so when a look-up has lower-cased the text
 * already, three plain searches rule most notices out; otherwise findSmtpCommand checks by itself.
 */
export function findNoticeStage(n: Notice): SmtpCommand {
  const low = n.lower;
  if (low !== undefined && !low.includes('reply') && !low.includes('after') && !low.includes('refused'))
    return '';
  return findSmtpCommand(n.text);
}

/**
 * Finds the reply for `recipient` in the notice text: the first line naming the recipient that holds
 * a reply code; when the notice is about one recipient only (`single`), the last line of the text that
 * starts with a reply code (the final reply of a session transcript) will do.
 */
export function findNoticeReply(
  text: string | Notice,
  recipient: string,
  single: boolean,
): NoticeReply | undefined {
  const n = asNotice(text);
  const needle = recipient.toLowerCase();
  if (mayName(n, needle)) {
    const lines = noticeLines(n);
    const low = lowerLines(n);
    for (let i = 0; i < lines.length; i++) {
      if (!low[i].includes(needle)) continue;
      // Postfix folds the reply: the code may be on the naming line or the next indented ones.
      const joined = withContinuations(lines, i);
      const m = REPLY.exec(joined);
      if (m) return { replyCode: m[1], text: joined.slice(joined.indexOf(m[1], m.index)).trim() };
    }
  }
  if (!single) return undefined;
  const lines = noticeLines(n);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!mayStartWithReply(lines[i])) continue;
    const m = /^\s{0,8}([245]\d\d)[ -](?=[245]\.\d{1,3}\.\d{1,3}\b|[A-Za-z<"'])/.exec(lines[i]);
    if (m) return { replyCode: m[1], text: lines[i].trim() };
  }
  return undefined;
}

/**
 * Can the line start with a reply code, after white space? Not when its first character is printable
 * ASCII other than 2, 4 or 5 (no such character is white space): most lines are ruled out unread.
 */
function mayStartWithReply(line: string): boolean {
  const c = line.charCodeAt(0);
  return !(c > 32 && c < 127) || c === 50 || c === 52 || c === 53;
}

/**
 * The line and the indented lines that continue it, joined with single spaces (at most 20 lines);
 * each line cut to `max` characters when given.
 */
function withContinuations(lines: readonly string[], i: number, max = Number.POSITIVE_INFINITY): string {
  const part = (line: string) => (line.length > max ? line.slice(0, max) : line).trim();
  const parts = [part(lines[i])];
  for (let j = i + 1; j < lines.length && j < i + 20 && /^[ \t]+\S/.test(lines[j]); j++)
    parts.push(part(lines[j]));
  return parts.join(' ');
}

/** Longest part of a line that is read (a longer one is read cut to this, not left out). */
const MAX_LINE = 1000;

/**
 * The notice's own sentence about `recipient`, for reports that give neither Diagnostic-Code nor a
 * quoted reply: the first line (with its indented continuations) that names the recipient and says
 * something besides the address ("Your message wasn't delivered to <addr> because the address
 * couldn't be found.", sendmail's "<addr>... Deferred: Connection refused by mx"). Header-like lines
 * ("To: <addr>", delivery-status fields) are skipped: they name the address but say nothing about it.
 * '' when no such line.
 */
export function findNoticeLine(text: string | Notice, recipient: string): string {
  const n = asNotice(text);
  const needle = recipient.toLowerCase();
  if (!mayName(n, needle)) return '';
  const lines = noticeLines(n);
  const low = lowerLines(n);
  for (let i = 0; i < lines.length; i++) {
    if (!low[i].includes(needle)) continue;
    if (/^[ \t]*[A-Za-z][A-Za-z0-9-]{0,40}:[ \t]/.test(lines[i])) continue;
    const joined = withContinuations(lines, i, MAX_LINE);
    const rest = joined.toLowerCase().split(needle).join(' ');
    // At least two words of letters besides the address.
    if (/[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}/.test(rest)) return joined;
  }
  return '';
}
