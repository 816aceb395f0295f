// Small helpers shared by the extractors: taking addresses, codes and SMTP stages out of field values.
import type { SmtpCommand } from '../types.js';

/**
 * An addr-spec: local@domain, no spaces or angle brackets. Linear: two bounded character classes.
 * The local part may be UTF-8 (RFC 6531 3.3) but holds no CJK or full-width punctuation, which
 * ends a token in text without spaces ("收件人：li@163.com"). The domain may be an internationalized
 * name in the scripts that separate words by spaces (Latin, Greek, Cyrillic, Hebrew, Arabic:
 * "иван@пример.рф"); CJK letters are left out of it, as CJK text may follow an address directly.
 */
const ADDRESS =
  /[^\s<>()"',;:@[\]\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]{1,256}@[A-Za-z0-9._\-[\]:\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff]{1,256}/g;
/** The longest local part ADDRESS takes. */
const MAX_LOCAL = 256;

/**
 * The address in a recipient field value. RFC 3464 2.3.2: `address-type ";" generic-address`;
 * the type is usually rfc822, or utf-8 (RFC 6533), where non-ASCII may be written as \x{HEX}.
 * Returns '' when there is no address.
 */
export function fieldAddress(value: string): string {
  let v = value.trim();
  const semi = v.indexOf(';');
  if (semi > 0 && semi < 20 && /^[A-Za-z0-9-]+$/.test(v.slice(0, semi).trim())) v = v.slice(semi + 1);
  if (v.includes('\\x{'))
    v = v.replace(/\\x\{([0-9A-Fa-f]{1,6})\}/g, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16)),
    );
  return wholeAddress(v) ?? findAddress(v);
}

/**
 * A field value that is one address and nothing else ("用户@例子.广告", "<user@ตัวอย่าง.ไทย>"):
 * taken whole, in any script (RFC 6533 allows UTF-8 in these fields); the pattern of findAddress,
 * made for free text, leaves scripts without spaces out of domains. Undefined for anything else.
 */
