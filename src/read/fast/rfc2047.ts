// RFC 2047 encoded words in header values: =?charset?B|Q?text?=. Adjacent encoded words that are
// separated only by white space are joined without it (RFC 2047 section 6.2); consecutive words
// in the same charset are decoded together, so a character split across two words survives.
import { decodeBinary } from './charset.js';
import { decodeBase64 } from './transfer.js';

/** One encoded word. Linear: each class excludes "?", so no backtracking between the parts. */
const WORD = /=\?([^?\s]{1,75})\?([BbQq])\?([^?]*)\?=/g;
const ONLY_SPACE = /^[ \t\r\n]*$/;

function qDecode(text: string): string {
  let s = text.includes('_') ? text.replaceAll('_', ' ') : text;
  if (!s.includes('=')) return s;
  s = s.replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return s;
}

/** Decodes the encoded words of a header value; text that is no encoded word is kept as it is. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  const out: string[] = [];
  let last = 0;
  // bytes of the run of encoded words in one charset, not yet decoded
  let runCharset = '';
  let runBytes: string[] = [];
  const flush = () => {
    if (runBytes.length > 0) out.push(decodeBinary(runBytes.join(''), runCharset));
    runBytes = [];
  };
  for (const m of value.matchAll(WORD)) {
    const between = value.slice(last, m.index);
    const adjacent = runBytes.length > 0 && ONLY_SPACE.test(between);
    // RFC 2231 section 5 lets a language follow the charset: "us-ascii*en".
    const star = m[1].indexOf('*');
    const charset = (star < 0 ? m[1] : m[1].slice(0, star)).toLowerCase();
    const bytes = m[2] === 'B' || m[2] === 'b' ? decodeBase64(m[3]) : qDecode(m[3]);
    if (!adjacent || charset !== runCharset) {
      flush();
      if (!adjacent) out.push(between);
    }
    runCharset = charset;
    runBytes.push(bytes);
    last = m.index + m[0].length;
  }
  flush();
  out.push(value.slice(last));
  return out.join('');
}
