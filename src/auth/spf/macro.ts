// SPF macros (RFC 7208 §7): syntax check and expansion.
//   macro-expand = ( "%{" macro-letter transformers *delimiter "}" ) / "%%" / "%_" / "%-"
//   macro-letter = s l o d i p h c r t v; transformers = *DIGIT [ "r" ]
//   delimiter    = "." / "-" / "+" / "," / "/" / "_" / "="

export interface MacroError {
  message: string;
  /** [start, end) within the checked string */
  span: [number, number];
}

const LETTERS = 'slodiphcrtv';
/** c, r and t are only allowed in explanation text (RFC 7208 §7.2). */
const EXP_ONLY = 'crt';
const DELIMITERS = '.-+,/_=';

interface MacroToken {
  kind: 'literal' | 'macro';
  text: string;
  letter?: string;
  digits?: number;
  reverse?: boolean;
  delimiters?: string;
}

/**
 * Split a macro-string into literals and macros. `explain`: the string is explanation text
 * (spaces allowed, c/r/t allowed). Returns an error at the first fault.
 */
export function tokenizeMacroString(
  s: string,
  explain = false,
): { tokens: MacroToken[]; error?: MacroError } {
  const tokens: MacroToken[] = [];
  let literal = '';
  let i = 0;
  const fail = (message: string, start: number, end: number) => ({
    tokens,
    error: { message, span: [start, Math.min(end, s.length)] as [number, number] },
  });
  while (i < s.length) {
    const ch = s[i];
    const code = s.charCodeAt(i);
    if (ch !== '%') {
      const visible = code >= 0x21 && code <= 0x7e;
      if (!visible && !(explain && ch === ' ')) {
        return fail(`character ${JSON.stringify(ch)} is not allowed here`, i, i + 1);
      }
      literal += ch;
      i++;
      continue;
    }
    const next = s[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      literal += next === '%' ? '%' : next === '_' ? ' ' : '%20';
      i += 2;
      continue;
    }
    if (next !== '{') return fail(`'%' must be followed by {, %, _ or -`, i, i + 2);
    const close = s.indexOf('}', i + 2);
    if (close < 0) return fail('macro not closed with }', i, s.length);
    const body = s.slice(i + 2, close);
    const letter = body[0] ?? '';
    if (!LETTERS.includes(letter.toLowerCase()) || letter === '') {
      return fail(`unknown macro letter ${JSON.stringify(letter)}`, i, close + 1);
    }
    if (!explain && EXP_ONLY.includes(letter.toLowerCase())) {
      return fail(`%{${letter}} is only allowed in explanation text`, i, close + 1);
    }
    let k = 1;
    while (k < body.length && body[k] >= '0' && body[k] <= '9') k++;
    const digitText = body.slice(1, k);
    let reverse = false;
    if (body[k] === 'r' || body[k] === 'R') {
      reverse = true;
      k++;
    }
    const delimiters = body.slice(k);
    for (const d of delimiters) {
      if (!DELIMITERS.includes(d)) return fail(`${JSON.stringify(d)} is not a macro delimiter`, i, close + 1);
    }
    const digits = digitText ? Number(digitText) : undefined;
    if (digits === 0) return fail('macro transformer digits must be nonzero', i, close + 1);
    if (literal) tokens.push({ kind: 'literal', text: literal });
    literal = '';
    tokens.push({ kind: 'macro', text: s.slice(i, close + 1), letter, digits, reverse, delimiters });
    i = close + 1;
  }
  if (literal) tokens.push({ kind: 'literal', text: literal });
  return { tokens };
}

/** Values of the macro letters for one check_host() call. */
export interface MacroContext {
  sender: string;
  localPart: string;
  senderDomain: string;
  domain: string;
  /** %{i}: dotted IPv4 or dot-separated IPv6 nibbles */
  ipDotted: string;
  /** %{c}: IP in its usual text form */
  ipReadable: string;
  /** in-addr or ip6 */
  v: string;
  helo: string;
  receivingHost: string;
  timestamp: number;
  /** %{p}: computed on demand (DNS) */
  validatedName: () => Promise<string>;
}

/** RFC 3986 unreserved characters stay; everything else is %-escaped (uppercase macros, §7.3). */
function urlEscape(s: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

async function letterValue(letter: string, ctx: MacroContext): Promise<string> {
  switch (letter) {
    case 's':
      return ctx.sender;
    case 'l':
      return ctx.localPart;
    case 'o':
      return ctx.senderDomain;
    case 'd':
      return ctx.domain;
    case 'i':
      return ctx.ipDotted;
    case 'p':
      return ctx.validatedName();
    case 'v':
      return ctx.v;
    case 'h':
      return ctx.helo;
    case 'c':
      return ctx.ipReadable;
    case 'r':
      return ctx.receivingHost;
    case 't':
      return String(ctx.timestamp);
    default:
      return '';
  }
}

/**
 * Bounds on hostile input. A macro value longer than MAX_MACRO_VALUE_CHARS is cut: a real sender
 * is at most 64 + 1 + 255 octets (RFC 5321 §4.5.3.1), so only a forged one is affected. An
 * explanation (exp=) stops at MAX_EXPLANATION_CHARS: a 64 KB TXT record of "%{l}" with a 100 KB
 * local part otherwise expands to gigabytes. Domain-specs need no cap of their own: they are cut
 * to 253 characters from the left after expansion (RFC 7208 §7.3), and their values are bounded.
 */
export const MAX_MACRO_VALUE_CHARS = 1024;
export const MAX_EXPLANATION_CHARS = 4096;

/** Expand a macro-string already checked by tokenizeMacroString(). */
export async function expandMacros(
  s: string,
  ctx: MacroContext,
  explain = false,
): Promise<string | MacroError> {
  const { tokens, error } = tokenizeMacroString(s, explain);
  if (error) return error;
  let out = '';
  for (const t of tokens) {
    if (explain && out.length >= MAX_EXPLANATION_CHARS) break;
    if (t.kind === 'literal') {
      out += t.text;
      continue;
    }
    const letter = t.letter ?? '';
    let value = (await letterValue(letter.toLowerCase(), ctx)).slice(0, MAX_MACRO_VALUE_CHARS);
    if (t.digits !== undefined || t.reverse || t.delimiters) {
      const splitter = t.delimiters || '.';
      let parts: string[] = [];
      let part = '';
      for (const ch of value) {
        if (splitter.includes(ch)) {
          parts.push(part);
          part = '';
        } else part += ch;
      }
      parts.push(part);
      if (t.reverse) parts.reverse();
      if (t.digits !== undefined && t.digits < parts.length) parts = parts.slice(parts.length - t.digits);
      value = parts.join('.');
    }
    out += letter !== letter.toLowerCase() ? urlEscape(value) : value;
  }
  return explain ? out.slice(0, MAX_EXPLANATION_CHARS) : out;
}
