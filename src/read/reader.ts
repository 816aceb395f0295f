import type { MailMessage } from '../types.js';

/**
 * The MIME stage behind one small interface, so that a faster hand-written parser that decodes
 * only what a bounce needs can replace postal-mime without touching the extractors (issue 3).
 */
export interface MessageReader {
  name: string;
  /** Parses one message. `raw` is the same bytes as text (see bytesToText). */
  read(bytes: Uint8Array, raw: string): Promise<MailMessage>;
}
