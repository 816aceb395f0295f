// The server's reply as quoted in a notice's human-readable text. RFC 3464 section 2.1 makes the first
// part of a report human-readable; many MTAs quote the remote server's reply there ("<addr>: host
// mx said: 550 5.1.1 ...", a sendmail session transcript) but leave Diagnostic-Code out of the
// machine-readable part, or give a local mailer's exit code there (X-Unix; 77).

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
 * Finds the reply for `recipient` in the notice text: the first line naming the recipient that holds
 * a reply code; when the notice is about one recipient only (`single`), the last line of the text that
 * starts with a reply code (the final reply of a session transcript) will do.
 */
export function findNoticeReply(
  text: string | readonly string[],
  recipient: string,
  single: boolean,
): NoticeReply | undefined {
  const lines = noticeLines(text);
  const needle = recipient.toLowerCase();
  if (needle) {
    const low = lowerLines(text, lines);
    for (let i = 0; i < lines.length; i++) {
      if (!low[i].includes(needle)) continue;
      // Postfix folds the reply: the code may be on the naming line or the next indented ones.
      const joined = withContinuations(lines, i);
      const m = REPLY.exec(joined);
      if (m) return { replyCode: m[1], text: joined.slice(joined.indexOf(m[1], m.index)).trim() };
    }
  }
  if (!single) return undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^\s{0,8}([245]\d\d)[ -](?=[245]\.\d{1,3}\.\d{1,3}\b|[A-Za-z<"'])/.exec(lines[i]);
    if (m) return { replyCode: m[1], text: lines[i].trim() };
  }
  return undefined;
}

/**
 * The lines of a notice (at most MAX_LINES). Callers that look up many recipients split the text
 * once with this and pass the lines instead of the text.
 */
export function noticeLines(text: string | readonly string[]): readonly string[] {
  return typeof text === 'string' ? text.split(/\r?\n/, MAX_LINES) : text.slice(0, MAX_LINES);
}

/** Lower-cased copies of line arrays handed in by callers, made once per array. */
const lowered = new WeakMap<readonly string[], readonly string[]>();

function lowerLines(text: string | readonly string[], lines: readonly string[]): readonly string[] {
  if (typeof text === 'string') return lines.map((l) => l.toLowerCase());
  let low = lowered.get(text);
  if (!low) {
    low = lines.map((l) => l.toLowerCase());
    lowered.set(text, low);
  }
  return low;
}

/** The line and the indented lines that continue it, joined with single spaces (at most 20 lines). */
function withContinuations(lines: readonly string[], i: number): string {
  const parts = [lines[i].trim()];
  for (let j = i + 1; j < lines.length && j < i + 20 && /^[ \t]+\S/.test(lines[j]); j++)
    parts.push(lines[j].trim());
  return parts.join(' ');
}

const MAX_LINE = 1000;

/**
 * The notice's own sentence about `recipient`, for reports that give neither Diagnostic-Code nor a
 * quoted reply: the first line (with its indented continuations) that names the recipient and says
 * something besides the address ("Your message wasn't delivered to <addr> because the address
 * couldn't be found.", sendmail's "<addr>... Deferred: Connection refused by mx"). Header-like lines
 * ("To: <addr>", delivery-status fields) are skipped: they name the address but say nothing about it.
 * '' when no such line.
 */
export function findNoticeLine(text: string | readonly string[], recipient: string): string {
  const needle = recipient.toLowerCase();
  if (!needle) return '';
  const lines = noticeLines(text);
  const low = lowerLines(text, lines);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length > MAX_LINE || !low[i].includes(needle)) continue;
    if (/^[ \t]*[A-Za-z][A-Za-z0-9-]{0,40}:[ \t]/.test(lines[i])) continue;
    const joined = withContinuations(lines, i);
    const rest = joined.toLowerCase().split(needle).join(' ');
    // At least two words of letters besides the address.
    if (/[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}/.test(rest)) return joined;
  }
  return '';
}
