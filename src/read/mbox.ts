// mbox (RFC 4155 "default" format) -> the messages it holds. Messages start at a "From " line at
// the start of the file or after an empty line; ">From " quoting (mboxrd) is undone. A file that
// does not start with a separator is one message. Never drops a message: every separator starts one.
//
// A separator is what mbox writers put there (RFC 4155 appendix A: "From ", the envelope sender,
// a timestamp in asctime format): an address-like token ("MAILER-DAEMON", "jane@example.org",
// "-", "<>") and a date ("Wed Mar  5 08:00:00 2025"; lenient: "Thu, 3 Dec 2026 10:00:00 +0000",
// "2026-12-03 10:00:00"). A body line that an mboxo writer left unescaped ("From the team: ...")
// names no date, and is kept as a line of its message.

/** The envelope sender: an address, a bare name (MAILER-DAEMON), "-" or "<>"; no spaces. */
const SENDER_TOKEN = /^(?:[^\s@<>]{1,256}@[^\s@<>]{1,256}|<[^\s<>]{0,512}>|[A-Za-z0-9._%+=-]{1,256})$/;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?';
/**
 * An asctime-like date at the start of the text after the sender: a weekday (optional), the month
 * and day in either order (the year may come between), and a time; or an ISO 8601 date and time.
 */
const SEPARATOR_DATE = new RegExp(
  `^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\\.?,?\\s+)?(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH})(?:,?\\s+\\d{4})?,?\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?!\\d)` +
    '|^\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}',
  'i',
);

/** Is this line an mbox separator: "From ", an address-like token, a date? */
export function isSeparator(line: string): boolean {
  if (!line.startsWith('From ')) return false;
  const rest = line.slice(5).trimStart();
  const space = rest.search(/[ \t]/);
  if (space < 0) return false;
  return SENDER_TOKEN.test(rest.slice(0, space)) && SEPARATOR_DATE.test(rest.slice(space).trimStart());
}

/** Splits mbox text into message texts (without their "From " separator lines). */
export function splitMbox(text: string): string[] {
  if (!looksLikeMbox(text)) return text.trim() === '' ? [] : [text];
  const messages: string[] = [];
  const lines = text.split(/\r?\n/);
  let current: string[] | null = null;
  let previousEmpty = true;
  for (const line of lines) {
    if (previousEmpty && isSeparator(line)) {
      if (current) messages.push(finish(current));
      current = [];
      previousEmpty = false;
      continue;
    }
    current?.push(unquote(line));
    previousEmpty = line === '';
  }
  if (current) messages.push(finish(current));
  return messages;
}

/**
 * The messages of an mbox given as bytes, each with its own bytes unchanged (the file is split as
 * latin1, one char per byte); bytes that are no mbox are one message.
 */
export function splitMboxBytes(bytes: Uint8Array): Uint8Array[] {
  const latin1 = new TextDecoder('latin1');
  if (!looksLikeMbox(latin1.decode(bytes.subarray(0, MAX_SEPARATOR)))) return [bytes];
  return splitMbox(latin1.decode(bytes)).map(latin1Bytes);
}

function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** The longest first line read as a separator. */
const MAX_SEPARATOR = 1024;

/** Does this text look like an mbox file (rather than one message): does it start with a separator? */
export function looksLikeMbox(text: string): boolean {
  if (!text.startsWith('From ')) return false;
  const end = text.indexOf('\n');
  const first = text.slice(0, end < 0 ? Math.min(text.length, MAX_SEPARATOR) : Math.min(end, MAX_SEPARATOR));
  return isSeparator(first.endsWith('\r') ? first.slice(0, -1) : first);
}

// mboxrd: ">From ", ">>From " ... lose one ">".
function unquote(line: string): string {
  if (line.charCodeAt(0) !== 62 /* > */) return line;
  let i = 0;
  while (line.charCodeAt(i) === 62) i++;
  return line.startsWith('From ', i) ? line.slice(1) : line;
}

// The empty line before the next separator belongs to the mbox, not to the message.
function finish(lines: string[]): string {
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
