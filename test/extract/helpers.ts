import type { MailMessage } from '../../src/types.js';

/** A MailMessage built by hand, so extractor tests do not depend on the MIME reader. */
export function mail(fields: Partial<MailMessage> & { headers?: MailMessage['headers'] }): MailMessage {
  return { headers: [], text: '', parts: [], raw: '', ...fields };
}
