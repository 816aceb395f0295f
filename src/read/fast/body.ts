// A leaf part's body: sliced from the message, line ends normalised, transfer-decoded and
// charset-decoded to text.
import { decodeBody } from './charset.js';
import { decodeTransfer } from './transfer.js';
import { asciiRange, type MimeNode, type Source } from './tree.js';

/** "\r\n" (and any run of CRs before "\n") -> "\n", by a split rather than a regex on CR runs. */
function normaliseLineEnds(text: string): string {
  if (!text.includes('\r')) return text;
  // One CR per line end (CRLF mail) is all there is unless a CRLF is left after removing those.
  const once = text.replaceAll('\r\n', '\n');
  if (!once.includes('\r\n')) return once;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let end = line.length;
    while (end > 0 && line.charCodeAt(end - 1) === 13) end--;
    if (end < line.length) lines[i] = line.slice(0, end);
  }
  return lines.join('\n');
}

/** Are the part's decoded bytes ASCII? Known without a scan for 7bit/8bit bodies of ASCII bytes. */
export function bodyIsAscii(src: Source, node: MimeNode): boolean {
  if (node.encoding === 'base64' || node.encoding === 'quoted-printable') return false;
  return node.bodyStart >= 0 && asciiRange(src, node.bodyStart, node.bodyEnd);
}

/** The transfer-decoded bytes of a part, as a binary string. */
export function bodyBytes(s: string, node: MimeNode): string {
  if (node.bodyStart < 0 || node.bodyEnd <= node.bodyStart) return '';
  let body = normaliseLineEnds(s.slice(node.bodyStart, node.bodyEnd));
  // The last line of the input may lack its line end; a part's text always ends with one.
  if (node.bodyEnd === s.length && !body.endsWith('\n')) body += '\n';
  return decodeTransfer(body, node.encoding);
}

/**
 * The part's text in its charset (RFC 2046 4.1.2); a missing or unknown charset reads as UTF-8
 * when valid, else latin1. format=flowed (RFC 3676) is unwrapped.
 */
export function bodyText(src: Source, node: MimeNode, charset: string | undefined): string {
  const text = decodeBody(bodyBytes(src.s, node), charset, bodyIsAscii(src, node));
  if (node.params.format?.toLowerCase() === 'flowed') {
    return unflow(text, node.params.delsp?.toLowerCase() === 'yes');
  }
  return text;
}

/**
 * RFC 3676 section 4: a line ending in a space continues on the next line (a soft break);
 * a leading space is stuffing and removed; with DelSp=yes the space before a soft break goes
 * too. The signature separator "-- " is never joined.
 */
export function unflow(text: string, delSp: boolean): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let soft = false;
  for (let line of lines) {
    if (line.charCodeAt(0) === 32) line = line.slice(1);
    const isSignature = line === '-- ';
    if (out.length > 0 && !soft) out.push('\n');
    soft = !isSignature && line.endsWith(' ');
    out.push(soft && delSp ? line.slice(0, -1) : line);
  }
  return out.join('');
}
