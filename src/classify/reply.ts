// Takes apart an SMTP reply as people paste it: a single reply line, the multi-line continuation
// form of RFC 5321 section 4.2.1 ("550-5.7.1 ..." lines ending with "550 5.7.1 ..."), or a reply
// quoted inside an MTA's log line or notice (Postfix "host x[ip] said: ... (in reply to RCPT TO
// command)", Exim "SMTP error from remote mail server after RCPT TO:<a@b>: ...").
//
// Every pattern here is linear: no nested quantifiers, bounded repeats, and the input is cut to
// MAX_REPLY_SCAN characters before any search (a real reply is far shorter).
import type { SmtpCommand } from '../types.js';
import { candidates, indexOnFirstUse } from './literals.js';
import { findPhrase, PHRASE_TABLES } from './phrases/index.js';
import { AUTH_FAILURE, BLOCKED_GENERIC, REQUIRE_PTR, SECURITY_ERROR } from './phrases/sender.js';
import { ON_HOLD } from './phrases/transient.js';

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
  /**
   * Where the delivery stands, as an RFC 3464 Action, when a mail log line says it (Postfix's
   * "status=deferred" is still queued and retried; "status=bounced" or "status=expired" gave up;
   * "status=sent" was delivered).
   */
  action?: 'delayed' | 'failed' | 'delivered';
}

/** The codes and stage found anywhere in a diagnostic text. */
export interface ReplyParts {
  replyCode: string;
  status: string;
  smtpCommand?: SmtpCommand;
}

/**
 * The phrase tables that make a text without any code count as a reply: all but the ones whose
 * words are too common in ordinary prose ("blocked", "temporary failure") or in what people write
 * about their own setup ("dmarc policy", "spf record", "reverse dns", "tls": a note to a colleague
 * or a zone file is no refusal). Those count beside words of a failure (FAILURE_WORDS).
 */
const PROSE_TABLES: ReadonlySet<unknown> = new Set([
  BLOCKED_GENERIC,
  ON_HOLD,
  AUTH_FAILURE,
  REQUIRE_PTR,
  SECURITY_ERROR,
]);
const CODELESS_TABLES = PHRASE_TABLES.filter((t) => !PROSE_TABLES.has(t));

/** Words that say a delivery failed (observed in notices of several MTAs); with them, any cause counts. */
const FAILURE_WORDS: readonly string[] = [
  'permanent failure',
  'permanent error',
  'failed permanently',
  'delivery failed',
  'delivery has failed',
  'could not be delivered',
  "couldn't be delivered",
  'undeliverable',
  'unable to deliver',
  'not delivered',
  'rejected',
  'refused',
  'denied',
  'not accepted',
];

function isCodelessReply(lower: string): boolean {
  if (findPhrase(lower, CODELESS_TABLES)) return true;
  return FAILURE_WORDS.some((w) => lower.includes(w)) && findPhrase(lower) !== null;
}

/** Longest text that is searched; the rest of a longer input is ignored. */
export const MAX_REPLY_SCAN = 256 * 1024;

