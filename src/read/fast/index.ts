// The fast MIME reader: a hand-written parser that decodes only what a bounce needs (text parts,
// report parts, the returned message) and skips binary attachments. Synchronous and linear in
// the input; interchangeable with the postal-mime adapter (test/read/fast-vs-postal.test.ts).
import type { MailMessage } from '../../types.js';
import type { MessageReader } from '../reader.js';
import { MAX_DEPTH } from './limits.js';
import { toMailMessage } from './message.js';
import { parseTree } from './tree.js';

/**
 * Parses one message from its bytes; `raw` is the same bytes as text (see bytesToText). Returns
 * null for a message this reader does not take on: MIME nesting deeper than MAX_DEPTH, which
 * no mail software writes (the caller then lets postal-mime refuse it with its own message).
 */
export function readFast(bytes: Uint8Array, raw: string): MailMessage | null {
  // One char per byte: offsets are byte offsets, and each part is charset-decoded on its own.
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const { root, limits } = parseTree(bytes, s);
  if (limits.depth) return null;
  return toMailMessage(root, bytes, s, raw);
}

export const fastReader: MessageReader = {
  name: 'fast',
  async read(bytes, raw) {
    const message = readFast(bytes, raw);
    if (!message) throw new Error(`MIME nesting deeper than ${MAX_DEPTH} levels`);
    return message;
  },
};
