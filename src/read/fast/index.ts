// The fast MIME reader: a hand-written parser that decodes only what a bounce needs (text parts,
// report parts, the returned message) and skips binary attachments. Synchronous and linear in
// the input; interchangeable with the postal-mime adapter (test/read/fast-vs-postal.test.ts).
import type { MailMessage } from '../../types.js';
import type { MessageReader } from '../reader.js';
import { toMailMessage } from './message.js';
import { parseTree } from './tree.js';

/** Parses one message from its bytes; `raw` is the same bytes as text (see bytesToText). */
export function readFast(bytes: Uint8Array, raw: string): MailMessage {
  // One char per byte: offsets are byte offsets, and each part is charset-decoded on its own.
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return toMailMessage(parseTree(s), s, raw);
}

export const fastReader: MessageReader = {
  name: 'fast',
  async read(bytes, raw) {
    return readFast(bytes, raw);
  },
};