function wholeAddress(value: string): string | undefined {
  let v = value.trim();
  if (v.startsWith('<') && v.endsWith('>')) v = v.slice(1, -1).trim();
  const at = v.indexOf('@');
  if (at < 1 || at === v.length - 1 || v.indexOf('@', at + 1) >= 0 || v.length > 512) return undefined;
  // no white space, brackets, quotes, separators or control characters: a single token
  if (/[\s<>()"',;[\]\\\u0000-\u001f\u007f]/.test(v)) return undefined;
  return trimAddress(v);
}

/**
 * The first address-looking token in a text, without brackets or trailing dots; '' if none.
 *
 * An address never holds a control character (RFC 5321 4.1.2: atext, qtext and the domain's
 * letters, digits and hyphens; RFC 5322 3.4.1 the same). When the token around the match holds
 * one ("jane<ESC>[31m.doe@example.com"), the match alone ("31m.doe@example.com") would be some
 * other, valid-looking address that someone might suppress or write to; the token is kept whole
 * instead, as the data says it (output layers show control characters visibly), so that it
 * cannot be taken for an address that works.
 */
export function findAddress(text: string): string {
  const at = text.indexOf('@');
  if (at < 0) return '';
  // No match can start further than a local part's length before the first "@".
  ADDRESS.lastIndex = Math.max(0, at - MAX_LOCAL);
  const m = ADDRESS.exec(text);
  if (!m) return '';
  const end = m.index + m[0].length;
  const start = controlRunStart(text, m.index);
  const stop = controlRunEnd(text, end);
  if (start === m.index && stop === end) return trimAddress(m[0]);
  return trimAddress(text.slice(start, stop));
}

/** A control character: C0 (white space apart, which ends a token anyway), DEL or C1. */
function isControl(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

/** Characters that end a token around an address: white space and the delimiters around one. */
function endsToken(c: number): boolean {
  // space, tab, LF, VT, FF, CR, < > ( ) " ' ,
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x3c ||
    c === 0x3e ||
    c === 0x28 ||
    c === 0x29 ||
    c === 0x22 ||
    c === 0x27 ||
    c === 0x2c
  );
}

/**
 * Where the token that ends at `i` starts, when the characters just before `i` (up to white
 * space or a delimiter, at most a local part's length) hold a control character; else `i`.
 */
function controlRunStart(text: string, i: number): number {
  let j = i;
  let control = false;
  while (j > 0 && i - j < MAX_LOCAL) {
    const c = text.charCodeAt(j - 1);
    if (endsToken(c)) break;
    if (isControl(c)) control = true;
    j--;
  }
  return control ? j : i;
}

/** Where the token that starts at `i` ends, when the characters from `i` on hold a control character; else `i`. */
function controlRunEnd(text: string, i: number): number {
  let j = i;
  let control = false;
  while (j < text.length && j - i < MAX_LOCAL) {
    const c = text.charCodeAt(j);
    if (endsToken(c)) break;
    if (isControl(c)) control = true;
    j++;
  }
  return control ? j : i;
}

const ADDRESS_TAIL = '.]:';

/** Trailing dots, brackets and colons cut off, then leading dots ("<a@b.example>." -> "a@b.example"). */
function trimAddress(token: string): string {
  let end = token.length;
  while (end > 0 && ADDRESS_TAIL.includes(token[end - 1])) end--;
  let start = 0;
  while (start < end && token[start] === '.') start++;
  return start === 0 && end === token.length ? token : token.slice(start, end);
}

/**
 * The first match of a global pattern that starts a line, where /^.../m would match: at the text's
 * start or after LF, CR, U+2028 or U+2029. A pattern that begins with a literal word is found
 * faster this way than with ^ in multi-line mode, which the engine tries at every position.
 */
export function matchAtLineStart(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (isLineStart(text, m.index)) return m;
    pattern.lastIndex = m.index + 1;
  }
  return null;
}

/** Does a line start at `i` (as /^/m sees lines)? */
export function isLineStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const c = text.charCodeAt(i - 1);
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** An RFC 3464 type prefix (`smtp;`, `dns;`, `X-Postfix;`) of a field value. */
const TYPE_PREFIX = /^\s*([A-Za-z][A-Za-z0-9-]{0,30})\s*;\s*/;

/** Strips an RFC 3464 type prefix (`smtp;`, `dns;`, `X-Postfix;`) from a field value. */
export function stripType(value: string): string {
  const m = TYPE_PREFIX.exec(value);
  return (m ? value.slice(m[0].length) : value).trim();
}

/** A typed field value's type in lower case ('' when it has none) and the value without it, trimmed. */
export function splitType(value: string): { type: string; value: string } {
  const m = TYPE_PREFIX.exec(value);
  return m
    ? { type: m[1].toLowerCase(), value: value.slice(m[0].length).trim() }
    : { type: '', value: value.trim() };
}

/** An RFC 3463 enhanced status code anywhere in the text ("5.1.1"); '' if none. */
export function findStatus(text: string): string {
  const m = /(?:^|[^\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d.]*\d)/.exec(text);
  return m ? m[1] : '';
}

/** The SMTP reply code at the start of a server reply ("550 5.1.1 ...", "550-..."); '' if none. */
export function leadingReplyCode(text: string): string {
  const m = /^\s*([245]\d\d)(?:[ -]|$)/.exec(text);
  if (!m) return '';
  if (!/^\s*\d\d\d-/.test(text)) return m[1];
  // A multi-line reply ("554-... 554 text", lines joined): RFC 5321 4.2.1 makes the last line, the
  // one with a space after the code, the end of the reply; some servers start with a greeting's
  // continuation ("220-host 421 4.2.1 ..."), so the code of that last line is the reply's code.
  const last = /(?:^|\s)([245]\d\d) /.exec(text);
  return last ? last[1] : m[1];
}

/**
 * The SMTP stage named in notice text: Postfix's "(in reply to RCPT TO command)", Exim's
 * "SMTP error from remote mail server after RCPT TO:", and the like. '' when not said.
 */
export function findSmtpCommand(text: string): SmtpCommand {
  // One scan for the words all three patterns need: most texts have none of them.
  if (!STAGE_WORDS.test(text)) return '';
  // Notice text is often folded, so words may be separated by a line break and indentation.
  const m =
    /in\s+reply\s+to\s+(?:the\s+)?(MAIL\s+FROM|RCPT\s+TO|end\s+of\s+DATA|DATA|EHLO|HELO|STARTTLS|AUTH)\b/i.exec(
      text,
    ) ??
    /\bafter\s+(MAIL\s+FROM|RCPT\s+TO|end\s+of\s+data|DATA|EHLO|HELO|STARTTLS|AUTH|initial\s+connection)\b/i.exec(
      text,
    );
  if (m) return smtpCommandName(m[1]);
  // Postfix: "host ... refused to talk to me: 554 ..." is a rejection of the connection greeting.
  return /refused\s+to\s+talk\s+to\s+me/i.test(text) ? 'CONN' : '';
}

/** A word each stage pattern of findSmtpCommand holds, followed by white space. */
const STAGE_WORDS = /(?:in\s+reply|after|refused)\s/i;

export function smtpCommandName(word: string): SmtpCommand {
  const w = word.toUpperCase();
  if (w.startsWith('MAIL')) return 'MAIL';
  if (w.startsWith('RCPT')) return 'RCPT';
  if (w.includes('DATA')) return 'DATA';
  if (w === 'EHLO' || w === 'HELO' || w === 'STARTTLS' || w === 'AUTH') return w;
  if (w.startsWith('INITIAL')) return 'CONN';
  return '';
}

/**
 * Reply codes that SMTP defines: RFC 5321 4.2.2/4.2.3, RFC 1985 (ETRN), RFC 4954 (AUTH), RFC 7504
 * (521, 556), and the codes the IANA SMTP Enhanced Status Codes registry (RFC 5248) pairs with
 * X.7.10 (523) and X.7.13 (525). A number outside this list ("522", "542") is some server's own text,
 * not a reply code.
 */
const SMTP_REPLY_CODES = new Set(
  (
    '211 214 220 221 235 250 251 252 253 334 354 ' +
    '421 432 450 451 452 454 455 458 459 ' +
    '500 501 502 503 504 521 523 525 530 534 535 538 550 551 552 553 554 555 556'
  ).split(' '),
);

/** Is `code` a reply code that SMTP defines (see SMTP_REPLY_CODES)? */
export function isSmtpReplyCode(code: string): boolean {
  return SMTP_REPLY_CODES.has(code);
}

/**
 * Do a reply code and an enhanced status code agree in class? RFC 3463 section 3.1: the class digit
 * of the enhanced code (2, 4, 5) is that of the reply it goes with. True when either is missing.
 */
export function sameClass(replyCode: string, status: string): boolean {
  if (!replyCode || !status) return true;
  return replyCode[0] === status[0];
}

/**
 * A more specific enhanced code for a generic `status` (X.0.0, "undefined", RFC 3463 3.1): the first
 * one the server's reply `text` quotes, when it is of the same class and not itself generic; else ''.
 */
export function specificStatus(status: string, text: string): string {
  if (!/^[245]\.0\.0$/.test(status)) return '';
  const quoted = findStatus(text);
  if (!quoted || quoted[0] !== status[0] || /^\d\.0\.0$/.test(quoted)) return '';
  return quoted;
}