// Reply codes are [245][0-5][0-9]: RFC 5321 section 4.2.1 defines the second digit only as 0-5
// (syntax, information, connections, -, -, mail system), so "571" is no reply code.
// A reply code directly followed by an enhanced status code ("550 5.1.1", "550-5.1.1",
// "said: 421\n4.7.0"). The status must not be the start of a dotted number such as an IP address.
const CODE_AND_STATUS_RE = /(?<![\d.])([245][0-5]\d)[ \t\r\n-]{1,8}([245]\.\d{1,3}\.\d{1,3})(?![\d.]|\.\d)/;
// An enhanced status code on its own (not a piece of an IP address or a version number).
const STATUS_RE = /(?<![\d.\w])([245]\.\d{1,3}\.\d{1,3})(?!\.?\d)/;
// A reply code on its own: at the start, or after a separator that precedes replies in notices.
const CODE_RE = /(?:^|[\s;:(<>"'])([245][0-5]\d)(?=[ \t\r\n-]|$)/m;
// One line of a reply: the code, the continuation mark, an optional status (also as people mangle
// it when they anonymize, "x.x.xx"), then the text.
const REPLY_LINE_RE =
  /^([245]\d\d)([ -]|$)(?:[ \t]{0,8}([245x]\.[\dx]{1,3}\.[\dx]{1,3})(?=\s|$))?[ \t]*(.*)$/;
// An address as replies quote it: a dot-atom or quoted-string local part (RFC 5321 4.1.2), and
// the UTF-8 local parts and domain names of internationalized mail (RFC 6531 3.3): "josé@exämple.de".
// The UTF-8 letters are those of the scripts in use (Latin, Greek, Cyrillic, Hebrew, Arabic, kana,
// CJK, Hangul), not every character above ASCII: full-width punctuation around an address is no
// part of it.
const UTF8_LETTERS =
  '\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff\\u0590-\\u05ff\\u0600-\\u06ff\\u3040-\\u30ff\\u4e00-\\u9fff\\uac00-\\ud7af';
const ADDRESS = `(?:"[^"\\r\\n]{1,64}"|[A-Za-z0-9!#$%&'*+/=?^_\`{|}~.=${UTF8_LETTERS}-]{1,128})@[A-Za-z0-9.${UTF8_LETTERS}-]{1,255}`;

/** Which SMTP command a notice says the reply answered; phrases of Postfix, Exim and Sendmail. */
export const STAGE_PHRASES: ReadonlyArray<readonly [string, SmtpCommand]> = [
  // Postfix: "(in reply to RCPT TO command)" and friends.
  ['in reply to rcpt to command', 'RCPT'],
  ['in reply to end of data command', 'DATA'],
  ['in reply to data command', 'DATA'],
  ['in reply to mail from command', 'MAIL'],
  ['in reply to ehlo command', 'EHLO'],
  ['in reply to helo command', 'HELO'],
  ['in reply to starttls command', 'STARTTLS'],
  ['in reply to auth command', 'AUTH'],
  ['in reply to the initial greeting', 'CONN'],
  // Exim: "SMTP error from remote mail server after RCPT TO:<a@b>:".
  ['after rcpt to:', 'RCPT'],
  ['after pipelined rcpt to:', 'RCPT'],
  ['after end of data', 'DATA'],
  ['after pipelined data', 'DATA'],
  ['after data:', 'DATA'],
  ['after mail from:', 'MAIL'],
  ['after pipelined mail from:', 'MAIL'],
  ['after initial connection', 'CONN'],
  ['after ehlo ', 'EHLO'],
  ['after helo ', 'HELO'],
  ['after starttls', 'STARTTLS'],
  ['after auth ', 'AUTH'],
  // Sendmail transcripts: ">>> RCPT To:<a@b>" followed by "<<< 550 ...".
  ['>>> rcpt to:', 'RCPT'],
  ['>>> data', 'DATA'],
  ['>>> mail from:', 'MAIL'],
  ['>>> ehlo', 'EHLO'],
  ['>>> helo', 'HELO'],
  // Gmail's notices end the remote reply with the state its SMTP client was in: 13 after the
  // greeting, 14 at RCPT, 15-18 in the DATA phase ("550 <a@b>... User unknown (state 14).").
  ['(state 13)', 'EHLO'],
  ['(state 14)', 'RCPT'],
  ['(state 15)', 'DATA'],
  ['(state 17)', 'DATA'],
  ['(state 18)', 'DATA'],
  // Generic wordings.
  ['rcpt to command', 'RCPT'],
  ['mail from command', 'MAIL'],
  ['data command', 'DATA'],
];

function scan(text: string): string {
  return text.length > MAX_REPLY_SCAN ? text.slice(0, MAX_REPLY_SCAN) : text;
}

const stageIndex = indexOnFirstUse(() => STAGE_PHRASES.map(([phrase]) => [phrase]));

/**
 * Words of which every stage phrase holds one. Few diagnostic texts name a stage (in the Sisimai
 * corpus 4 of the 322 that are searched): one scan for these words answers for the others.
 */
const STAGE_WORDS: readonly string[] = ['in reply to ', 'after ', '>>> ', '(state 1', 'command'];

/**
 * A text in which none of these literals occurs, in any case, holds no stage phrase. The scan is
 * made on the text as it is, before it is lower-cased: a case-insensitive pattern (without the u
 * flag) matches a letter wherever lower-casing would give it, except where a non-ASCII character
 * lower-cases to ASCII - U+212A (Kelvin sign) gives "k" and U+0130 gives "i" followed by U+0307.
 * So no literal may hold a "k" or end in "i" (the tests check).
 */
export const STAGE_GATE = literalsPattern([
  ...STAGE_WORDS,
  // a phrase added to the table without one of the words stands for itself
  ...STAGE_PHRASES.map(([phrase]) => phrase).filter((phrase) => !STAGE_WORDS.some((w) => phrase.includes(w))),
]);

/** A case-insensitive pattern that matches where one of the literals occurs (linear: an alternation). */
function literalsPattern(literals: readonly string[]): RegExp {
  return new RegExp(literals.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
}

/** The SMTP stage a notice names (the first of STAGE_PHRASES that occurs), or undefined. */
export function findSmtpCommand(text: string): SmtpCommand | undefined {
  const scanned = scan(text);
  if (!STAGE_GATE.test(scanned)) return undefined;
  const lower = scanned.toLowerCase();
  for (const k of candidates(stageIndex(), lower)) {
    const [phrase, command] = STAGE_PHRASES[k];
    if (lower.includes(phrase)) return command;
  }
  return undefined;
}

/**
 * Finds the reply code, the enhanced status and the SMTP stage inside any diagnostic text
 * (a Diagnostic-Code value, a notice's paragraph). Missing parts are ''.
 */
export function findReplyParts(text: string): ReplyParts {
  const { replyCode, status } = findCodes(text);
  const smtpCommand = findSmtpCommand(text);
  return smtpCommand ? { replyCode, status, smtpCommand } : { replyCode, status };
}

/** The reply code and the enhanced status inside any diagnostic text; missing ones are ''. */
export function findCodes(text: string): { replyCode: string; status: string } {
  const s = scan(text);
  const both = CODE_AND_STATUS_RE.exec(s);
  if (both) return { replyCode: both[1], status: both[2] };
  const st = STATUS_RE.exec(s);
  const status = st ? st[1] : '';
  const code = CODE_RE.exec(s);
  // A lone number is a reply code only when no status contradicts its class.
  const replyCode = code && (!status || status[0] === code[1][0]) ? code[1] : '';
  return { replyCode, status };
}

/** The part of a notice that holds the receiving server's words. */
function replySegment(text: string): string {
  const lower = text.toLowerCase();
  // Postfix: "... said: 550 5.1.1 ... (in reply to RCPT TO command)"
  const said = lower.indexOf(' said:');
  if (said >= 0) {
    const from = said + ' said:'.length;
    const end = lower.indexOf('(in reply to', from);
    return text.slice(from, end > 0 ? end : undefined);
  }
  // Exim: "SMTP error from remote mail server after RCPT TO:<a@b>: 550 ..."
  const exim = lower.indexOf('smtp error from remote mail');
  if (exim >= 0) {
    const after = lower.indexOf('after ', exim);
    let colon = after >= 0 ? lower.indexOf(':', after) : -1;
    // "after RCPT TO:<a@b>:" - the stage ends at the colon after the bracketed address.
    if (colon >= 0 && lower[colon + 1] === '<') {
      const close = lower.indexOf('>', colon);
      colon = close >= 0 ? lower.indexOf(':', close) : -1;
    }
    if (colon >= 0) return text.slice(colon + 1);
  }
  return text;
}

/** Joins continuation lines and removes their codes; other lines are kept as they are. */
export function joinReplyLines(segment: string, replyCode: string): string {
  // classify() and unfoldReply() join the same diagnostic text one after the other: the last
  // answer is kept (the function is pure, so a remembered answer is always right)
  if (segment === lastJoin.segment && replyCode === lastJoin.replyCode) return lastJoin.joined;
  const joined = joinLines(segment, replyCode);
  lastJoin = { segment, replyCode, joined };
  return joined;
}

let lastJoin = { segment: '', replyCode: '', joined: '' };

function joinLines(segment: string, replyCode: string): string {
  // (most diagnostic texts arrive unfolded into one line)
  let joined = segment.includes('\n')
    ? joinEachLine(segment, replyCode)
    : lineText(segment.trim(), replyCode);
  if (replyCode) joined = removeInlineMarks(joined, replyCode);
  // collapse runs of white space; most texts have none but single spaces (nothing to replace)
  return (RUN_OF_SPACE_RE.test(joined) ? joined.replace(/\s+/g, ' ') : joined).trim();
}

function joinEachLine(segment: string, replyCode: string): string {
  const out: string[] = [];
  for (const rawLine of segment.split('\n')) {
    const line = rawLine.trim();
    if (line) out.push(lineText(line, replyCode));
  }
  return out.join(' ');
}

/** A trimmed line without its reply code and status, when it starts with the reply's code. */
function lineText(line: string, replyCode: string): string {
  const m = startsWithReplyCode(line) ? REPLY_LINE_RE.exec(line) : null;
  return m && (!replyCode || m[1] === replyCode) ? m[4] : line;
}

/** White space that collapsing to single spaces would change: any but a space, or two in a row. */
const RUN_OF_SPACE_RE = /[^\S ]|\s\s/;

/** A cheap test before REPLY_LINE_RE: a reply line starts with 2, 4 or 5. */
function startsWithReplyCode(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 0x32 || c === 0x34 || c === 0x35;
}

const STATUS_TOKEN_RE = /^[245x]\.[\dx]{1,3}\.[\dx]{1,3}$/;
const MARK_WITH_STATUS_RE = /^\d{3}-[245x]\.[\dx.]{3,8}$/;

/**
 * A reply pasted as one line keeps the continuation marks inside it ("... of 421-4.7.28
 * unsolicited mail ..."). Remove "CODE-", "CODE-status", "CODE status" where CODE is the reply's
 * own code; a lone "CODE " without a status is kept, it may be part of the words. A status at
 * the very start goes too.
 */
function removeInlineMarks(text: string, replyCode: string): string {
  // every mark starts with the reply code; without one only a leading status can go
  if (!text.includes(replyCode)) return STATUS_TOKEN_RE.test(firstToken(text)) ? dropFirstToken(text) : text;
  const mark = `${replyCode}-`;
  const parts = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.startsWith(replyCode)) {
      if (p === mark || (p.startsWith(mark) && MARK_WITH_STATUS_RE.test(p))) continue;
      if (p === replyCode && STATUS_TOKEN_RE.test(parts[i + 1] ?? '')) {
        i++;
        continue;
      }
    }
    if (i === 0 && STATUS_TOKEN_RE.test(p)) continue;
    out.push(p);
  }
  return out.join(' ');
}

function firstToken(text: string): string {
  const space = text.indexOf(' ');
  return space < 0 ? text : text.slice(0, space);
}

/** The text without its first token: what splitting on ' ', dropping part 0 and joining gives. */
function dropFirstToken(text: string): string {
  const space = text.indexOf(' ');
  return space < 0 ? '' : text.slice(space + 1);
}

const RECIPIENT_PATTERNS: RegExp[] = [
  new RegExp(`\\bto=<(${ADDRESS})>`), // Postfix log
  new RegExp(`\\brcpt to:\\s?<(${ADDRESS})>`, 'i'), // Exim, Sendmail transcript
  new RegExp(`^\\s{0,8}<(${ADDRESS})>:`, 'm'), // Postfix notice
  new RegExp(`^\\s{0,8}\\*\\* (${ADDRESS})`, 'm'), // Exim "** a@b R=..."
  new RegExp(`recipient address:[ \\t]{0,40}<?(${ADDRESS})`, 'i'), // Exchange NDR body
  new RegExp(`^\\s{0,8}(${ADDRESS})(?=[ \\t]{0,8}(?:\\(|:|$))`, 'm'), // notice: the address on its own line
  new RegExp(`<(${ADDRESS})>:? recipient address rejected`, 'i'), // Postfix reply text
];

// A pasted reply that names the address right after its codes: "550 5.1.1 <a@b>: User unknown",
// "550 5.1.1 <a@b>... User unknown" — unless the words say it is the sender's address.
// (at a line's start, or after a log line's prefix: "[2026-12-03 09:00:05] smtp: 550 5.1.1 <a@b>")
const REPLY_ADDRESS = new RegExp(
  `(?:^[ \\t]{0,8}|[\\]:][ \\t]{1,4})[245]\\d\\d[ -](?:[245]\\.\\d{1,3}\\.\\d{1,3}[ \\t]{1,4})?<(${ADDRESS})>`,
  'm',
);

function findRecipient(text: string): string | undefined {
  for (const re of RECIPIENT_PATTERNS) {
    const m = re.exec(text);
    if (m) return m[1].replace(/\.$/, '');
  }
  const m = REPLY_ADDRESS.exec(text);
  if (m) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 80).toLowerCase();
    if (!after.includes('sender')) return m[1].replace(/\.$/, '');
  }
  return onlyAddress(text);
}

