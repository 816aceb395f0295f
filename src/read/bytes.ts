// Turning the caller's input into bytes and text, and telling text from binary junk.
import { isAscii } from 'node:buffer';
import { InputError } from './errors.js';
import { MAX_INPUT_BYTES } from './limits.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

export function toBytes(input: Uint8Array | string): Uint8Array {
  return typeof input === 'string' ? new TextEncoder().encode(input) : input;
}

/**
 * The caller's input as a string or a Uint8Array, from whatever a JavaScript caller passed: a
 * string, a Uint8Array (a Buffer is one, also from another realm) or an ArrayBuffer (viewed, not
 * copied). Anything else is an InputError that says what was expected and what came; a parsed
 * object is refused too (a webhook payload is read from its JSON text).
 */
export function textOrBytes(input: unknown): Uint8Array | string {
  if (typeof input === 'string') return input;
  let name: string;
  try {
    if (input instanceof Uint8Array) {
      // a Proxy around one passes instanceof but holds no bytes (its every read throws)
      if (ArrayBuffer.isView(input)) return input;
      throw new TypeError('not a typed array');
    }
    const tag = Object.prototype.toString.call(input);
    if (input instanceof ArrayBuffer || tag === '[object ArrayBuffer]')
      return new Uint8Array(input as ArrayBuffer);
    if (tag === '[object Uint8Array]') {
      const view = input as Uint8Array;
      return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    }
    name = typeName(input);
  } catch {
    name = 'an object'; // a proxy, or a getter that throws: nothing more to say about it
  }
  const parsed = typeof input === 'object' && input !== null && !ArrayBuffer.isView(input);
  throw new InputError(
    'wrong-type',
    `expected the bounce as a string or bytes (Uint8Array), got ${name}${
      parsed ? ' (a webhook payload must be passed as its JSON text)' : ''
    }`,
  );
}

/** What a wrong input is, for the message: "number", "null", "an array", "DataView", "Map"... */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) return 'an array';
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
  const name = proto?.constructor?.name;
  // a class name is an identifier; anything else (a name with line breaks...) is not repeated
  return typeof name === 'string' && name !== 'Object' && /^[A-Za-z_$][\w$]{0,40}$/.test(name)
    ? name
    : 'an object';
}

/** Bytes as text: UTF-8 when valid, else latin1 (every byte maps to one character, nothing is lost). */
export function bytesToText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

/**
 * Bytes as a "binary string": one char per byte, so that offsets in it are byte offsets. For
 * ASCII bytes it is also their text (bytesToText gives the same string).
 */
export function binaryString(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * bytesToText(bytes), given the binary string of the same bytes (free for ASCII, the usual case)
 * and, when the caller knows it, whether they are ASCII.
 */
export function textOfBinary(bytes: Uint8Array, bin: string, ascii = isAscii(bytes)): string {
  if (ascii) return bin;
  try {
    return utf8.decode(bytes);
  } catch {
    return bin;
  }
}

/**
 * The refusal of an input over MAX_INPUT_BYTES, given its size; with `stopped`, the size is only
 * how much was read before reading stopped (a stream or device whose end was not waited for).
 */
export function tooLargeError(size: number, stopped = false): InputError {
  const limit = MAX_INPUT_BYTES / 1024 / 1024;
  const what = stopped ? `more than ${(size / 1024 / 1024).toFixed(1)} MB` : sizeOver(size, MAX_INPUT_BYTES);
  return new InputError('too-large', `input is ${what}; the limit is ${limit} MB`);
}

/**
 * A size over a limit of whole MB, in MB with one decimal, or in bytes when that would read as the
 * limit itself ("16.0 MB; the limit is 16 MB").
 */
export function sizeOver(size: number, limit: number): string {
  const mb = (size / 1024 / 1024).toFixed(1);
  return Number(mb) * 1024 * 1024 > limit ? `${mb} MB` : `${size} bytes`;
}

/** How much of the input the binary test looks at. */
const SNIFF_BYTES = 65536;

/**
 * Refuses input that is empty, too large or binary. Mail is text: a NUL byte or a high share of
 * control characters in the first 64 KB means the bytes are not a message (an image, an archive...).
 */
export function checkInput(bytes: Uint8Array): void {
  if (bytes.length > MAX_INPUT_BYTES) throw tooLargeError(bytes.length);
  const end = Math.min(bytes.length, SNIFF_BYTES);
  const control = controlBytes(bytes, end);
  if (control < 0)
    throw new InputError('binary', 'input is binary data (it contains NUL bytes), not a message');
  let i = 0;
  while (i < end && bytes[i] <= 32) i++;
  if (i === end) throw new InputError('empty', 'input is empty');
  if (control > end / 20) throw new InputError('binary', 'input is binary data, not a message');
}

/**
 * Per byte value: 1 for a control byte (below 32, no white space, no ESC, which starts ISO-2022
 * shifts), NUL_WEIGHT for NUL, 0 for the rest. Sums of it count control bytes and NULs at once.
 */
const CONTROL_WEIGHT = new Uint32Array(256);
const NUL_WEIGHT = 1 << 24;
const EMPTY_WORDS = new Int32Array(0);
for (let b = 1; b < 32; b++)
  if (b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) CONTROL_WEIGHT[b] = 1;
CONTROL_WEIGHT[0] = NUL_WEIGHT;

/** Control bytes among the first `end` bytes, or -1 when there is a NUL among them. */
function controlBytes(bytes: Uint8Array, end: number): number {
  // Eight bytes at a time (every input comes here): only a pair of words holding a byte below 32
  // (in text mostly LF, CR or TAB) is weighed byte by byte. (w - 0x20202020) & ~w & 0x80808080
  // is nonzero exactly when some byte of w is below 0x20.
  const lead = Math.min(end, (4 - (bytes.byteOffset & 3)) & 3);
  const n = (end - lead) >> 2;
  let sum = 0;
  for (let i = 0; i < lead; i++) sum += CONTROL_WEIGHT[bytes[i]];
  // (a view of no words is not made: its offset may be unaligned when the input is that short)
  const words = n > 0 ? new Int32Array(bytes.buffer, bytes.byteOffset + lead, n) : EMPTY_WORDS;
  let k = 0;
  for (; k + 1 < n; k += 2) {
    const a = words[k];
    const b = words[k + 1];
    if ((((a - 0x20202020) & ~a) | ((b - 0x20202020) & ~b)) & 0x80808080) {
      sum += wordWeight(a) + wordWeight(b);
      if (sum >= NUL_WEIGHT) return -1;
    }
  }
  if (k < n) sum += wordWeight(words[k]);
  for (let i = lead + 4 * n; i < end; i++) sum += CONTROL_WEIGHT[bytes[i]];
  return sum >= NUL_WEIGHT ? -1 : sum;
}

/** The CONTROL_WEIGHT sum of the four bytes of a word. */
function wordWeight(w: number): number {
  return (
    CONTROL_WEIGHT[w & 255] +
    CONTROL_WEIGHT[(w >>> 8) & 255] +
    CONTROL_WEIGHT[(w >>> 16) & 255] +
    CONTROL_WEIGHT[w >>> 24]
  );
}
