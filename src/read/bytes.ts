// Turning the caller's input into bytes and text, and telling text from binary junk.
import { InputError } from './errors.js';
import { MAX_INPUT_BYTES } from './limits.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

export function toBytes(input: Uint8Array | string): Uint8Array {
  return typeof input === 'string' ? new TextEncoder().encode(input) : input;
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
 * Refuses input that is empty, too large or binary. Mail is text: a NUL byte or a high share of
 * control characters in the first 64 KB means the bytes are not a message (an image, an archive...).
 */
export function checkInput(bytes: Uint8Array): void {
  if (bytes.length > MAX_INPUT_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new InputError('too-large', `input is ${mb} MB; the limit is ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
  }
  let nonSpace = 0;
  const end = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0)
      throw new InputError('binary', 'input is binary data (it contains NUL bytes), not a message');
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
    if (b > 32) nonSpace++;
  }
  if (nonSpace === 0) throw new InputError('empty', 'input is empty');
  if (control > end / 20) throw new InputError('binary', 'input is binary data, not a message');
}
