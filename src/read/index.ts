// The read stage: bytes -> a MailMessage, or the bare SMTP reply text when the input is not a message.
import { isAscii } from 'node:buffer';
import type { MailMessage } from '../types.js';
import { binaryString, checkInput, textOfBinary, toBytes } from './bytes.js';
import { InputError } from './errors.js';
import { fastReader, readFast } from './fast/index.js';
import { looksLikeHeaderBlock } from './headers.js';
import { looksLikeJsonDocument, notJson, startsLikeJsonBody } from './json-body.js';
import { postalReader } from './postal.js';
import type { MessageReader } from './reader.js';

export type { InputErrorCode } from './errors.js';
export { InputError } from './errors.js';
export { headerValue, parseHeaderBlock, splitHeaderBlock } from './headers.js';
export type { MessageReader } from './reader.js';
export { fastReader, postalReader };

/** BOUNCEDOC_READER=postal selects the postal-mime reader (for comparing the two readers). */
const preferPostal = globalThis.process?.env?.BOUNCEDOC_READER === 'postal';

const DSN_FIELD = /^(?:final|original)-recipient[ \t]*:/im;

/** A message with no header fields whose whole text is the body. */
function textMessage(raw: string): MailMessage {
  return { headers: [], text: raw, parts: [{ contentType: 'text/plain', headers: [], content: raw }], raw };
}

/**
 * Text whose lines end in a bare CR (as old Mac OS wrote them, or a paste through a tool that
 * dropped the LFs) with no LF anywhere: its CRs made LFs, so that it has lines at all. Mail's own
 * line end is CRLF (RFC 5322 2.1); a lone CR inside CRLF text stays as it is.
 */
function crLinesToLf<T extends Uint8Array | string>(input: T): T;
function crLinesToLf(input: Uint8Array | string): Uint8Array | string {
  if (typeof input === 'string')
    return input.includes('\n') || !input.includes('\r') ? input : input.replaceAll('\r', '\n');
  if (input.indexOf(10) >= 0 || input.indexOf(13) < 0) return input;
  const copy = Uint8Array.from(input);
  for (let i = copy.indexOf(13); i >= 0; i = copy.indexOf(13, i + 1)) copy[i] = 10;
  return copy;
}

/**
 * Text saved as UTF-16 with its byte order mark (what Windows PowerShell's ">" and Notepad's
 * "Unicode" write; RFC 2781 section 3.2) made a string: its NUL bytes are the encoding's, not binary
 * data. Any other input is given back as it is.
 */
function fromUtf16(input: Uint8Array | string): Uint8Array | string {
  if (typeof input === 'string' || input.length < 2) return input;
  const le = input[0] === 0xff && input[1] === 0xfe;
  const be = input[0] === 0xfe && input[1] === 0xff;
  if (!le && !be) return input;
  // an odd length or unpaired surrogates are no UTF-16 text: left to the binary check
  if (input.length % 2 !== 0) return input;
  try {
    return new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(input);
  } catch {
    return input;
  }
}

export type ReadResult = { type: 'message'; message: MailMessage } | { type: 'reply-text'; text: string };

export interface ReadOptions {
  /** the MIME reader; the fast reader by default (postal-mime when the fast reader fails) */
  reader?: MessageReader;
}

/**
 * Reads one input. A text with a header block is parsed as a message; anything else is treated
 * as a bare SMTP reply text (a single or multi-line reply, or a log line that holds one), which
 * the caller hands to the reply-text parser. Throws InputError for input that is no text at all.
 */
export async function readInput(input: Uint8Array | string, options: ReadOptions = {}): Promise<ReadResult> {
  input = crLinesToLf(fromUtf16(input));
  const bytes = toBytes(input);
  checkInput(bytes);
  // One char per byte, for the MIME parser; for ASCII bytes (the usual case) it is the text too.
  const bin = binaryString(bytes);
  const ascii = isAscii(bytes);
  const raw = typeof input === 'string' ? input : textOfBinary(bytes, bin, ascii);
  // A JSON document (an ESP webhook body) goes to the caller as text, even pretty-printed (see
  // json-body.ts); one that starts like one but does not parse is no message either.
  if (looksLikeJsonDocument(raw)) return { type: 'reply-text', text: raw.trim() };
  if (startsLikeJsonBody(raw)) throw new InputError('unreadable', notJson(raw));
  if (!looksLikeHeaderBlock(raw)) {
    // Delivery-status fields pasted without a message around them are a report, not a reply text.
    if (DSN_FIELD.test(raw)) return { type: 'message', message: textMessage(raw) };
    return { type: 'reply-text', text: raw.trim() };
  }
  if (!options.reader && !preferPostal) {
    // The fast reader returns null for what it does not take on (absurd MIME nesting) and never
    // throws by design; should it ever, postal-mime gets the message (and may refuse it below).
    try {
      const message = readFast(bytes, raw, bin, ascii);
      if (message) return { type: 'message', message };
    } catch (err) {
      if (globalThis.process?.env?.BOUNCEDOC_DEBUG) console.error('fast reader failed:', err);
    }
  }
  const reader = options.reader ?? postalReader;
  try {
    return { type: 'message', message: await reader.read(bytes, raw) };
  } catch (err) {
    // postal-mime refuses pathological structure (nesting, header size); say so in one line.
    const why = err instanceof Error ? err.message : String(err);
    throw new InputError('unreadable', `cannot read the message: ${why.split('\n')[0]}`);
  }
}
