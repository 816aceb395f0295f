// One Received field (RFC 5321 §4.4 "Time-stamp-line"): who handed the message over (the "from"
// clause with the HELO name and, in a comment, the reverse-DNS name and IP the server saw) and
// which server wrote the line (the "by" clause). Real MTAs vary; the forms handled are listed below.
import { normalizeIp } from './ip-address.js';
import { tokenize } from './tokens.js';

export interface ReceivedHop {
  /** position in the message, 0 = topmost (newest) Received field */
  index: number;
  /** the name the client gave in HELO/EHLO, or an address literal like "[192.0.2.1]" */
  helo?: string;
  /** reverse-DNS name the receiving server found for the client */
  rdns?: string;
  /** the client's IP address as the receiving server recorded it */
  ip?: string;
  /** the server that wrote this line */
  by?: string;
  /** Haraka / Exim write the envelope sender into the line */
  envelopeFrom?: string;
  /** the value as written, for explanations (shortened) */
  text: string;
}

const CLAUSES = new Set(['from', 'by', 'via', 'with', 'id', 'for']);

/**
 * Forms handled (the client part):
 *   from HELO (RDNS [IP])            Postfix, Sendmail, Gmail, Haraka
 *   from HELO (RDNS [IPv6:ADDR])     IPv6 literal
 *   from RDNS ([IP] helo=HELO)       Exim
 *   from HOST (IP) by ...            Microsoft (bare address in the comment)
 *   from unknown (HELO NAME) (IP)    qmail
 *   from [IP] (RDNS [IP])            client that greeted with an address literal
 */
export function parseReceived(value: string, index: number): ReceivedHop {
  const tokens = tokenize(value, false);
  const hop: ReceivedHop = { index, text: value.length > 300 ? value.slice(0, 300) + '…' : value };
  let clause = '';
  const fromComments: string[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    if (tok.kind === ';') break; // the date follows
    if (tok.kind === 'word') {
      const lower = tok.text.toLowerCase();
      if (CLAUSES.has(lower)) {
        clause = lower;
        const next = tokens[t + 1];
        if (next?.kind === 'word') {
          if (clause === 'from' && hop.helo === undefined) hop.helo = next.text;
          if (clause === 'by' && hop.by === undefined) hop.by = stripDot(next.text);
          t++;
        }
        continue;
      }
      if (lower === 'envelope-from') {
        const next = tokens[t + 1];
        if (next?.kind === 'word') hop.envelopeFrom = next.text.replace(/^<|>$/g, '');
      }
    } else if (tok.kind === 'comment') {
      if (clause === 'from') fromComments.push(tok.text);
      const env = /envelope-from\s+<([^<>\s]*)>/i.exec(tok.text);
      if (env && hop.envelopeFrom === undefined) hop.envelopeFrom = env[1];
    }
  }
  readFromComments(hop, fromComments);
  if (hop.ip === undefined && hop.helo) {
    const lit = normalizeIp(hop.helo);
    if (lit) hop.ip = lit;
  }
  return hop;
}

/** The reverse-DNS name, IP and (Exim, qmail) HELO name in the comments after "from". */
function readFromComments(hop: ReceivedHop, comments: string[]): void {
  for (const c of comments) {
    const words = c.split(/\s+/).filter((w) => w !== '');
    for (let w = 0; w < words.length; w++) {
      const word = words[w];
      const lower = word.toLowerCase();
      if (lower.startsWith('helo=')) {
        // Exim: the word after "from" was the reverse-DNS name, the HELO name is here
        if (hop.rdns === undefined && hop.helo && !normalizeIp(hop.helo)) hop.rdns = stripDot(hop.helo);
        hop.helo = word.slice(5) || hop.helo;
        continue;
      }
      if (lower === 'helo' && words[w + 1]) {
        hop.helo = words[w + 1];
        w++;
        continue;
      }
      if (hop.ip !== undefined) continue;
      const bracket = /\[([^\][]+)\]/.exec(word);
      if (bracket) {
        const ip = normalizeIp(bracket[1]);
        if (ip) {
          hop.ip = ip;
          const before = word.slice(0, bracket.index) || (w > 0 ? words[w - 1] : '');
          // Postfix writes "unknown" when the address has no reverse-DNS name
          if (before && before !== 'unknown' && !before.includes('=') && !normalizeIp(before)) {
            hop.rdns = stripDot(before);
          }
          continue;
        }
      }
      const bare = normalizeIp(trimTrailing(word, ',:'));
      if (bare) {
        hop.ip = bare;
      }
    }
  }
}

function stripDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

function trimTrailing(word: string, chars: string): string {
  let end = word.length;
  while (end > 0 && chars.includes(word[end - 1])) end--;
  return word.slice(0, end);
}
