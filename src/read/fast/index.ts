// The fast MIME reader: a hand-written parser that decodes only what a bounce needs (text parts,
// report parts, the returned message) and skips binary attachments. Synchronous and linear in
// the input; interchangeable with the postal-mime adapter (test/read/fast-vs-postal.test.ts).
import { isAscii } from 'node:buffer';
import type { MailMessage } from '../../types.js';
import { binaryString } from '../bytes.js';
import type { MessageReader } from '../reader.js';
import { MAX_DEPTH, MAX_PARTS } from './limits.js';
import { toMailMessage } from './message.js';
import { parseTree, type Source } from './tree.js';

/**
 * Parses one message from its bytes; `raw` is the same bytes as text (see bytesToText), `bin` the
 * same bytes as a binary string and `ascii` whether they are ASCII when the caller has them (see
 * binaryString, buffer.isAscii). Returns null for a
 * message this reader does not take on: MIME nesting deeper than MAX_DEPTH, which no mail
 * software writes (the caller then lets postal-mime refuse it with its own message).
 */
export function readFast(
  bytes: Uint8Array,
  raw: string,
  bin?: string,
  ascii = isAscii(bytes),
): MailMessage | null {
  // One char per byte: offsets are byte offsets, and each part is charset-decoded on its own.
  const src: Source = { bytes, s: bin ?? binaryString(bytes), ascii };
  const { root, limits } = parseTree(src);
  if (limits.depth) return null;
  const message = toMailMessage(root, src, raw);
  if (limits.parts) message.truncated = `only the first ${MAX_PARTS} MIME parts of this message were read`;
  return message;
}

export const fastReader: MessageReader = {
  name: 'fast',
  async read(bytes, raw) {
    const message = readFast(bytes, raw);
    if (!message) throw new Error(`MIME nesting deeper than ${MAX_DEPTH} levels`);
    return message;
  },
};