/** Any address in a reply, as a whole token (after a space, bracket or colon). */
const ANY_ADDRESS = new RegExp(`(?:^|[\\s<(\\[:;,])(${ADDRESS})(?=$|[\\s>)\\].,;:])`, 'g');
/** Words before an address that make it the sender's, not the recipient's. */
const SENDER_BEFORE = /\b(?:sender|from|mail from|envelope|return-path|reply-to)\b[^@]{0,30}$/i;

/**
 * The one address a reply names anywhere ("User does not exist - <ghost@example.com>", "Local
 * mailbox ivan@example.ru is unavailable"), when it names exactly one and the words around it do
 * not make it the sender's; undefined otherwise.
 */
function onlyAddress(text: string): string | undefined {
  const head = text.length > 2000 ? text.slice(0, 2000) : text;
  let found: string | undefined;
  ANY_ADDRESS.lastIndex = 0;
  for (let m = ANY_ADDRESS.exec(head); m; m = ANY_ADDRESS.exec(head)) {
    const address = m[1].replace(/\.$/, '');
    if (found !== undefined && found.toLowerCase() !== address.toLowerCase()) return undefined;
    const at = m.index + m[0].length - m[1].length;
    if (SENDER_BEFORE.test(head.slice(Math.max(0, at - 40), at))) return undefined;
    if (
      head
        .slice(at + m[1].length, at + m[1].length + 40)
        .toLowerCase()
        .includes('sender')
    )
      return undefined;
    found = address;
  }
  return found;
}

