// Bounce text and DNS data are attacker-controlled: printed raw to a terminal, an escape sequence
// in a Diagnostic-Code or a TXT record could clear the screen, set the window title, hide text or
// plant a hyperlink (ECMA-48 CSI/OSC), and bidi overrides can make text read differently from what
// it is (CVE-2021-42574, "Trojan Source"). Every such character is shown as a visible stand-in of
// the same length (one UTF-16 unit), so that character spans into records stay right.

/** Control characters, DEL, C1 controls, and the bidi embedding/override/isolate marks. */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function standIn(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x20) return String.fromCharCode(0x2400 + c); // Unicode "control pictures": ␛ ␀ ␇ ␊
  if (c === 0x7f) return '\u2421'; // ␡
  return '\ufffd';
}

/** The text with every terminal-unsafe character replaced by a visible stand-in (tab kept). */
export function printable(text: string): string {
  return text.replace(UNSAFE, standIn);
}

/**
 * The same for every string inside a plain JSON-like value (objects, arrays), for whole results.
 * With `maxChars`, longer strings are also cut (see shorten); leave it out where character spans
 * point into the strings (records with their faults marked).
 */
export function printableDeep<T>(value: T, maxChars?: number, depth = 0): T {
  if (typeof value === 'string') {
    const safe = printable(value);
    return (maxChars !== undefined ? shorten(safe, maxChars) : safe) as T;
  }
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => printableDeep(v, maxChars, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = printableDeep(v, maxChars, depth + 1);
  return out as T;
}

/** A long value cut for a person's reading; the JSON output keeps it whole. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters; --json shows all)`;
}

/** The text without its trailing newlines (a loop: `/\n*$/` rescans every run of newlines). */
export function trimTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(0, end);
}