function findRemoteMta(text: string): string | undefined {
  // Postfix "host mx.example.com[192.0.2.1] said:", Exim "host mx.example.com [192.0.2.1]",
  // Postfix log "relay=mx.example.com[192.0.2.1]:25".
  const m = /\b(?:host|relay=)\s{0,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s?\[[0-9A-Fa-f.:]{2,45}\]/.exec(text);
  return m ? m[1].replace(/\.$/, '') : undefined;
}

/**
 * Returns null when the text holds no SMTP reply. A text without any code still counts as a
 * reply when it is worded like one (a localized NDR sentence such as "Das Postfach des
 * Empfängers ist voll", or "no mail hosts for domain"): its codes are then ''.
 */
export function parseReplyText(text: string): ParsedReply | null {
  const s = scan(text).replace(/\r\n?/g, '\n');
  const segment = replySegment(s);
  const parts = findReplyParts(segment);
  const whole = segment === s ? parts : findReplyParts(s);
  const replyCode = parts.replyCode || whole.replyCode;
  const status = parts.status || whole.status;
  if (!replyCode && !status && !isCodelessReply(s.toLowerCase())) return null;
  const result: ParsedReply = { replyCode, status, text: joinReplyLines(segment, replyCode) };
  const smtpCommand = whole.smtpCommand;
  if (smtpCommand) result.smtpCommand = smtpCommand;
  const recipient = findRecipient(s);
  if (recipient) result.recipient = recipient;
  const remoteMta = findRemoteMta(s);
  if (remoteMta) result.remoteMta = remoteMta;
  const action = logAction(s);
  if (action) result.action = action;
  return result;
}

/** Postfix's delivery status field in its log lines (postconf(5), "status=deferred (...)"). */
const LOG_STATUS = /(?:^|[\s,])status=(sent|deferred|bounced|expired)\b/;
const LOG_ACTION = { sent: 'delivered', deferred: 'delayed', bounced: 'failed', expired: 'failed' } as const;

/** The Action that a mail log line's status field says, or undefined. */
function logAction(text: string): ParsedReply['action'] {
  const m = LOG_STATUS.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return m ? LOG_ACTION[m[1] as keyof typeof LOG_ACTION] : undefined;
}

/**
 * Positive SMTP replies that are about no message's delivery (RFC 5321 4.2.2-4.2.3): a greeting,
 * help, AUTH, "start mail input", closing the connection. 250-252 do accept a message or recipient
 * and are read as delivered.
 */
const POSITIVE_REPLY = /^\s{0,8}(2(?:1[14]|2[01]|35)|3(?:34|54))(?:[ -]|$)/;
/** A failure reply code (4xx, 5xx) or enhanced status (4.x.x, 5.x.x) at a line's start or after a space. */
const FAILURE_REPLY = /(?:^|[\s:(<"'])(?:[45][0-5]\d[ -]|[45]\.\d{1,3}\.\d{1,3}(?![\d.]))/m;
const POSITIVE_MEANING: Record<string, string> = {
  '211': 'a system status reply',
  '214': 'a help message',
  '220': "the server's greeting: it is ready",
  '221': 'the server closing the connection',
  '235': 'authentication succeeded',
  '334': 'the server asking for the next authentication step',
  '354': 'the server asking for the message text after DATA',
};

/**
 * A text that starts with one of those positive replies and holds no failure reply (a session
 * transcript that starts with the greeting and goes on to a failure is a failure): its code and
 * what it means; undefined otherwise.
 */
export function positiveReply(text: string): { code: string; meaning: string } | undefined {
  const m = POSITIVE_REPLY.exec(text);
  if (!m || FAILURE_REPLY.test(text.length > MAX_REPLY_SCAN ? text.slice(0, MAX_REPLY_SCAN) : text))
    return undefined;
  return { code: m[1], meaning: POSITIVE_MEANING[m[1]] };
}
